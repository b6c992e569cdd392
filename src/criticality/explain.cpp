// Step-by-step texts: every number that enters a result, in the order it is computed, so an
// analyst can redo the arithmetic by hand.
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "rareflow/criticality/report.hpp"

namespace rareflow::criticality {

namespace {

void explain_hhi(std::string& out, const HhiResult& h, std::string_view heading,
                 std::string_view label) {
  out += fmt::format("  {} shares: HHI_WGI,t = sum_c share_c^2 * WGI_scaled_c * t_c\n", heading);
  for (const auto& t : h.terms)
    out += fmt::format(
        "    {:<4} share {:.4f}  share^2 {:.4f}  x WGI_scaled {:.4f}{}  x t {:.2f}  = {:.4f}\n",
        t.iso3, t.share, t.share * t.share, t.wgi_scaled, t.wgi_defaulted ? " (default)" : "",
        t.trade_factor, t.contribution);
  out += fmt::format("    HHI_WGI,t({}) = {:.4f}\n", label, h.value);
}

void explain_stage(std::string& out, const EuStageResult& s, const EuResult& r) {
  out += fmt::format("\nStage {} ({}): scope {}\n", stage_name(s.stage), stage_code(s.stage),
                     scope_label(s.scope, r.perspective));
  out += fmt::format("  import reliance IR = {:.4f}\n", s.import_reliance);
  if (s.global) explain_hhi(out, *s.global, "global supply (GS)", "GS");
  if (s.sourcing) explain_hhi(out, *s.sourcing, r.perspective + " sourcing", "sourcing");
  switch (s.scope) {
    case SupplyScope::Combined:
      out += fmt::format(
          "  weights: GS IR/2 = {:.4f}, sourcing 1 - IR/2 = {:.4f}\n"
          "  weighted HHI = {:.4f} * {:.4f} + {:.4f} * {:.4f} = {:.4f}\n",
          s.weight_global, s.weight_sourcing, s.weight_global, s.global->value, s.weight_sourcing,
          s.sourcing->value, s.weighted_hhi);
      break;
    case SupplyScope::GlobalOnly:
      out += fmt::format(
          "  no {} sourcing shares: global term used alone (weight 1; IR does not enter SR)\n"
          "  weighted HHI = {:.4f}\n",
          r.perspective, s.weighted_hhi);
      break;
    case SupplyScope::SourcingOnly:
      out += fmt::format(
          "  no global supply shares: sourcing term used alone (weight 1; IR does not enter SR)\n"
          "  weighted HHI = {:.4f}\n",
          s.weighted_hhi);
      break;
  }
  out += fmt::format(
      "  SR({}) = weighted HHI * (1 - EoL_RIR) * SI_SR = {:.4f} * {:.4f} * {:.4f} = {:.4f}\n",
      stage_code(s.stage), s.weighted_hhi, s.eol_factor, s.si_sr, s.supply_risk);
}

void explain_ei(std::string& out, const EuResult& r) {
  out += "\nEconomic importance: EI = 10 * sum_s(A_s * Q_s) / Q_max * SI_EI\n";
  if (r.ei_detail) {
    const auto& e = *r.ei_detail;
    for (const auto& t : e.terms)
      out += fmt::format("  {:<5} {}: A_s {:.4f} x Q_s {:.1f} = {:.1f} {}\n", t.nace, t.name,
                         t.share, t.value_added, t.product, e.value_added_unit);
    out += fmt::format("  sum A_s*Q_s = {:.1f} {}; Q_max (largest sector) = {:.1f} {}\n",
                       e.weighted_value_added, e.value_added_unit, e.largest_sector_value_added,
                       e.value_added_unit);
    out += fmt::format("  EI = 10 * {:.1f} / {:.1f} * {:.2f} = {:.4f} * {:.2f} = {:.4f}\n",
                       e.weighted_value_added, e.largest_sector_value_added, e.si_ei, e.scaled,
                       e.si_ei, e.value);
  } else if (r.economic_importance) {
    out += fmt::format("  EI = {:.2f} (given as input, not computed: no sector data)\n",
                       *r.economic_importance);
  } else {
    out += "  EI unknown: no sector shares and value added given\n";
  }
}

std::string opt(const std::optional<double>& v, int digits) {
  return v ? fmt::format("{:.{}f}", *v, digits) : std::string("-");
}

}  // namespace

std::string explain(const EuResult& r) {
  std::string out = fmt::format(
      "EU CRM method (2017 guidelines, as applied in 2023): {} for {}, WGI {}\n"
      "  EoL_RIR = {:.4f}, SI_SR = {:.2f}; WGI_scaled = 2 * (2.5 - mean of six WGI dimensions)\n",
      r.material, r.perspective, r.wgi_year, r.eol_rir, r.si_sr);
  for (const auto& s : r.stages) explain_stage(out, s, r);
  out += fmt::format("\nReported supply risk: SR = {:.4f} at the {} stage", r.supply_risk,
                     stage_name(r.reported_stage));
  if (r.stages.size() == 2)
    out += fmt::format(" (the larger of E {:.4f} and P {:.4f})",
                       r.stages[0].stage == SupplyStage::Extraction ? r.stages[0].supply_risk
                                                                    : r.stages[1].supply_risk,
                       r.stages[0].stage == SupplyStage::Processing ? r.stages[0].supply_risk
                                                                    : r.stages[1].supply_risk);
  out += "\n";
  explain_ei(out, r);
  out += "\nCriticality (SR >= 1.0 and EI >= 2.8): ";
  if (!r.critical)
    out += fmt::format("undecided (SR {:.2f}, EI unknown)\n", r.supply_risk);
  else
    out += fmt::format("SR {:.2f} {} 1.0, EI {:.2f} {} 2.8: {}\n", r.supply_risk,
                       r.supply_risk >= kEuSupplyRiskThreshold ? ">=" : "<", *r.economic_importance,
                       *r.economic_importance >= kEuEconomicImportanceThreshold ? ">=" : "<",
                       *r.critical ? "critical" : "not critical");
  if (r.published) {
    const auto& p = *r.published;
    out += fmt::format(
        "\nPublished ({}): SR {}, SR(E) {}, SR(P) {}, EI {}; rareflow: SR {:.1f}, EI {}\n",
        p.source.empty() ? "no source id" : p.source, opt(p.supply_risk, 1),
        opt(p.sr_extraction, 1), opt(p.sr_processing, 1), opt(p.economic_importance, 1),
        r.supply_risk, opt(r.economic_importance, 1));
  }
  if (!r.flags.empty()) {
    out += "\nFlags:\n";
    for (const auto& f : r.flags) out += "  - " + f + "\n";
  }
  return out;
}

std::string explain(const UsgsResult& r) {
  std::string out = fmt::format(
      "USGS-style supply risk (after Nassar and Fortier 2021, OFR 2021-1045): {} for {}, "
      "production at {}, WGI {}\n",
      r.commodity, r.perspective, stage_name(r.stage), r.wgi_year);
  out +=
      "Disruption potential DP = sum_c share_c^2 * g_c, g_c = WGI_scaled_c / 10 "
      "(approximation)\n";
  for (const auto& t : r.terms)
    out += fmt::format(
        "  {:<4} share {:.4f}  share^2 {:.4f}  x g {:.4f} (WGI_scaled {:.4f}{}) = {:.4f}\n", t.iso3,
        t.share, t.share * t.share, t.governance, t.wgi_scaled, t.wgi_defaulted ? ", default" : "",
        t.contribution);
  out += fmt::format("  DP = {:.4f}\n", r.disruption_potential);
  out +=
      fmt::format("Trade exposure TE = net import reliance = {:.4f} (input)\n", r.trade_exposure);
  out += fmt::format("Economic vulnerability EV = {:.4f} (input)\n", r.economic_vulnerability);
  const double product = r.disruption_potential * r.trade_exposure * r.economic_vulnerability;
  if (r.aggregation == UsgsAggregation::Product)
    out += fmt::format("SR = DP * TE * EV = {:.4f} * {:.4f} * {:.4f} = {:.4f}\n",
                       r.disruption_potential, r.trade_exposure, r.economic_vulnerability,
                       r.supply_risk);
  else
    out += fmt::format("SR = (DP * TE * EV)^(1/3) = ({:.4f})^(1/3) = {:.4f}\n", product,
                       r.supply_risk);
  out += fmt::format("SR {:.4f} {} 0.40 (USGS 2021 threshold)\n", r.supply_risk,
                     r.above_threshold ? ">=" : "<");
  if (!r.flags.empty()) {
    out += "Flags:\n";
    for (const auto& f : r.flags) out += "  - " + f + "\n";
  }
  return out;
}

std::string explain(const ModelMeasureResult& r) {
  std::string out =
      fmt::format("Model-based risk: {} for {}, scenario {} vs baseline, year {}\n", r.material,
                  r.perspective, r.scenario.empty() ? "(unnamed)" : r.scenario, r.year);
  out += fmt::format("  demand (baseline) = {:.1f} t\n", r.demand_t);
  out += fmt::format(
      "  shortfall: baseline {:.1f} t ({:.4f} of demand), disruption {:.1f} t "
      "({:.4f} of demand)\n",
      r.baseline.shortfall_t, r.shortfall_share_baseline, r.disruption.shortfall_t,
      r.shortfall_share_disruption);
  out += fmt::format("  added shortfall = {:.1f} - {:.1f} = {:.1f} t = {:.4f} of demand\n",
                     r.disruption.shortfall_t, r.baseline.shortfall_t, r.added_shortfall_t,
                     r.added_shortfall_share);
  out += fmt::format(
      "  price: baseline {:.2f} USD/kg, disruption {:.2f} USD/kg, change {:.2f} "
      "USD/kg = {:.2f} / {:.2f} - 1 = {:.4f} ({:.1f} %)\n",
      r.baseline.price_usd_per_kg, r.disruption.price_usd_per_kg, r.price_change_usd_per_kg,
      r.disruption.price_usd_per_kg, r.baseline.price_usd_per_kg, r.price_increase,
      100.0 * r.price_increase);
  for (const auto& f : r.flags) out += "  flag: " + f + "\n";
  return out;
}

}  // namespace rareflow::criticality
