// Sankey data: validation, balance check and the builder from element-by-element chain flows.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "rareflow/core/csv.hpp"
#include "rareflow/core/limits.hpp"
#include "rareflow/core/params.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/report/sankey.hpp"

namespace rareflow::report {

Result<void> validate_sankey(const SankeyData& d) {
  std::vector<std::string> problems;
  std::map<std::string, int> stage_of;
  for (const auto& n : d.nodes) {
    if (n.id.empty()) problems.push_back("a node has an empty id");
    if (n.stage < 0) problems.push_back(fmt::format("node '{}': negative stage {}", n.id, n.stage));
    if (!stage_of.emplace(n.id, n.stage).second)
      problems.push_back(fmt::format("node id '{}' appears twice", n.id));
  }
  std::set<std::string> units;
  for (const auto& l : d.links) {
    auto a = stage_of.find(l.from), b = stage_of.find(l.to);
    if (a == stage_of.end()) problems.push_back(fmt::format("link from unknown node '{}'", l.from));
    if (b == stage_of.end()) problems.push_back(fmt::format("link to unknown node '{}'", l.to));
    if (a != stage_of.end() && b != stage_of.end() && b->second <= a->second)
      problems.push_back(fmt::format("link '{}' -> '{}' does not go to a later stage ({} -> {})",
                                     l.from, l.to, a->second, b->second));
    if (!std::isfinite(l.value) || l.value < 0.0)
      problems.push_back(
          fmt::format("link '{}' -> '{}': value {} is not a finite non-negative "
                      "number",
                      l.from, l.to, l.value));
    units.insert(l.unit);
  }
  if (units.size() > 1)
    problems.push_back(
        fmt::format("links mix units ({}); a diagram needs one", fmt::join(units, ", ")));
  if (problems.empty()) return {};
  return fail(fmt::format("sankey '{}': {}", d.title, fmt::join(problems, "; ")));
}

std::vector<NodeFlow> node_flows(const SankeyData& d) {
  std::vector<NodeFlow> out;
  std::map<std::string, std::size_t> at;
  for (const auto& n : d.nodes) {
    at.emplace(n.id, out.size());
    out.push_back({n.id, 0.0, 0.0});
  }
  for (const auto& l : d.links) {
    if (auto it = at.find(l.from); it != at.end()) out[it->second].out += l.value;
    if (auto it = at.find(l.to); it != at.end()) out[it->second].in += l.value;
  }
  return out;
}

Result<void> check_sankey_balance(const SankeyData& d, double rel_tol) {
  std::vector<std::string> bad;
  for (const auto& f : node_flows(d)) {
    if (f.in == 0.0 || f.out == 0.0) continue;  // sources and sinks
    if (std::abs(f.in - f.out) > rel_tol * std::max(f.in, f.out))
      bad.push_back(fmt::format("'{}' receives {} but passes on {}", f.id, format_double(f.in),
                                format_double(f.out)));
  }
  if (bad.empty()) return {};
  return fail(fmt::format("sankey '{}' is not balanced: {}", d.title, fmt::join(bad, "; ")));
}

std::vector<ElementSelection> key_element_groups() {
  return {{"Nd+Pr", {Element::Nd, Element::Pr}},
          {"Dy+Tb", {Element::Dy, Element::Tb}},
          {"Ce+La", {Element::Ce, Element::La}}};
}

Result<std::vector<std::string>> chain_stage_order(const std::vector<ChainFlow>& flows) {
  std::vector<std::string> seen;
  auto idx = [&](const std::string& s) {
    auto it = std::find(seen.begin(), seen.end(), s);
    if (it != seen.end()) return static_cast<std::size_t>(it - seen.begin());
    seen.push_back(s);
    return seen.size() - 1;
  };
  std::set<std::pair<std::size_t, std::size_t>> edges;
  for (const auto& f : flows) {
    std::size_t a = idx(f.from_stage), b = idx(f.to_stage);
    if (a == b)
      return fail(fmt::format("flow {} -> {} stays in stage '{}'; a flow must go to a later stage",
                              f.from_node, f.to_node, f.from_stage));
    edges.insert({a, b});
  }
  std::vector<int> indeg(seen.size(), 0);
  for (auto [a, b] : edges) ++indeg[b];
  std::vector<std::string> order;
  std::vector<bool> done(seen.size(), false);
  for (std::size_t round = 0; round < seen.size(); ++round) {
    std::size_t pick = seen.size();
    for (std::size_t i = 0; i < seen.size(); ++i)
      if (!done[i] && indeg[i] == 0) {
        pick = i;
        break;
      }
    if (pick == seen.size())
      return fail("the flows' stages form a cycle; a Sankey needs stages in one direction");
    done[pick] = true;
    order.push_back(seen[pick]);
    for (auto [a, b] : edges)
      if (a == pick) --indeg[b];
  }
  return order;
}

namespace {
using NodeKey = std::pair<std::size_t, std::string>;  // (stage index, node name)

std::string other_name() {
  return "Other";
}
}  // namespace

Result<SankeyData> sankey_from_flows(const std::vector<ChainFlow>& flows,
                                     const ElementSelection& selection,
                                     const SankeyBuildOptions& options) {
  std::vector<std::string> stages = options.stage_order;
  if (stages.empty()) {
    auto order = chain_stage_order(flows);
    if (!order) return std::unexpected(order.error());
    stages = *order;
  }
  auto stage_index = [&](const std::string& s) -> Result<std::size_t> {
    auto it = std::find(stages.begin(), stages.end(), s);
    if (it == stages.end()) return fail(fmt::format("stage '{}' is not in the stage order", s));
    return static_cast<std::size_t>(it - stages.begin());
  };
  // Sum the selected elements per link.
  std::map<std::pair<NodeKey, NodeKey>, double> sums;
  for (const auto& f : flows) {
    if (std::find(selection.elements.begin(), selection.elements.end(), f.element) ==
        selection.elements.end())
      continue;
    if (!std::isfinite(f.value) || f.value < 0.0)
      return fail(fmt::format(
          "flow {} {} -> {} {} of {}: value {} is not a finite non-negative "
          "number",
          f.from_stage, f.from_node, f.to_stage, f.to_node, info(f.element).symbol, f.value));
    auto a = stage_index(f.from_stage);
    auto b = stage_index(f.to_stage);
    if (!a) return std::unexpected(a.error());
    if (!b) return std::unexpected(b.error());
    if (*b <= *a)
      return fail(
          fmt::format("flow {} -> {} goes against the stage order", f.from_stage, f.to_stage));
    sums[{{*a, f.from_node}, {*b, f.to_node}}] += f.value;
  }
  // Throughput per node decides which nodes keep their own box.
  std::map<NodeKey, std::pair<double, double>> through;  // in, out
  for (const auto& [k, v] : sums) {
    through[k.first].second += v;
    through[k.second].first += v;
  }
  std::map<NodeKey, std::string> rename;
  if (options.max_nodes_per_stage > 0) {
    std::map<std::size_t, std::vector<std::pair<double, std::string>>> per_stage;
    for (const auto& [k, io] : through)
      per_stage[k.first].push_back({std::max(io.first, io.second), k.second});
    for (auto& [s, list] : per_stage) {
      if (list.size() <= options.max_nodes_per_stage) continue;
      std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
      });
      for (std::size_t i = options.max_nodes_per_stage - 1; i < list.size(); ++i)
        rename[{s, list[i].second}] = other_name();
    }
  }
  auto final_key = [&](const NodeKey& k) {
    auto it = rename.find(k);
    return it == rename.end() ? k : NodeKey{k.first, it->second};
  };
  std::map<std::pair<NodeKey, NodeKey>, double> merged;
  for (const auto& [k, v] : sums) merged[{final_key(k.first), final_key(k.second)}] += v;
  std::map<NodeKey, double> size;
  for (const auto& [k, v] : merged) {
    size[k.first] += 0.0;
    size[k.second] += 0.0;
  }
  for (auto& [k, s] : size) {
    double in = 0.0, out = 0.0;
    for (const auto& [lk, v] : merged) {
      if (lk.first == k) out += v;
      if (lk.second == k) in += v;
    }
    s = std::max(in, out);
  }
  // Columns: only stages this selection reaches, in chain order.
  std::vector<std::size_t> used;
  for (const auto& [k, s] : size)
    if (std::find(used.begin(), used.end(), k.first) == used.end()) used.push_back(k.first);
  std::sort(used.begin(), used.end());
  SankeyData d;
  d.name = selection.name;
  d.title = fmt::format("{}, {} [{}]", options.title_prefix, selection.name, options.unit);
  for (auto s : used) d.stages.push_back(stages[s]);
  auto id_of = [&](const NodeKey& k) { return stages[k.first] + "|" + k.second; };
  for (std::size_t c = 0; c < used.size(); ++c) {
    std::vector<std::pair<double, std::string>> list;
    for (const auto& [k, s] : size)
      if (k.first == used[c]) list.push_back({s, k.second});
    // Largest first; "Other" always last.
    std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) {
      bool xo = x.second == other_name(), yo = y.second == other_name();
      if (xo != yo) return yo;
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    for (const auto& [s, name] : list)
      d.nodes.push_back({id_of({used[c], name}), name, static_cast<int>(c)});
  }
  for (const auto& [k, v] : merged)
    if (v > 0.0) d.links.push_back({id_of(k.first), id_of(k.second), v, options.unit});
  return d;
}

Result<std::vector<SankeyData>> key_group_sankeys(const std::vector<ChainFlow>& flows,
                                                  const SankeyBuildOptions& options) {
  std::vector<SankeyData> out;
  for (const auto& g : key_element_groups()) {
    auto d = sankey_from_flows(flows, g, options);
    if (!d) return std::unexpected(d.error());
    if (!d->links.empty()) out.push_back(std::move(*d));
  }
  return out;
}

Result<std::vector<ChainFlow>> chain_flows_from_csv(const std::string& text,
                                                    const std::string& file_name,
                                                    std::string* unit) {
  auto doc = read_csv(text, file_name);
  if (!doc) return std::unexpected(doc.error());
  static const std::vector<std::string> kHeader{"from_stage", "from_node", "to_stage", "to_node",
                                                "element",    "value",     "unit"};
  if (field_texts(doc->header) != kHeader)
    return fail(fmt::format("{}:1: expected header {}", file_name, fmt::join(kHeader, ",")));
  std::vector<ChainFlow> out;
  std::vector<std::string> problems;
  std::string first_unit;
  for (const auto& rec : doc->records) {
    const std::vector<std::string> fields = field_texts(rec);
    if (fields.size() != kHeader.size()) {
      problems.push_back(
          fmt::format("{}:{}: expected 7 fields, found {}", file_name, rec.line, fields.size()));
      continue;
    }
    ChainFlow f{fields[0], fields[1], fields[2], fields[3], Element::Nd, 0.0};
    auto e = element_from_symbol(fields[4]);
    if (!e) {
      problems.push_back(fmt::format("{}:{}: element: '{}' is not a rare-earth symbol", file_name,
                                     rec.line, fields[4]));
      continue;
    }
    f.element = *e;
    const auto& v = fields[5];
    // A flow is at most 10 Mt, about 25 times world mine production (390 kt REO/yr, USGS MCS
    // 2025): 2147483647 t of Dy was drawn as a Sankey before (issue 13).
    const ParamSpec spec{"value", ParamType::Number, fields[6], 0.0, 1e7, {}, true, ""};
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), f.value);
    if (ec != std::errc() || p != v.data() + v.size()) {
      problems.push_back(fmt::format("{}:{}: value: expected {}, found {}", file_name, rec.line,
                                     param_expectation(spec), echo(v)));
      continue;
    }
    if (auto bad = check_param(spec, f.value); !bad.empty()) {
      problems.push_back(fmt::format("{}:{}: value: {}", file_name, rec.line, bad));
      continue;
    }
    if (first_unit.empty()) first_unit = fields[6];
    if (fields[6] != first_unit)
      problems.push_back(fmt::format("{}:{}: unit: '{}' differs from '{}' used above", file_name,
                                     rec.line, fields[6], first_unit));
    out.push_back(std::move(f));
  }
  if (!problems.empty()) return fail(fmt::format("{}", fmt::join(problems, "\n")));
  if (unit) *unit = first_unit;
  return out;
}

std::string chain_flows_to_csv(const std::vector<ChainFlow>& flows, const std::string& unit) {
  std::string out = "from_stage,from_node,to_stage,to_node,element,value,unit\n";
  for (const auto& f : flows)
    out += fmt::format("{},{},{},{},{},{},{}\n", csv_escape(f.from_stage), csv_escape(f.from_node),
                       csv_escape(f.to_stage), csv_escape(f.to_node), info(f.element).symbol,
                       format_double(f.value), csv_escape(unit));
  return out;
}

}  // namespace rareflow::report
