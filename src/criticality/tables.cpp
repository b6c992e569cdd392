// Audit tables: every intermediate term in its own column, with its unit.
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rareflow/criticality/report.hpp"

namespace rareflow::criticality {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Cell num(const std::optional<double>& v) {
  return v ? Cell{*v} : Cell{kNaN};
}

std::string shares_text(const std::optional<HhiResult>& h) {
  if (!h) return "";
  std::vector<std::string> parts;
  for (const auto& t : h->terms) parts.push_back(fmt::format("{} {:.4f}", t.iso3, t.share));
  return fmt::format("{}", fmt::join(parts, ", "));
}

const EuStageResult* find_stage(const EuResult& r, SupplyStage s) {
  for (const auto& st : r.stages)
    if (st.stage == s) return &st;
  return nullptr;
}

void add_stage_columns(Table& t, SupplyStage s) {
  const auto c = stage_code(s);
  t.columns.push_back({fmt::format("scope_{}", c), "", 0});
  t.columns.push_back({fmt::format("ir_{}", c), "fraction", 3});
  t.columns.push_back({fmt::format("gs_shares_{}", c), "", 0});
  t.columns.push_back({fmt::format("hhi_gs_{}", c), "index", 4});
  t.columns.push_back({fmt::format("sourcing_shares_{}", c), "", 0});
  t.columns.push_back({fmt::format("hhi_sourcing_{}", c), "index", 4});
  t.columns.push_back({fmt::format("w_gs_{}", c), "fraction", 3});
  t.columns.push_back({fmt::format("w_sourcing_{}", c), "fraction", 3});
  t.columns.push_back({fmt::format("hhi_weighted_{}", c), "index", 4});
  t.columns.push_back({fmt::format("sr_{}", c), "index", 4});
}

void add_stage_cells(std::vector<Cell>& row, const EuResult& r, SupplyStage s) {
  const EuStageResult* st = find_stage(r, s);
  if (!st) {
    row.insert(row.end(),
               {Cell{std::string()}, Cell{kNaN}, Cell{std::string()}, Cell{kNaN},
                Cell{std::string()}, Cell{kNaN}, Cell{kNaN}, Cell{kNaN}, Cell{kNaN}, Cell{kNaN}});
    return;
  }
  row.push_back(scope_label(st->scope, r.perspective));
  row.push_back(st->import_reliance);
  row.push_back(shares_text(st->global));
  row.push_back(st->global ? Cell{st->global->value} : Cell{kNaN});
  row.push_back(shares_text(st->sourcing));
  row.push_back(st->sourcing ? Cell{st->sourcing->value} : Cell{kNaN});
  row.push_back(st->weight_global);
  row.push_back(st->weight_sourcing);
  row.push_back(st->weighted_hhi);
  row.push_back(st->supply_risk);
}

std::string yes_no(bool b) {
  return b ? "yes" : "no";
}

}  // namespace

Table eu_table(const std::vector<EuResult>& results) {
  Table t;
  t.title = "EU CRM method (2017 guidelines, as applied in 2023)";
  std::string va_unit = "EUR million";
  for (const auto& r : results)
    if (r.ei_detail) {
      va_unit = r.ei_detail->value_added_unit;
      break;
    }
  t.columns = {{"material", "", 0},       {"perspective", "", 0}, {"wgi_year", "", 0},
               {"stage_reported", "", 0}, {"sr", "index", 2},     {"ei", "index 0-10", 2},
               {"critical", "", 0}};
  add_stage_columns(t, SupplyStage::Extraction);
  add_stage_columns(t, SupplyStage::Processing);
  t.columns.insert(t.columns.end(), {{"eol_rir", "fraction", 3},
                                     {"si_sr", "factor", 2},
                                     {"ei_weighted_va", va_unit, 1},
                                     {"ei_largest_sector_va", va_unit, 1},
                                     {"ei_before_si", "index 0-10", 3},
                                     {"si_ei", "factor", 2},
                                     {"ei_basis", "", 0},
                                     {"published_sr", "index", 1},
                                     {"published_sr_E", "index", 1},
                                     {"published_sr_P", "index", 1},
                                     {"published_ei", "index 0-10", 1},
                                     {"published_source", "", 0},
                                     {"flags", "", 0}});
  for (const auto& r : results) {
    if (r.ei_detail && r.ei_detail->value_added_unit != va_unit)
      t.notes.push_back(fmt::format("{}: value added in {}, not {}", r.material,
                                    r.ei_detail->value_added_unit, va_unit));
    std::vector<Cell> row = {r.material,
                             r.perspective,
                             static_cast<long long>(r.wgi_year),
                             std::string(stage_code(r.reported_stage)),
                             r.supply_risk,
                             num(r.economic_importance),
                             r.critical ? yes_no(*r.critical) : std::string("unknown")};
    add_stage_cells(row, r, SupplyStage::Extraction);
    add_stage_cells(row, r, SupplyStage::Processing);
    row.push_back(r.eol_rir);
    row.push_back(r.si_sr);
    const auto& e = r.ei_detail;
    row.push_back(e ? Cell{e->weighted_value_added} : Cell{kNaN});
    row.push_back(e ? Cell{e->largest_sector_value_added} : Cell{kNaN});
    row.push_back(e ? Cell{e->scaled} : Cell{kNaN});
    row.push_back(e ? Cell{e->si_ei} : Cell{kNaN});
    row.push_back(std::string(e ? "computed" : r.economic_importance_given ? "given" : "unknown"));
    const auto& p = r.published;
    row.push_back(p ? num(p->supply_risk) : Cell{kNaN});
    row.push_back(p ? num(p->sr_extraction) : Cell{kNaN});
    row.push_back(p ? num(p->sr_processing) : Cell{kNaN});
    row.push_back(p ? num(p->economic_importance) : Cell{kNaN});
    row.push_back(p ? p->source : std::string());
    row.push_back(fmt::format("{}", fmt::join(r.flags, "; ")));
    t.add_row(std::move(row));
  }
  t.notes.push_back(
      "SR_stage = [HHI(GS) * w_gs + HHI(sourcing) * w_sourcing] * (1 - EoL_RIR) * SI_SR; "
      "HHI = sum share^2 * WGI_scaled * t");
  return t;
}

Table eu_terms_table(const std::vector<EuResult>& results) {
  Table t;
  t.title = "EU CRM method: governance-weighted HHI terms";
  t.columns = {{"material", "", 0},
               {"perspective", "", 0},
               {"stage", "", 0},
               {"term", "", 0},
               {"iso3", "", 0},
               {"share", "fraction", 4},
               {"share_squared", "fraction^2", 4},
               {"wgi_scaled", "index 0-10", 4},
               {"wgi_default", "", 0},
               {"trade_factor", "factor", 2},
               {"contribution", "index", 4},
               {"hhi", "index", 4}};
  for (const auto& r : results)
    for (const auto& s : r.stages)
      for (const auto* h : {s.global ? &*s.global : nullptr, s.sourcing ? &*s.sourcing : nullptr}) {
        if (!h) continue;
        for (const auto& c : h->terms)
          t.add_row({r.material, r.perspective, std::string(stage_code(s.stage)),
                     std::string(term_name(h->term)), c.iso3, c.share, c.share * c.share,
                     c.wgi_scaled, yes_no(c.wgi_defaulted), c.trade_factor, c.contribution,
                     h->value});
      }
  return t;
}

Table usgs_table(const std::vector<UsgsResult>& results) {
  Table t;
  t.title = "USGS-style supply risk (after Nassar and Fortier 2021)";
  t.columns = {{"commodity", "", 0},   {"perspective", "", 0}, {"stage", "", 0},
               {"wgi_year", "", 0},    {"shares", "", 0},      {"dp", "index 0-1", 4},
               {"te", "fraction", 4},  {"ev", "index 0-1", 4}, {"aggregation", "", 0},
               {"sr", "index 0-1", 4}, {"above_0.40", "", 0},  {"flags", "", 0}};
  for (const auto& r : results) {
    std::vector<std::string> parts;
    for (const auto& c : r.terms) parts.push_back(fmt::format("{} {:.4f}", c.iso3, c.share));
    t.add_row({r.commodity, r.perspective, std::string(stage_code(r.stage)),
               static_cast<long long>(r.wgi_year), fmt::format("{}", fmt::join(parts, ", ")),
               r.disruption_potential, r.trade_exposure, r.economic_vulnerability,
               std::string(aggregation_name(r.aggregation)), r.supply_risk,
               yes_no(r.above_threshold), fmt::format("{}", fmt::join(r.flags, "; "))});
  }
  t.notes.push_back(
      "DP = sum share^2 * WGI_scaled/10; TE, EV inputs; see docs for what is approximated");
  return t;
}

Table model_table(const std::vector<ModelMeasureResult>& results) {
  Table t;
  t.title = "Model-based risk: disruption vs baseline";
  t.columns = {{"material", "", 0},
               {"perspective", "", 0},
               {"scenario", "", 0},
               {"year", "", 0},
               {"demand", "t", 1},
               {"shortfall_baseline", "t", 1},
               {"shortfall_disruption", "t", 1},
               {"shortfall_share_baseline", "fraction", 4},
               {"shortfall_share_disruption", "fraction", 4},
               {"added_shortfall", "t", 1},
               {"added_shortfall_share", "fraction", 4},
               {"price_baseline", "USD/kg", 2},
               {"price_disruption", "USD/kg", 2},
               {"price_change", "USD/kg", 2},
               {"price_increase", "fraction", 4},
               {"flags", "", 0}};
  for (const auto& r : results)
    t.add_row({r.material, r.perspective, r.scenario, static_cast<long long>(r.year), r.demand_t,
               r.baseline.shortfall_t, r.disruption.shortfall_t, r.shortfall_share_baseline,
               r.shortfall_share_disruption, r.added_shortfall_t, r.added_shortfall_share,
               r.baseline.price_usd_per_kg, r.disruption.price_usd_per_kg,
               r.price_change_usd_per_kg, r.price_increase,
               fmt::format("{}", fmt::join(r.flags, "; "))});
  return t;
}

}  // namespace rareflow::criticality
