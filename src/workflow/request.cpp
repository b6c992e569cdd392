#include "rareflow/workflow/request.hpp"
#include "rareflow/core/text.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace rareflow::workflow {

std::string hint(const std::string& word, const std::vector<std::string>& candidates) {
  for (const auto& c : candidates)
    if (lower(c) == lower(word)) return fmt::format(" (did you mean '{}'?)", c);
  const std::string near = closest_match(word, candidates);
  return near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near);
}

}  // namespace rareflow::workflow
