// Scenario numbers as distributions: where a policy number, start or end is expected, a
// scenario may give { dist = "uniform", min = 0.2, max = 0.6 } (core/distribution.hpp). The
// loader calls read_input() for each, which checks it against the parameter's declared range
// and records it in Scenario::inputs; a sweep sets sampled values with set_input().
//
// Correlation: one entry is one draw. A policy's share applies to all of the policy's elements
// and stages, so "China's licence share" is one draw for every licensed element; to draw per
// element, write one policy per element, each with its own distribution.
#pragma once

#include <optional>
#include <string>

#include <toml++/toml.h>

#include "rareflow/scenario/scenario.hpp"

namespace rareflow::scenario {

// Reads the number or distribution at `n` for key `key` of policy `policy` (its index in
// s.policies once read), records it in s.inputs and returns the value a single run uses (the
// median); nullopt after adding a diagnostic.
std::optional<double> read_input(const std::string& file, const toml::node& n,
                                 const std::string& field, const DeclaredRange& range,
                                 std::size_t policy, const std::string& key, Scenario& s,
                                 Diagnostics& diags);

// The inputs that vary (not fixed numbers).
std::vector<const ScenarioInput*> uncertain_inputs(const Scenario& s);

// The input named `name`: its full name ("policy[0].share") or a key that only one input has
// ("share"); fails naming the candidates.
Result<const ScenarioInput*> find_input(const Scenario& s, const std::string& name);

// Sets input `in` of `s` to `value` (a policy number, start or end).
void set_input(Scenario& s, const ScenarioInput& in, double value);

}  // namespace rareflow::scenario
