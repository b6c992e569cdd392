// Per-stock kernels of the dynamic stock model and the survival-curve cache they share.
// Internal to the mfa layer; the public entry point is run_stock_model().
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "rareflow/mfa/lifetime.hpp"

namespace rareflow::mfa::detail {

// Survival and outflow shares by age for one lifetime: sf[a], and pdf[0] = 1 - sf[0],
// pdf[a] = sf[a-1] - sf[a] (the share of the cohort leaving in the year it is a years old).
struct Curve {
  Lifetime lifetime;
  std::vector<double> sf;
  std::vector<double> pdf;
};

// Curves of recently used lifetimes. When parameters do not vary by cohort, sf depends on age
// only and one curve serves every cohort; stocks that share a lifetime (the elements of one
// product) compute it once. Evaluation is deterministic, so caching never changes a result.
class CurveCache {
 public:
  CurveCache() { curves_.reserve(kCapacity); }
  // The curve of `lt` with at least `ages` ages. Valid until the next call.
  const Curve& get(const Lifetime& lt, std::size_t ages);

 private:
  static constexpr std::size_t kCapacity = 32;
  std::vector<Curve> curves_;
  std::size_t next_ = 0;  // slot replaced next once full (first in, first out)
};

// Scratch space of one worker thread.
struct Workspace {
  CurveCache cache;
  std::vector<double> acc;   // stock of earlier cohorts, by future year
  std::vector<double> oacc;  // outflow of earlier cohorts, by future year
};

// Inflow-driven totals of one stock: stock[t] and outflow[t] (all spans of length T).
void inflow_driven(std::span<const double> inflow, std::span<const Lifetime> lifetimes,
                   Workspace& ws, std::span<double> stock, std::span<double> outflow);

// Stock-driven run of one stock from the target stock. Writes inflow, outflow, the stock the
// cohorts add up to, and factor[t]: the share of earlier cohorts kept by the negative-inflow
// correction in year t (1 when there was none).
void stock_driven(std::span<const double> target, std::span<const Lifetime> lifetimes,
                  bool negative_inflow_correction, Workspace& ws, std::span<double> inflow,
                  std::span<double> outflow, std::span<double> stock, std::span<double> factor);

// Stock and outflow by cohort, row-major [t * T + c], from the inflow and correction factors.
void cohort_tables(std::span<const double> inflow, std::span<const Lifetime> lifetimes,
                   std::span<const double> factor, Workspace& ws, std::span<double> stock_by_cohort,
                   std::span<double> outflow_by_cohort);

}  // namespace rareflow::mfa::detail
