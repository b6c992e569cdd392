#include "rareflow/criticality/eu_method.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "criticality/trade_lookup.hpp"
#include "criticality/validate.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow::criticality {

namespace {
// The EU tables write "EU" for the Union's own sourcing.
std::string perspective_code(std::string_view perspective) {
  const std::string p = upper(perspective);
  if (p == "EU27" || p == "EU") return "EU";
  return std::string(perspective);
}
}  // namespace

std::string scope_label(SupplyScope s, std::string_view perspective) {
  switch (s) {
    case SupplyScope::Combined:
      return "GS+" + perspective_code(perspective);
    case SupplyScope::GlobalOnly:
      return "GSonly";
    case SupplyScope::SourcingOnly:
      return perspective_code(perspective) + "only";
  }
  return "";
}

Result<HhiResult> hhi_wgi_t(const std::vector<CountryShare>& shares, const Governance& governance,
                            const TradeFactorTable& trade_factors, std::string_view material,
                            SupplyStage stage, SupplyTerm term) {
  const std::string what =
      fmt::format("{} shares of {} at {}", term_name(term), material, stage_name(stage));
  if (auto ok = detail::check_shares(shares, what); !ok) return std::unexpected(ok.error());
  if (auto ok = validate(trade_factors); !ok) return std::unexpected(ok.error());
  HhiResult r;
  r.term = term;
  const auto keys = detail::trade_factor_keys(material);
  for (const auto& s : shares) {
    HhiTerm t;
    t.iso3 = upper(s.iso3);
    t.share = s.share;
    const GovernanceValue g = governance_of(governance, t.iso3);
    t.wgi_scaled = g.scaled;
    t.wgi_defaulted = g.defaulted;
    t.trade_factor = detail::trade_factor_for_keys(trade_factors, keys, stage, term, t.iso3);
    t.contribution = t.share * t.share * t.wgi_scaled * t.trade_factor;
    r.value += t.contribution;
    r.terms.push_back(std::move(t));
  }
  return r;
}

Result<EuStageResult> eu_stage_supply_risk(const EuStageInput& in, std::string_view material,
                                           std::string_view perspective, double eol_rir,
                                           double si_sr, const Governance& governance,
                                           const TradeFactorTable& trade_factors) {
  const auto where = fmt::format("{} at {}", material, stage_name(in.stage));
  if (auto ok = detail::check_fraction(in.import_reliance, "import reliance of " + where); !ok)
    return std::unexpected(ok.error());
  if (auto ok = detail::check_fraction(eol_rir, fmt::format("EoL-RIR of {}", material)); !ok)
    return std::unexpected(ok.error());
  if (auto ok = detail::check_fraction(si_sr, fmt::format("SI_SR of {}", material)); !ok)
    return std::unexpected(ok.error());
  if (!in.global_supply && !in.sourcing)
    return fail(fmt::format("{}: neither global supply nor {} sourcing shares are given", where,
                            perspective));
  EuStageResult r;
  r.stage = in.stage;
  r.import_reliance = in.import_reliance;
  r.eol_factor = 1.0 - eol_rir;
  r.si_sr = si_sr;
  if (in.global_supply) {
    auto h = hhi_wgi_t(*in.global_supply, governance, trade_factors, material, in.stage,
                       SupplyTerm::Global);
    if (!h) return std::unexpected(h.error());
    r.global = std::move(*h);
  }
  if (in.sourcing) {
    auto h = hhi_wgi_t(*in.sourcing, governance, trade_factors, material, in.stage,
                       SupplyTerm::Sourcing);
    if (!h) return std::unexpected(h.error());
    r.sourcing = std::move(*h);
  }
  // With one term missing the other is used alone (weight 1), as in the 2023 "GSonly" and
  // "EUonly" rows; IR then no longer enters SR.
  if (r.global && r.sourcing) {
    r.scope = SupplyScope::Combined;
    r.weight_global = in.import_reliance / 2.0;
    r.weight_sourcing = 1.0 - in.import_reliance / 2.0;
  } else if (r.global) {
    r.scope = SupplyScope::GlobalOnly;
    r.weight_global = 1.0;
  } else {
    r.scope = SupplyScope::SourcingOnly;
    r.weight_sourcing = 1.0;
  }
  r.weighted_hhi = (r.global ? r.weight_global * r.global->value : 0.0) +
                   (r.sourcing ? r.weight_sourcing * r.sourcing->value : 0.0);
  r.supply_risk = r.weighted_hhi * r.eol_factor * r.si_sr;
  return r;
}

namespace {
void add_flags(const EuResult& res, const EuStageResult& s, std::vector<std::string>& flags) {
  const auto code = stage_code(s.stage);
  if (s.scope == SupplyScope::GlobalOnly)
    flags.push_back(
        fmt::format("GSonly({}): no {} sourcing shares at {}; global supply term used alone", code,
                    res.perspective, stage_name(s.stage)));
  if (s.scope == SupplyScope::SourcingOnly)
    flags.push_back(fmt::format("{}({}): no global supply shares at {}; sourcing term used alone",
                                scope_label(s.scope, res.perspective), code, stage_name(s.stage)));
  std::vector<std::string> defaulted;
  for (const auto* h : {s.global ? &*s.global : nullptr, s.sourcing ? &*s.sourcing : nullptr}) {
    if (!h) continue;
    for (const auto& t : h->terms)
      if (t.wgi_defaulted &&
          std::find(defaulted.begin(), defaulted.end(), t.iso3) == defaulted.end())
        defaulted.push_back(t.iso3);
  }
  if (!defaulted.empty())
    flags.push_back(fmt::format("WGI default {} (world-average governance) used at {} for: {}",
                                kWgiScaledDefault, stage_name(s.stage),
                                fmt::join(defaulted, ", ")));
}
}  // namespace

Result<EuResult> assess_eu(const EuMaterialInput& in, const Governance& governance,
                           const TradeFactorTable& trade_factors) {
  if (in.material.empty()) return fail("EU assessment input without a material name");
  if (in.stages.empty()) return fail(fmt::format("{}: no stage to assess", in.material));
  if (in.stages.size() > 2 || (in.stages.size() == 2 && in.stages[0].stage == in.stages[1].stage))
    return fail(fmt::format("{}: each stage may be given once", in.material));
  EuResult res;
  res.material = in.material;
  res.perspective = in.perspective;
  res.wgi_year = governance.year;
  res.eol_rir = in.eol_rir;
  res.si_sr = in.si_sr;
  res.published = in.published;
  for (const auto& st : in.stages) {
    auto s = eu_stage_supply_risk(st, in.material, in.perspective, in.eol_rir, in.si_sr, governance,
                                  trade_factors);
    if (!s) return std::unexpected(s.error());
    if (res.stages.empty() || s->supply_risk > res.supply_risk) {
      res.supply_risk = s->supply_risk;
      res.reported_stage = s->stage;
    }
    add_flags(res, *s, res.flags);
    res.stages.push_back(std::move(*s));
  }
  if (in.economic_importance) {
    auto ei = economic_importance(*in.economic_importance);
    if (!ei) return fail(fmt::format("{}: {}", in.material, ei.error().message));
    res.economic_importance = ei->value;
    res.ei_detail = std::move(*ei);
  } else if (in.economic_importance_given) {
    if (auto ok = detail::check_nonnegative(*in.economic_importance_given,
                                            fmt::format("given EI of {}", in.material));
        !ok)
      return std::unexpected(ok.error());
    res.economic_importance = *in.economic_importance_given;
    res.economic_importance_given = true;
    res.flags.push_back("EI given as input (no sector data), not computed");
  } else {
    res.flags.push_back("EI unknown (no sector data): criticality not decided");
  }
  if (res.economic_importance)
    res.critical = res.supply_risk >= kEuSupplyRiskThreshold &&
                   *res.economic_importance >= kEuEconomicImportanceThreshold;
  return res;
}

Result<std::vector<EuResult>> assess_eu_all(const std::vector<EuMaterialInput>& in,
                                            const Governance& governance,
                                            const TradeFactorTable& trade_factors) {
  std::vector<EuResult> out;
  out.reserve(in.size());
  for (const auto& m : in) {
    auto r = assess_eu(m, governance, trade_factors);
    if (!r) return std::unexpected(r.error());
    out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace rareflow::criticality
