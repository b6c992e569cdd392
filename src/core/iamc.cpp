#include "rareflow/core/iamc.hpp"

#include <charconv>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rareflow/core/table.hpp"

namespace rareflow {

std::string iamc_to_csv(const IamcTable& t) {
  std::string out = "model,scenario,region,variable,unit,year,value\n";
  for (const auto& r : t.rows) {
    out += fmt::format("{},{},{},{},{},{},{}\n", csv_escape(r.model), csv_escape(r.scenario),
                       csv_escape(r.region), csv_escape(r.variable), csv_escape(r.unit), r.year,
                       format_double(r.value));
  }
  return out;
}

std::string iamc_to_json(const IamcTable& t) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& r : t.rows) {
    arr.push_back({{"model", r.model},
                   {"scenario", r.scenario},
                   {"region", r.region},
                   {"variable", r.variable},
                   {"unit", r.unit},
                   {"year", r.year},
                   {"value", r.value}});
  }
  return arr.dump(1) + "\n";
}

std::string run_record_to_json(const RunRecord& r) {
  nlohmann::ordered_json j;
  j["command"] = r.command;
  nlohmann::ordered_json e;
  for (const auto& [k, v] : r.entries) e[k] = v;
  j["entries"] = e;
  return j.dump(2) + "\n";
}

namespace {
// Splits one CSV record (RFC 4180, no embedded newlines in this format).
std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}
}  // namespace

Result<IamcTable> iamc_from_csv(const std::string& text, const std::string& file_name) {
  IamcTable t;
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    ++line_no;
    if (line_no == 1 || line.empty()) continue;
    auto f = split_csv_line(line);
    if (f.size() != 7)
      return fail(
          fmt::format("{}:{}: expected 7 fields (model,scenario,region,variable,unit,"
                      "year,value), found {}",
                      file_name, line_no, f.size()));
    IamcRow r{f[0], f[1], f[2], f[3], f[4], 0, 0.0};
    auto [p1, e1] = std::from_chars(f[5].data(), f[5].data() + f[5].size(), r.year);
    auto [p2, e2] = std::from_chars(f[6].data(), f[6].data() + f[6].size(), r.value);
    if (e1 != std::errc() || e2 != std::errc())
      return fail(fmt::format("{}:{}: year or value is not a number", file_name, line_no));
    t.rows.push_back(std::move(r));
  }
  return t;
}

}  // namespace rareflow
