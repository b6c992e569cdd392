#include "rareflow/criticality/model_measure.hpp"

#include <fmt/format.h>

#include "criticality/validate.hpp"

namespace rareflow::criticality {

namespace {
Result<void> check_outcome(const ModelOutcome& o, std::string_view run, std::string_view m) {
  if (auto ok = detail::check_nonnegative(o.shortfall_t, fmt::format("{} shortfall of {}", run, m));
      !ok)
    return ok;
  return detail::check_nonnegative(o.price_usd_per_kg, fmt::format("{} price of {}", run, m));
}
}  // namespace

Result<ModelMeasureResult> model_measure(const ModelMeasureInput& in) {
  const std::string& m = in.material;
  if (m.empty()) return fail("model measure input without a material name");
  if (auto ok = detail::check_nonnegative(in.demand_t, fmt::format("demand of {}", m)); !ok)
    return std::unexpected(ok.error());
  if (auto ok = check_outcome(in.baseline, "baseline", m); !ok) return std::unexpected(ok.error());
  if (auto ok = check_outcome(in.disruption, "disruption", m); !ok)
    return std::unexpected(ok.error());
  if (in.baseline.price_usd_per_kg <= 0.0)
    return fail(fmt::format("baseline price of {} is 0: the price increase is undefined", m));
  for (const auto* o : {&in.baseline, &in.disruption})
    if (o->shortfall_t > in.demand_t)
      return fail(fmt::format("shortfall of {} ({} t) exceeds the perspective's demand ({} t)", m,
                              o->shortfall_t, in.demand_t));
  ModelMeasureResult r;
  r.material = m;
  r.perspective = in.perspective;
  r.scenario = in.scenario;
  r.year = in.year;
  r.demand_t = in.demand_t;
  r.baseline = in.baseline;
  r.disruption = in.disruption;
  r.added_shortfall_t = in.disruption.shortfall_t - in.baseline.shortfall_t;
  if (in.demand_t > 0.0) {
    r.shortfall_share_baseline = in.baseline.shortfall_t / in.demand_t;
    r.shortfall_share_disruption = in.disruption.shortfall_t / in.demand_t;
    r.added_shortfall_share = r.added_shortfall_t / in.demand_t;
  } else {
    r.flags.push_back("no demand in the baseline: shortfall shares set to 0");
  }
  r.price_change_usd_per_kg = in.disruption.price_usd_per_kg - in.baseline.price_usd_per_kg;
  r.price_increase = r.price_change_usd_per_kg / in.baseline.price_usd_per_kg;
  if (r.added_shortfall_t < 0.0)
    r.flags.push_back("the disruption run has less shortfall than the baseline");
  return r;
}

Result<std::vector<ModelMeasureResult>> model_measures(const std::vector<ModelMeasureInput>& in) {
  std::vector<ModelMeasureResult> out;
  out.reserve(in.size());
  for (const auto& i : in) {
    auto r = model_measure(i);
    if (!r) return std::unexpected(r.error());
    out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace rareflow::criticality
