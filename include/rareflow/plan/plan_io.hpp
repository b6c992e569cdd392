// Reading plan files (TOML). Every problem in a file is collected and reported at once as
// "file:line:column: field: expected ..., found ..."; the load fails with all of them.
#pragma once

#include <string>
#include <string_view>

#include "rareflow/core/error.hpp"
#include "rareflow/plan/plan_model.hpp"

namespace rareflow::plan {

// Parses and checks a plan. `file_name` is used in messages.
Result<PlanModel> parse_plan(std::string_view text, const std::string& file_name);

// Finds a plan by file path, or by NAME among the embedded plans/NAME.toml. Returns the text
// and sets `file_name` to what messages should call it. Fails when not found.
Result<std::string> load_plan_text(const std::string& path_or_name, std::string& file_name);

}  // namespace rareflow::plan
