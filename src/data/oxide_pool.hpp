// Sharing of the oxide pool outside China among the regions that need oxide (internal to the
// balance; docs/data.md, "Regions").
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rareflow/data/dataset.hpp"

namespace rareflow::detail {

struct PoolShare {
  std::string from, to;
  ElementShares t_reo{};
};

// Each origin's pooled oxide of element e goes to region r in proportion to r's need of e
// (t REO); an element that no region needs goes to `remainder`. Shares where origin and
// destination are the same region are returned too (the caller keeps them local). Output
// order: origins, then destinations, in map order (deterministic).
std::vector<PoolShare> share_pool(const std::map<std::string, ElementShares>& pool,
                                  const std::map<std::string, ElementShares>& need,
                                  const std::string& remainder);

}  // namespace rareflow::detail
