// sankey.json reading and writing.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rareflow/core/json_read.hpp"

#include "rareflow/report/sankey.hpp"

namespace rareflow::report {

Result<std::vector<SankeyData>> sankeys_from_json(const std::string& text,
                                                  const std::string& file_name) {
  auto parsed = parse_json(text, file_name);
  if (!parsed) return std::unexpected(parsed.error());
  const nlohmann::json& j = *parsed;
  std::vector<SankeyData> out;
  try {
    const auto& arr = j.at("diagrams");
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const auto& dj = arr[i];
      SankeyData d;
      d.name = dj.value("name", "");
      d.title = dj.value("title", "");
      if (dj.contains("stages")) d.stages = dj.at("stages").get<std::vector<std::string>>();
      for (const auto& n : dj.at("nodes"))
        d.nodes.push_back({n.at("id").get<std::string>(),
                           n.value("label", n.at("id").get<std::string>()),
                           n.at("stage").get<int>()});
      for (const auto& l : dj.at("links"))
        d.links.push_back({l.at("from").get<std::string>(), l.at("to").get<std::string>(),
                           l.at("value").get<double>(), l.value("unit", "")});
      if (auto ok = validate_sankey(d); !ok)
        return fail(fmt::format("{}: diagrams[{}]: {}", file_name, i, ok.error().message));
      out.push_back(std::move(d));
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(
        fmt::format("{}: expected {{\"diagrams\": [{{\"name\", \"title\", \"stages\", \"nodes\": "
                    "[{{id,label,stage}}], \"links\": [{{from,to,value,unit}}]}}]}}: {}",
                    file_name, e.what()));
  }
  return out;
}

std::string sankeys_to_json(const std::vector<SankeyData>& diagrams) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& d : diagrams) {
    nlohmann::ordered_json dj;
    dj["name"] = d.name;
    dj["title"] = d.title;
    dj["stages"] = d.stages;
    auto nodes = nlohmann::ordered_json::array();
    for (const auto& n : d.nodes)
      nodes.push_back({{"id", n.id}, {"label", n.label}, {"stage", n.stage}});
    dj["nodes"] = nodes;
    auto links = nlohmann::ordered_json::array();
    for (const auto& l : d.links)
      links.push_back({{"from", l.from}, {"to", l.to}, {"value", l.value}, {"unit", l.unit}});
    dj["links"] = links;
    arr.push_back(dj);
  }
  nlohmann::ordered_json j;
  j["diagrams"] = arr;
  return j.dump(1) + "\n";
}

}  // namespace rareflow::report
