// The one json reader for input files: bounded in size and nesting depth (limits.hpp), with
// errors as file:line:column: expected ..., found ...
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "rareflow/core/error.hpp"

namespace rareflow {

Result<nlohmann::json> parse_json(const std::string& text, const std::string& file);

}  // namespace rareflow
