// Scenario reduction: N sampled futures (points with probabilities) cut to K representatives
// whose probabilities are those of the futures they stand for.
//
// Method: fast forward selection (Heitsch and Roemisch 2003, "Scenario reduction algorithms in
// stochastic programming", Comput. Optim. Appl. 24; after Dupacova, Groewe-Kuska and Roemisch
// 2003). Representatives are chosen one at a time, each the one that most reduces the
// Kantorovich distance  D = sum_{j deleted} p_j min_{i kept} |x_j - x_i|  (Euclidean), ties to
// the lowest index; every deleted future then gives its probability to its nearest kept one
// (ties to the lowest index). Probabilities still sum to the input's total.
//
// What is preserved: the mean is not kept exactly, but every coordinate's mean moves by at most
// D (a coordinate is 1-Lipschitz in the Euclidean norm), and D is reported.
//
// Groups: futures of different groups (e.g. different plan scenarios) are never merged; the
// distance between them is infinite. Each group present then keeps at least one representative,
// so k must be at least the number of groups present.
#pragma once

#include <cstddef>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow::sweep {

struct Reduction {
  std::vector<std::size_t> kept;            // indices into the input, ascending
  std::vector<double> probability;          // of each kept future
  std::vector<std::size_t> represented_by;  // per input future: its position in `kept`
  double distance = 0;                      // Kantorovich distance D of the reduction
};

// points[j]: future j's coordinates (all the same length); probability[j] >= 0; group: empty
// (one group) or one id per future. Fails when k is 0, above N, or below the groups present.
Result<Reduction> reduce_fast_forward(const std::vector<std::vector<double>>& points,
                                      const std::vector<double>& probability, std::size_t k,
                                      const std::vector<int>& group = {});

// sum_i probability[i] * points[kept[i]] (the reduced set's mean), or of all points with their
// own probabilities when `r` is null.
std::vector<double> weighted_mean(const std::vector<std::vector<double>>& points,
                                  const std::vector<double>& probability,
                                  const Reduction* r = nullptr);

}  // namespace rareflow::sweep
