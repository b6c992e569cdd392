// Internal: each project type's numeric keys as one declared table (unit, range, default,
// required, meaning). The table drives parse_project's reading, range checks, defaults and
// messages, and the generated table in docs/model_plan.md; adding a parameter is one row.
#pragma once

#include <vector>

#include "rareflow/core/params.hpp"
#include "rareflow/plan/plan_model.hpp"

namespace rareflow::plan::detail {

const std::vector<ParamSpec>& project_params(ProjectType t);
inline constexpr ProjectType kProjectTypes[] = {ProjectType::Mine, ProjectType::Separation,
                                                ProjectType::Metal, ProjectType::Magnet,
                                                ProjectType::Recycling};

}  // namespace rareflow::plan::detail
