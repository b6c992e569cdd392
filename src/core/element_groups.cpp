#include "rareflow/core/element_groups.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace rareflow {

bool is_named_group(std::string_view name) {
  return std::find(kElementGroupNames.begin(), kElementGroupNames.end(), name) !=
         kElementGroupNames.end();
}

std::optional<std::vector<Element>> element_group(std::string_view name) {
  std::vector<Element> out;
  if (name == "all") {
    for (std::size_t i = 0; i < kElementCount; ++i) out.push_back(element_at(i));
    return out;
  }
  if (is_named_group(name)) {
    for (const auto& inf : element_table()) {
      bool in = name == "magnet" ? inf.magnet
                : name == "LREE" ? inf.group == ElementGroup::LREE
                                 : inf.group == ElementGroup::HREE;
      if (in) out.push_back(inf.element);
    }
    return out;
  }
  // "Nd+Pr" or a single symbol.
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t plus = name.find('+', start);
    std::string_view sym =
        name.substr(start, plus == std::string_view::npos ? name.npos : plus - start);
    auto e = element_from_symbol(sym);
    if (!e) return std::nullopt;
    if (std::find(out.begin(), out.end(), *e) == out.end()) out.push_back(*e);
    if (plus == std::string_view::npos) break;
    start = plus + 1;
  }
  return out;
}

double group_share(const std::vector<Element>& group, const std::array<double, kElementCount>& part,
                   const std::array<double, kElementCount>& whole) {
  double p = 0.0, w = 0.0;
  for (Element e : group) {
    p += part[index(e)];
    w += whole[index(e)];
  }
  return w > 0.0 ? p / w : std::nan("");
}

}  // namespace rareflow
