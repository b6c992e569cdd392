#include "data/oxide_pool.hpp"

namespace rareflow::detail {

std::vector<PoolShare> share_pool(const std::map<std::string, ElementShares>& pool,
                                  const std::map<std::string, ElementShares>& need,
                                  const std::string& remainder) {
  ElementShares total_need{};
  for (const auto& [r, n] : need)
    for (std::size_t e = 0; e < kElementCount; ++e) total_need[e] += n[e];
  std::vector<PoolShare> out;
  for (const auto& [from, t] : pool) {
    std::map<std::string, ElementShares> to;
    for (std::size_t e = 0; e < kElementCount; ++e) {
      if (!(t[e] > 0.0)) continue;
      if (!(total_need[e] > 0.0)) {
        to[remainder][e] += t[e];
        continue;
      }
      for (const auto& [r, n] : need)
        if (n[e] > 0.0) to[r][e] += t[e] * (n[e] / total_need[e]);
    }
    for (auto& [r, v] : to) out.push_back({from, r, v});
  }
  return out;
}

}  // namespace rareflow::detail
