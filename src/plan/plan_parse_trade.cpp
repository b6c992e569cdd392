// [[imports]], [[exports]], [[demand]], [[scenarios]] and [[commitments]] of a plan file.
#include <algorithm>

#include <fmt/format.h>

#include "plan_parse.hpp"

namespace rareflow::plan::detail {

namespace {

// The root's keys were checked by parse_header; this reader only gives access to the arrays.
TableReader root_reader(ParseContext& ctx, const toml::table& root) {
  return TableReader::unchecked(ctx, root, "");
}

std::optional<double> tonnes_per_year(TableReader& r, std::string_view key) {
  return r.number_in(key, 0.0, kMaxTonnesPerYear, kTonnesRange);
}

}  // namespace

void parse_trade(ParseContext& ctx, const toml::table& root, PlanModel& plan) {
  TableReader top = root_reader(ctx, root);
  int entry = 0;
  for (auto& [t, f] : array_of_tables(top, "imports")) {
    TableReader r(ctx, *t, f,
                  with_note({"supplier", "commodity", "commodities", "price", "available",
                             "available_per", "licensed_from"}));
    auto supplier = r.string("supplier", true);
    std::string key = r.has("commodities") ? "commodities" : "commodity";
    auto cs = read_commodities(r, key, plan, true, true);
    auto price = r.number_in("price", 0.0, 1e7, "a price >= 0 in USD/kg", true);
    auto avail = tonnes_per_year(r, "available");
    std::string per = r.string("available_per").value_or("entry");
    if (per != "entry" && per != "commodity")
      r.error("available_per",
              fmt::format("expected \"entry\" (the amount is shared by the listed commodities) or "
                          "\"commodity\" (each gets it), found string \"{}\"",
                          per));
    int licensed = 0;
    if (r.has("licensed_from")) {
      licensed = r.integer("licensed_from").value_or(0);
      check_year_in_horizon(r, "licensed_from", licensed, plan);
    }
    SourceNote note = r.note();
    if (!supplier || !price) continue;
    for (const auto& c : cs) {
      if (c.stage == Stage::Concentrate) {
        r.error(key, "imports of concentrate are not modelled; import oxide, metal or magnet");
        break;
      }
      plan.imports.push_back(
          {*supplier, c, *price, avail, note, entry, per != "commodity", licensed});
    }
    ++entry;
  }
  for (auto& [t, f] : array_of_tables(top, "exports")) {
    TableReader r(ctx, *t, f, with_note({"commodity", "commodities", "price", "cap"}));
    std::string key = r.has("commodities") ? "commodities" : "commodity";
    auto cs = read_commodities(r, key, plan, true, true);
    auto price = r.number_in("price", 0.0, 1e7, "a price >= 0 in USD/kg", true);
    auto cap = tonnes_per_year(r, "cap");
    SourceNote note = r.note();
    if (!price) continue;
    for (const auto& c : cs) plan.exports.push_back({c, *price, cap, note});
  }
  for (auto& [t, f] : array_of_tables(top, "demand")) {
    TableReader r(ctx, *t, f, with_note({"commodity", "tonnes", "shortfall_penalty"}));
    auto cs = read_commodities(r, "commodity", plan, false, true);
    auto tonnes = r.year_path("tonnes", true, 0.0, kMaxTonnesPerYear, kTonnesRange);
    auto pen = r.number_in("shortfall_penalty", 0.0, 1e7, "a penalty >= 0 in USD/kg", true);
    SourceNote note = r.note();
    if (cs.size() != 1 || !tonnes || !pen) continue;
    if (cs[0].stage == Stage::Concentrate) {
      r.error("commodity", "demand is for oxide, metal or magnet, not concentrate");
      continue;
    }
    bool dup = std::any_of(plan.demand.begin(), plan.demand.end(),
                           [&](const DemandPath& d) { return d.commodity == cs[0]; });
    if (dup) {
      r.error("commodity", fmt::format("demand for {} is given twice", cs[0].str()));
      continue;
    }
    plan.demand.push_back({cs[0], *tonnes, *pen, note});
  }
}

void parse_scenarios(ParseContext& ctx, const toml::table& root, PlanModel& plan) {
  TableReader top = root_reader(ctx, root);
  std::vector<std::string> suppliers;
  for (const auto& o : plan.imports)
    if (std::find(suppliers.begin(), suppliers.end(), o.supplier) == suppliers.end())
      suppliers.push_back(o.supplier);
  for (auto& [t, f] : array_of_tables(top, "scenarios")) {
    TableReader r(
        ctx, *t, f,
        with_note({"name", "probability", "simulator_scenario", "imports", "demand", "exports"}));
    PlanScenario s;
    s.name = r.string("name", true).value_or("");
    s.probability =
        r.number_in("probability", 0.0, 1.0, "a probability between 0 and 1", true).value_or(0.0);
    s.simulator_scenario = r.string("simulator_scenario").value_or("");
    s.note = r.note();
    for (auto& [it, itf] : array_of_tables(r, "imports")) {
      TableReader ir(
          ctx, *it, itf,
          with_note({"supplier", "commodity", "commodities", "from_year", "to_year", "price",
                     "price_factor", "available", "available_factor", "licensed"}));
      ImportOverride o;
      o.supplier = ir.string("supplier", true).value_or("");
      if (!o.supplier.empty() &&
          std::find(suppliers.begin(), suppliers.end(), o.supplier) == suppliers.end()) {
        ir.error("supplier", fmt::format("unknown supplier '{}' (no [[imports]] entry has it){}",
                                         o.supplier, suggestion(o.supplier, suppliers)));
      }
      std::string key = ir.has("commodities") ? "commodities" : "commodity";
      auto cs = read_commodities(ir, key, plan, true, true);
      // Keep the commodities this supplier offers; a single named one must be offered.
      for (const auto& c : cs) {
        bool offered = std::any_of(
            plan.imports.begin(), plan.imports.end(),
            [&](const ImportOption& io) { return io.supplier == o.supplier && io.commodity == c; });
        if (offered) o.commodities.push_back(c);
      }
      if (cs.size() == 1 && o.commodities.empty() && !o.supplier.empty())
        ir.error(key, fmt::format("supplier '{}' has no [[imports]] entry for {}", o.supplier,
                                  cs[0].str()));
      o.from_year = ir.integer("from_year").value_or(0);
      o.to_year = ir.integer("to_year").value_or(0);
      o.price = ir.number_in("price", 0.0, 1e7, "a price >= 0 in USD/kg");
      o.price_factor = ir.number_in("price_factor", 0.0, 1e3, "a factor >= 0").value_or(1.0);
      o.available = tonnes_per_year(ir, "available");
      o.available_factor =
          ir.number_in("available_factor", 0.0, 1e3, "a factor >= 0").value_or(1.0);
      o.licensed = ir.boolean("licensed").value_or(false);
      o.note = ir.note();
      s.imports.push_back(std::move(o));
    }
    for (auto& [dt, dtf] : array_of_tables(r, "demand")) {
      TableReader dr(ctx, *dt, dtf, with_note({"commodity", "tonnes", "factor"}));
      DemandOverride o;
      auto cs = read_commodities(dr, "commodity", plan, false, true);
      o.tonnes = dr.year_path("tonnes", false, 0.0, kMaxTonnesPerYear, kTonnesRange);
      o.factor = dr.number_in("factor", 0.0, 1e3, "a factor >= 0").value_or(1.0);
      o.note = dr.note();
      if (cs.size() != 1) continue;
      o.commodity = cs[0];
      bool known = std::any_of(plan.demand.begin(), plan.demand.end(),
                               [&](const DemandPath& d) { return d.commodity == o.commodity; });
      if (!known) {
        dr.error("commodity",
                 fmt::format("no [[demand]] entry for {} to change", o.commodity.str()));
        continue;
      }
      s.demand.push_back(std::move(o));
    }
    for (auto& [et, etf] : array_of_tables(r, "exports")) {
      TableReader er(ctx, *et, etf,
                     with_note({"commodity", "commodities", "price", "cap", "from_year"}));
      std::string key = er.has("commodities") ? "commodities" : "commodity";
      auto cs = read_commodities(er, key, plan, true, true);
      auto price = er.number_in("price", 0.0, 1e7, "a price >= 0 in USD/kg");
      auto cap = tonnes_per_year(er, "cap");
      int from = er.integer("from_year").value_or(0);
      SourceNote note = er.note();
      for (const auto& c : cs) {
        bool known = std::any_of(plan.exports.begin(), plan.exports.end(),
                                 [&](const ExportOption& x) { return x.commodity == c; });
        if (!known) {
          if (cs.size() == 1)
            er.error(key, fmt::format("no [[exports]] entry for {} to change", c.str()));
          continue;
        }
        s.exports.push_back({c, price, cap, from, note});
      }
    }
    plan.scenarios.push_back(std::move(s));
  }
  if (plan.scenarios.empty()) {
    PlanScenario base;
    base.name = "base";
    base.probability = 1.0;
    plan.scenarios.push_back(base);
  }
}

void parse_commitments(ParseContext& ctx, const toml::table& root, PlanModel& plan) {
  TableReader top = root_reader(ctx, root);
  std::vector<std::string> ids;
  for (const auto& p : plan.projects) ids.push_back(p.id);
  for (auto& [t, f] : array_of_tables(top, "commitments")) {
    TableReader r(ctx, *t, f, with_note({"project", "decision_year", "modules"}));
    Commitment c;
    c.project = r.string("project", true).value_or("");
    c.decision_year = r.integer("decision_year", true).value_or(0);
    c.modules = r.integer("modules").value_or(1);
    c.note = r.note();
    if (c.project.empty()) continue;
    if (std::find(ids.begin(), ids.end(), c.project) == ids.end()) {
      r.error("project",
              fmt::format("unknown project '{}'{}", c.project, suggestion(c.project, ids)));
      continue;
    }
    const Project& p = *plan.project(c.project);
    int room = p.max_modules - p.existing_modules;
    if (c.modules < 1 || c.modules > room) {
      r.error("modules",
              fmt::format("expected 1 to {} modules (max_modules - existing of '{}'), found {}",
                          room, c.project, c.modules));
      continue;
    }
    int first = std::max(plan.first_year, p.earliest_decision);
    int last = plan.last_year - p.lead_time;
    if (ctx.horizon_ok && (c.decision_year < first || c.decision_year > last)) {
      r.error("decision_year",
              fmt::format("expected a decision year in {}-{} for '{}' (horizon {}-{}, "
                          "lead time {} years), found {}",
                          first, last, c.project, plan.first_year, plan.last_year, p.lead_time,
                          c.decision_year));
      continue;
    }
    plan.commitments.push_back(std::move(c));
  }
}

}  // namespace rareflow::plan::detail
