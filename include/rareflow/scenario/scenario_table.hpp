// A scenario built in memory as a TOML table (e.g. from a Python dict) rather than read from a
// file: the same keys, checks and messages as load_scenario. Nodes built in memory have no
// line or column, so each problem names `origin` and the key path (policy[0].share).
#pragma once

#include <optional>
#include <string>
#include <utility>

#include <toml++/toml.h>

#include "rareflow/data/dataset.hpp"
#include "rareflow/scenario/scenario.hpp"

namespace rareflow::scenario {

// Fails with every problem found, like load_scenario. A `base` is looked up among the shipped
// scenarios (or as a path); `name` defaults to `origin`.
Result<Scenario> load_scenario_table(const toml::table& root, const std::string& origin,
                                     const Dataset& d);

// The file name (as messages show it) and text of a scenario file or shipped scenario, found
// as load_scenario finds it; nullopt when there is none.
std::optional<std::pair<std::string, std::string>> scenario_text(const std::string& name_or_path);

}  // namespace rareflow::scenario
