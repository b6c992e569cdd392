// Files compiled into the binary: the default data package (data/world/...), the shipped
// scenarios (scenarios/...) and plans (plans/...), keyed by their path in the source tree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rareflow {

// Contents of an embedded file, or nullopt. `path` is relative to the project root,
// e.g. "data/world/sources.csv".
std::optional<std::string_view> embedded_file(std::string_view path);
// All embedded paths under a prefix, sorted.
std::vector<std::string> embedded_paths(std::string_view prefix);

}  // namespace rareflow
