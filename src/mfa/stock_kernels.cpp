#include "mfa/stock_kernels.hpp"

#include <algorithm>

namespace rareflow::mfa::detail {

namespace {

void fill_curve(Curve& k, const Lifetime& lt, std::size_t ages) {
  k.lifetime = lt;
  k.sf.resize(ages);
  k.pdf.resize(ages);
  survival_curve(lt, k.sf);
  if (ages == 0) return;
  k.pdf[0] = 1.0 - k.sf[0];
  for (std::size_t a = 1; a < ages; ++a) k.pdf[a] = k.sf[a - 1] - k.sf[a];
}

// Hands out the curve of each cohort in turn, asking the cache only when the lifetime changes.
class CurveCursor {
 public:
  explicit CurveCursor(CurveCache& cache) : cache_(cache) {}
  const Curve& at(const Lifetime& lt, std::size_t ages) {
    if (cur_ == nullptr || !(cur_->lifetime == lt) || cur_->sf.size() < ages)
      cur_ = &cache_.get(lt, ages);
    return *cur_;
  }

 private:
  CurveCache& cache_;
  const Curve* cur_ = nullptr;
};

// out[a] += x * v[a] for a < n: the cohort's contribution to all later years.
void add_scaled(double* __restrict out, const double* __restrict v, double x, std::size_t n) {
  for (std::size_t a = 0; a < n; ++a) out[a] += x * v[a];
}

}  // namespace

const Curve& CurveCache::get(const Lifetime& lt, std::size_t ages) {
  for (auto& k : curves_) {
    if (k.lifetime == lt) {
      if (k.sf.size() < ages) fill_curve(k, lt, ages);
      return k;
    }
  }
  if (curves_.size() < kCapacity) {
    curves_.emplace_back();
    fill_curve(curves_.back(), lt, ages);
    return curves_.back();
  }
  Curve& k = curves_[next_];
  next_ = (next_ + 1) % kCapacity;
  fill_curve(k, lt, ages);
  return k;
}

void inflow_driven(std::span<const double> inflow, std::span<const Lifetime> lifetimes,
                   Workspace& ws, std::span<double> stock, std::span<double> outflow) {
  const std::size_t years = inflow.size();
  std::ranges::fill(stock, 0.0);
  std::ranges::fill(outflow, 0.0);
  CurveCursor cursor(ws.cache);
  // Cohort by cohort, each adds i[c] sf(t - c) to the stock and i[c] pdf(t - c) to the outflow of
  // every year t >= c: a convolution when the lifetime is the same for all cohorts.
  for (std::size_t c = 0; c < years; ++c) {
    const std::size_t n = years - c;
    const Curve& k = cursor.at(lifetimes[c], n);
    add_scaled(stock.data() + c, k.sf.data(), inflow[c], n);
    add_scaled(outflow.data() + c, k.pdf.data(), inflow[c], n);
  }
}

void stock_driven(std::span<const double> target, std::span<const Lifetime> lifetimes,
                  bool negative_inflow_correction, Workspace& ws, std::span<double> inflow,
                  std::span<double> outflow, std::span<double> stock, std::span<double> factor) {
  const std::size_t years = target.size();
  ws.acc.assign(years, 0.0);
  ws.oacc.assign(years, 0.0);
  double* acc = ws.acc.data();
  double* oacc = ws.oacc.data();
  CurveCursor cursor(ws.cache);
  for (std::size_t t = 0; t < years; ++t) {
    const std::size_t n = years - t;
    const Curve& k = cursor.at(lifetimes[t], n);
    const double earlier = acc[t];  // what the cohorts before t still hold at the end of t
    double kept = earlier;
    double earlier_out = oacc[t];
    double i = 0.0;
    factor[t] = 1.0;
    if (negative_inflow_correction && target[t] < earlier) {
      // Inflow 0; every earlier cohort shrinks by the same share f, now and in all later years,
      // and what it loses leaves as extra outflow this year. earlier > target[t] >= 0 here.
      const double f = target[t] / earlier;
      kept = f * earlier;
      earlier_out += earlier - kept;
      for (std::size_t u = t + 1; u < years; ++u) {
        acc[u] *= f;
        oacc[u] *= f;
      }
      factor[t] = f;
    } else if (k.sf[0] != 0.0) {
      i = (target[t] - earlier) / k.sf[0];
    }
    inflow[t] = i;
    stock[t] = kept + i * k.sf[0];
    outflow[t] = earlier_out + i * k.pdf[0];
    if (n > 1) {
      add_scaled(acc + t + 1, k.sf.data() + 1, i, n - 1);
      add_scaled(oacc + t + 1, k.pdf.data() + 1, i, n - 1);
    }
  }
}

void cohort_tables(std::span<const double> inflow, std::span<const Lifetime> lifetimes,
                   std::span<const double> factor, Workspace& ws, std::span<double> stock_by_cohort,
                   std::span<double> outflow_by_cohort) {
  const std::size_t years = inflow.size();
  std::ranges::fill(stock_by_cohort, 0.0);
  std::ranges::fill(outflow_by_cohort, 0.0);
  CurveCursor cursor(ws.cache);
  for (std::size_t c = 0; c < years; ++c) {
    const Curve& k = cursor.at(lifetimes[c], years - c);
    double kept = 1.0;  // product of correction factors of the years after c
    for (std::size_t t = c; t < years; ++t) {
      if (t > c) kept *= factor[t];
      stock_by_cohort[t * years + c] = inflow[c] * k.sf[t - c] * kept;
    }
    outflow_by_cohort[c * years + c] = inflow[c] * k.pdf[0];
    for (std::size_t t = c + 1; t < years; ++t)
      outflow_by_cohort[t * years + c] =
          stock_by_cohort[(t - 1) * years + c] - stock_by_cohort[t * years + c];
  }
}

}  // namespace rareflow::mfa::detail
