#include "rareflow/criticality/subjects.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "criticality/validate.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow::criticality {

namespace {
// closest_match on lower-case copies, returning the candidate as spelled.
std::string closest_ci(std::string_view word, const std::vector<std::string>& candidates) {
  std::vector<std::string> lowered;
  for (const auto& c : candidates) lowered.push_back(lower(c));
  const std::string best = closest_match(lower(word), lowered);
  for (std::size_t i = 0; i < lowered.size(); ++i)
    if (lowered[i] == best && !best.empty()) return candidates[i];
  return "";
}
}  // namespace

Result<Material> resolve_material(std::string_view text) {
  std::string t = lower(text);
  if (t.ends_with(" group")) t.resize(t.size() - 6);
  if (t == "lree") return Material{"LREE", std::nullopt, ElementGroup::LREE};
  if (t == "hree") return Material{"HREE", std::nullopt, ElementGroup::HREE};
  std::vector<std::string> candidates = {"LREE", "HREE"};
  for (const auto& i : element_table()) {
    if (t == lower(i.symbol) || t == lower(i.name))
      return Material{std::string(i.symbol), i.element, std::nullopt};
    candidates.emplace_back(i.symbol);
    candidates.emplace_back(i.name);
  }
  const std::string hint = closest_ci(text, candidates);
  if (hint.empty()) return fail(fmt::format("unknown element or group '{}'", text));
  return fail(fmt::format("unknown element or group '{}'; did you mean '{}'?", text, hint));
}

Result<std::string> resolve_perspective(std::string_view text,
                                        const std::vector<std::string>& known) {
  const std::string t = upper(text);
  for (const auto& k : known)
    if (upper(k) == t) return k;
  const std::string hint = closest_ci(text, known);
  if (!hint.empty())
    return fail(fmt::format("unknown perspective '{}'; did you mean '{}'?", text, hint));
  return fail(fmt::format("unknown perspective '{}'; known: {}", text, fmt::join(known, ", ")));
}

Result<int> resolve_year(int year, const std::vector<int>& available, std::string_view what) {
  if (std::find(available.begin(), available.end(), year) != available.end()) return year;
  std::vector<int> sorted = available;
  std::sort(sorted.begin(), sorted.end());
  if (sorted.empty()) return fail(fmt::format("no {} data for year {}: none loaded", what, year));
  return fail(
      fmt::format("no {} data for year {}; available: {}", what, year, fmt::join(sorted, ", ")));
}

}  // namespace rareflow::criticality
