// Fast forward selection of representative futures (reduction.hpp).
#include "rareflow/sweep/reduction.hpp"

#include <cmath>
#include <limits>
#include <set>

#include <fmt/format.h>

namespace rareflow::sweep {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A candidate's score: probability left with no representative of its group (lexicographically
// first, so every group is covered before any gets a second), then the finite distance.
struct Score {
  double uncovered = 0, distance = 0;
  bool operator<(const Score& o) const {
    return uncovered != o.uncovered ? uncovered < o.uncovered : distance < o.distance;
  }
};

}  // namespace

Result<Reduction> reduce_fast_forward(const std::vector<std::vector<double>>& points,
                                      const std::vector<double>& probability, std::size_t k,
                                      const std::vector<int>& group) {
  const std::size_t n = points.size();
  if (probability.size() != n || (!group.empty() && group.size() != n))
    return fail("scenario reduction: points, probabilities and groups differ in number");
  if (k == 0 || k > n)
    return fail(
        fmt::format("scenario reduction: expected 1 to {} futures to keep, found {}", n, k));
  std::set<int> groups(group.begin(), group.end());
  if (groups.size() > k)
    return fail(fmt::format(
        "scenario reduction: {} futures cannot represent {} groups (plan scenarios) drawn; "
        "keep at least {}",
        k, groups.size(), groups.size()));
  auto dist = [&](std::size_t a, std::size_t b) {
    if (!group.empty() && group[a] != group[b]) return kInf;
    double s = 0;
    for (std::size_t c = 0; c < points[a].size(); ++c) {
      double d = points[a][c] - points[b][c];
      s += d * d;
    }
    return std::sqrt(s);
  };
  // nearest[j]: distance from j to the closest kept future so far.
  std::vector<double> nearest(n, kInf);
  std::vector<bool> kept(n, false);
  for (std::size_t step = 0; step < k; ++step) {
    std::size_t best = n;
    Score best_score;
    for (std::size_t u = 0; u < n; ++u) {
      if (kept[u]) continue;
      Score s;
      for (std::size_t j = 0; j < n; ++j) {
        if (kept[j] || j == u) continue;
        double d = std::min(nearest[j], dist(j, u));
        if (d == kInf)
          s.uncovered += probability[j];
        else
          s.distance += probability[j] * d;
      }
      if (best == n || s < best_score) {
        best = u;
        best_score = s;
      }
    }
    kept[best] = true;
    for (std::size_t j = 0; j < n; ++j) nearest[j] = std::min(nearest[j], dist(j, best));
  }
  Reduction r;
  std::vector<std::size_t> position(n, n);
  for (std::size_t j = 0; j < n; ++j)
    if (kept[j]) {
      position[j] = r.kept.size();
      r.kept.push_back(j);
      r.probability.push_back(probability[j]);
    }
  r.represented_by.resize(n);
  for (std::size_t j = 0; j < n; ++j) {
    if (kept[j]) {
      r.represented_by[j] = position[j];
      continue;
    }
    std::size_t to = n;
    double d_to = kInf;
    for (std::size_t i : r.kept)
      if (double d = dist(j, i); to == n || d < d_to) {
        to = i;
        d_to = d;
      }
    r.represented_by[j] = position[to];
    r.probability[position[to]] += probability[j];
    r.distance += probability[j] * d_to;
  }
  return r;
}

std::vector<double> weighted_mean(const std::vector<std::vector<double>>& points,
                                  const std::vector<double>& probability, const Reduction* r) {
  std::vector<double> m(points.empty() ? 0 : points.front().size(), 0.0);
  const std::size_t count = r ? r->kept.size() : points.size();
  for (std::size_t i = 0; i < count; ++i) {
    const auto& x = points[r ? r->kept[i] : i];
    for (std::size_t c = 0; c < m.size(); ++c) m[c] += probability[i] * x[c];
  }
  return m;
}

}  // namespace rareflow::sweep
