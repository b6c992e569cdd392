// [[goals]] of a plan file.
#include <algorithm>

#include <fmt/format.h>

#include "plan_parse.hpp"

namespace rareflow::plan::detail {

namespace {

const std::vector<std::string> kKinds{"self_sufficiency", "import_dependence", "market_share",
                                      "exports",          "supplier_share",    "budget"};

std::optional<GoalKind> goal_kind(const std::string& s) {
  for (std::size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == s) return static_cast<GoalKind>(i);
  return std::nullopt;
}

// Keys each kind uses beyond the common ones.
std::vector<std::string_view> kind_keys(GoalKind k) {
  switch (k) {
    case GoalKind::SelfSufficiency:
      return {"elements", "min_share"};
    case GoalKind::ImportDependence:
      return {"elements", "max_share"};
    case GoalKind::MarketShare:
      return {"stage", "min_share", "world"};
    case GoalKind::Exports:
      return {"commodities", "tonnes"};
    case GoalKind::SupplierShare:
      return {"elements", "max_share", "supplier"};
    case GoalKind::Budget:
      return {"total", "per_year"};
  }
  return {};
}

const std::vector<std::string_view> kSpecificKeys{
    "elements",    "min_share", "max_share", "stage", "world",
    "commodities", "tonnes",    "supplier",  "total", "per_year"};

std::optional<Stage> market_stage(const std::string& s) {
  if (s == "mine") return Stage::Concentrate;
  if (s == "separation") return Stage::Oxide;
  if (s == "metal") return Stage::Metal;
  if (s == "magnet") return Stage::Magnet;
  return std::nullopt;
}

void parse_goal(TableReader& r, PlanModel& plan) {
  Goal g;
  g.name = r.string("name", true).value_or("");
  auto kind_text = r.string("kind", true);
  bool enabled = r.boolean("enabled").value_or(true);
  g.note = r.note();
  if (!kind_text) return;
  auto kind = goal_kind(*kind_text);
  if (!kind) {
    r.error("kind", fmt::format("expected self_sufficiency|import_dependence|market_share|exports|"
                                "supplier_share|budget, found string \"{}\"{}",
                                *kind_text, suggestion(*kind_text, kKinds)));
    return;
  }
  g.kind = *kind;
  auto own = kind_keys(g.kind);
  for (auto key : kSpecificKeys)
    if (r.has(key) && std::find(own.begin(), own.end(), key) == own.end())
      r.error(key, fmt::format("not used by a {} goal", *kind_text));

  auto hard = r.boolean("hard");
  auto penalty = r.number_in("penalty", 0.0, kMaxUsdPerKg,
                             "a penalty between 0 and 1e6 USD/kg (budgets: USD per USD)");
  if (hard.value_or(false) && penalty) {
    r.error("penalty", "a hard goal has no penalty; set hard = false or drop the penalty");
  } else if (hard && !*hard && !penalty) {
    r.error("hard",
            "a soft goal (hard = false) needs penalty = ... (USD/kg, or USD per USD for budgets)");
  }
  g.hard = !penalty.has_value();
  g.penalty = penalty.value_or(0.0);
  g.first_year = r.integer("year").value_or(plan.first_year);
  g.last_year = r.integer("until").value_or(plan.last_year);
  if (r.has("year")) check_year_in_horizon(r, "year", g.first_year, plan);
  if (r.has("until") && check_year_in_horizon(r, "until", g.last_year, plan) &&
      g.last_year < g.first_year)
    r.error("until",
            fmt::format("expected a year >= year ({}), found {}", g.first_year, g.last_year));
  g.scenarios = r.strings("scenarios").value_or(std::vector<std::string>{});
  for (const auto& s : g.scenarios) {
    std::vector<std::string> names;
    for (const auto& sc : plan.scenarios) names.push_back(sc.name);
    if (std::find(names.begin(), names.end(), s) == names.end()) {
      r.error("scenarios", fmt::format("unknown scenario '{}'{}", s, suggestion(s, names)));
    }
  }
  auto share = [&](std::string_view key) {
    return r.number_in(key, 0.0, 1.0, "a share between 0 and 1", true).value_or(0.0);
  };
  switch (g.kind) {
    case GoalKind::SelfSufficiency:
      g.elements = read_elements(r, "elements", &g.group, true);
      g.share = share("min_share");
      break;
    case GoalKind::ImportDependence:
      g.elements = read_elements(r, "elements", &g.group, true);
      g.share = share("max_share");
      break;
    case GoalKind::SupplierShare:
      g.elements = read_elements(r, "elements", &g.group, true);
      g.share = share("max_share");
      g.supplier = r.string("supplier").value_or("");
      if (!g.supplier.empty()) {
        std::vector<std::string> sup;
        for (const auto& o : plan.imports) sup.push_back(o.supplier);
        if (std::find(sup.begin(), sup.end(), g.supplier) == sup.end()) {
          r.error("supplier",
                  fmt::format("unknown supplier '{}'{}", g.supplier, suggestion(g.supplier, sup)));
        }
      }
      break;
    case GoalKind::MarketShare: {
      g.share = share("min_share");
      auto st = r.string("stage", true);
      if (st) {
        auto s = market_stage(*st);
        if (!s) {
          r.error("stage",
                  fmt::format("expected mine|separation|metal|magnet, found string \"{}\"", *st));
        } else {
          g.stage = *s;
        }
      }
      g.world =
          r.year_path("world", true, 0.0, kMaxTonnesPerYear, kTonnesRange).value_or(YearPath{});
      for (const auto& [y, v] : g.world.points)
        if (v <= 0)
          r.error("world", fmt::format("expected a world market > 0 t/yr, found {} in {}", v, y));
      break;
    }
    case GoalKind::Exports:
      g.commodities = read_commodities(r, "commodities", plan, true, true);
      g.tonnes =
          r.year_path("tonnes", true, 0.0, kMaxTonnesPerYear, kTonnesRange).value_or(YearPath{});
      for (const auto& [y, v] : g.tonnes.points)
        if (v < 0) r.error("tonnes", fmt::format("expected t/yr >= 0, found {} in {}", v, y));
      break;
    case GoalKind::Budget: {
      g.budget_total_musd = r.money_musd("total");
      if (r.has("per_year")) {
        if (auto v = r.money_musd("per_year")) g.budget_per_year_musd = YearPath::constant(*v);
      }
      if (!r.has("total") && !r.has("per_year"))
        r.error_here(
            "a budget goal needs total = ... and/or per_year = ... (USD million, or "
            "{ value = ..., unit = \"RUB billion\" })");
      if (g.budget_total_musd && *g.budget_total_musd < 0)
        r.error("total",
                fmt::format("expected a budget >= 0, found {} USD million", *g.budget_total_musd));
      if (g.budget_per_year_musd && g.budget_per_year_musd->at(0) < 0)
        r.error("per_year", fmt::format("expected a budget >= 0, found {} USD million",
                                        g.budget_per_year_musd->at(0)));
      break;
    }
  }
  if (enabled) plan.goals.push_back(std::move(g));
}

}  // namespace

void parse_goals(ParseContext& ctx, const toml::table& root, PlanModel& plan) {
  TableReader top = TableReader::unchecked(ctx, root, "");
  for (auto& [t, f] : array_of_tables(top, "goals")) {
    TableReader r(ctx, *t, f,
                  with_note({"name", "kind", "enabled", "hard", "penalty", "year", "until",
                             "scenarios", "elements", "min_share", "max_share", "stage", "world",
                             "commodities", "tonnes", "supplier", "total", "per_year"}));
    parse_goal(r, plan);
  }
}

}  // namespace rareflow::plan::detail
