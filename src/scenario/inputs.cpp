#include "rareflow/scenario/inputs.hpp"

#include <fmt/format.h>

namespace rareflow::scenario {

std::optional<double> read_input(const std::string& file, const toml::node& n,
                                 const std::string& field, const DeclaredRange& range,
                                 std::size_t policy, const std::string& key, Scenario& s,
                                 Diagnostics& diags) {
  auto d = read_distribution(n, file, field, range, diags);
  if (!d) return std::nullopt;
  s.inputs.push_back({field, *d, fmt::format("{}:{}", file, n.source().begin.line), policy, key});
  return quantile(*d, 0.5);
}

std::vector<const ScenarioInput*> uncertain_inputs(const Scenario& s) {
  std::vector<const ScenarioInput*> out;
  for (const auto& in : s.inputs)
    if (!in.dist.is_fixed()) out.push_back(&in);
  return out;
}

Result<const ScenarioInput*> find_input(const Scenario& s, const std::string& name) {
  std::vector<const ScenarioInput*> hits;
  std::vector<std::string> names;
  for (const auto& in : s.inputs) {
    names.push_back(in.name);
    if (in.name == name) return &in;
    if (in.key == name) hits.push_back(&in);
  }
  if (hits.size() == 1) return hits.front();
  std::string list;
  for (const auto& x : names) list += (list.empty() ? "" : ", ") + x;
  if (hits.size() > 1)
    return fail(fmt::format("\"{}\" names {} inputs; expected one of {}", name, hits.size(), list));
  std::vector<std::string> candidates = names;
  for (const auto& in : s.inputs) candidates.push_back(in.key);
  return fail(fmt::format("expected an input of the scenario ({}), found \"{}\"{}",
                          list.empty() ? "it has no policy numbers" : list, name,
                          suggestion(name, candidates)));
}

void set_input(Scenario& s, const ScenarioInput& in, double value) {
  PolicySpec& p = s.policies.at(in.policy);
  if (in.key == "start")
    p.start = value;
  else if (in.key == "end")
    p.end = value;
  else
    p.numbers[in.key] = value;
}

}  // namespace rareflow::scenario
