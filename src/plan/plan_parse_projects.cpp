// [deposits.*], [magnets.*], [feeds.*] and [projects.*] of a plan file.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "plan_parse.hpp"
#include "project_params.hpp"

namespace rareflow::plan::detail {

namespace {

// Calls f(reader) for each sub-table of [section.*].
template <class F>
void for_each_entry(ParseContext& ctx, const toml::table& root, std::string_view section,
                    std::vector<std::string_view> allowed, F f) {
  const toml::node* n = root.get(section);
  if (!n) return;
  if (!n->is_table()) {
    ctx.error(n->source(), std::string(section),
              fmt::format("expected a table, found {}", describe(*n)));
    return;
  }
  for (auto&& [k, v] : *n->as_table()) {
    std::string f_name = fmt::format("{}.{}", section, k.str());
    if (!v.is_table()) {
      ctx.error(v.source(), f_name, fmt::format("expected a table, found {}", describe(v)));
      continue;
    }
    TableReader r(ctx, *v.as_table(), f_name, allowed);
    f(std::string(k.str()), r);
  }
}

std::optional<ProjectType> project_type(const std::string& s) {
  if (s == "mine") return ProjectType::Mine;
  if (s == "separation") return ProjectType::Separation;
  if (s == "metal") return ProjectType::Metal;
  if (s == "magnet") return ProjectType::Magnet;
  if (s == "recycling") return ProjectType::Recycling;
  return std::nullopt;
}

// A reference to a named entry (deposit, feed, magnet type), with a suggestion.
bool check_ref(TableReader& r, std::string_view key, const std::string& id,
               const std::vector<std::string>& known, std::string_view what) {
  if (std::find(known.begin(), known.end(), id) != known.end()) return true;
  std::string msg = fmt::format("unknown {} '{}'", what, id);
  msg += suggestion(id, known);
  r.error(key, msg);
  return false;
}

template <class T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& x : items) out.push_back(x.id);
  return out;
}

void parse_project(const std::string& id, TableReader& r, PlanModel& plan) {
  Project p;
  p.id = id;
  p.name = r.string("name").value_or(id);
  auto type_text = r.string("type", true);
  if (type_text) {
    auto t = project_type(*type_text);
    if (!t) {
      r.error("type", fmt::format("expected mine|separation|metal|magnet|recycling, found string "
                                  "\"{}\"{}",
                                  *type_text,
                                  suggestion(*type_text, {"mine", "separation", "metal", "magnet",
                                                          "recycling"})));
      return;
    }
    p.type = *t;
  } else {
    return;
  }
  auto only_for = [&](std::string_view key, std::initializer_list<ProjectType> types) {
    if (!r.has(key)) return false;
    if (std::find(types.begin(), types.end(), p.type) != types.end()) return true;
    r.error(key, fmt::format("not used by a {} project", project_type_name(p.type)));
    return false;
  };
  if (p.type == ProjectType::Mine) {
    if (auto d = r.string("deposit", true)) {
      p.deposit = *d;
      check_ref(r, "deposit", *d, ids_of(plan.deposits), "deposit");
    }
  } else if (r.has("deposit")) {
    r.error("deposit",
            "only mines work a deposit; separation plants list accepted ones in 'deposits'");
  }
  if (p.type == ProjectType::Recycling) {
    if (auto f = r.string("feed", true)) {
      p.feed = *f;
      check_ref(r, "feed", *f, ids_of(plan.feeds), "feed");
    }
  } else {
    only_for("feed", {ProjectType::Recycling});
  }
  if (p.type == ProjectType::Magnet) {
    if (auto m = r.string("magnet", true)) {
      p.magnet = *m;
      check_ref(r, "magnet", *m, ids_of(plan.magnets), "magnet type");
    }
  } else {
    only_for("magnet", {ProjectType::Magnet});
  }
  if (only_for("deposits", {ProjectType::Separation})) {
    for (const auto& d : r.strings("deposits").value_or(std::vector<std::string>{}))
      if (check_ref(r, "deposits", d, ids_of(plan.deposits), "deposit")) p.deposits.push_back(d);
  }
  if (only_for("elements", {ProjectType::Separation, ProjectType::Metal}))
    p.elements = read_elements(r, "elements", nullptr, false);
  // The type's declared numbers; a bad value is reported and its default used from here on.
  const std::vector<ParamSpec>& params = project_params(p.type);
  std::set<std::string> others;
  for (ProjectType other : kProjectTypes)
    for (const auto& spec : project_params(other))
      if (!find_param(params, spec.key)) others.insert(spec.key);
  for (const auto& key : others) only_for(key, {});
  std::map<std::string, double> num;
  auto fallback = [](const ParamSpec& spec) { return spec.default_value.value_or(spec.min); };
  for (const auto& spec : params)
    if (spec.key != "capex" && spec.key != "fixed_cost")
      num[spec.key] = r.param(spec).value_or(fallback(spec));
  p.capacity_per_module = num["capacity"];
  p.existing_modules = static_cast<int>(num["existing"]);
  p.max_modules =
      r.has("max_modules") ? static_cast<int>(num["max_modules"]) : std::max(1, p.existing_modules);
  if (p.max_modules < p.existing_modules)
    r.error("max_modules", fmt::format("expected a count between existing ({}) and 1000, found {}",
                                       p.existing_modules, p.max_modules));
  bool buildable = p.max_modules > p.existing_modules;
  // Money may be given in another currency; its range applies in USD million.
  for (const char* key : {"capex", "fixed_cost"}) {
    const ParamSpec& spec = *find_param(params, key);
    num[key] = fallback(spec);
    const toml::node* n = r.node(key);
    if (!n || !n->is_table()) {
      if (!n && key == std::string_view("capex") && buildable)
        r.expected(key, "an amount in USD million or { value = ..., unit = \"...\" }");
      if (n) num[key] = r.param(spec).value_or(num[key]);
      continue;
    }
    auto x = r.money_musd(key);
    if (!x) continue;
    if (std::string problem = check_param(spec, *x); !problem.empty())
      r.error(key, std::move(problem));
    else
      num[key] = *x;
  }
  p.capex_musd = num["capex"];
  p.fixed_cost_musd = num["fixed_cost"];
  p.variable_cost = num["variable_cost"];
  p.lead_time = static_cast<int>(num["lead_time"]);
  p.earliest_decision = static_cast<int>(num["earliest_decision"]);
  p.latest_decision = static_cast<int>(num["latest_decision"]);
  p.life_years = static_cast<int>(num["life"]);
  if (num.contains("recovery")) p.recovery = num["recovery"];
  if (const toml::array* ramp = r.array("ramp")) {
    for (const auto& el : *ramp) {
      auto v = el.value<double>();
      if (!v || *v <= 0 || *v > 1) {
        r.ctx().error(el.source(), r.field("ramp"),
                      fmt::format("expected shares in (0, 1], found {}", describe(el)));
        break;
      }
      p.ramp.push_back(*v);
    }
  }
  const bool horizon = r.ctx().horizon_ok;
  const int first_decision = std::max(plan.first_year, p.earliest_decision);
  const int last_decision = plan.last_year - p.lead_time;
  if (horizon && buildable && p.earliest_decision > last_decision)
    r.error(
        r.has("earliest_decision") ? "earliest_decision" : "lead_time",
        fmt::format("the project cannot come online within the horizon {}-{}: earliest decision "
                    "{} plus lead time {} years is after {}",
                    plan.first_year, plan.last_year, first_decision, p.lead_time, plan.last_year));
  if (horizon && p.latest_decision != 0 &&
      (p.latest_decision < first_decision || p.latest_decision > plan.last_year))
    r.error("latest_decision", fmt::format("expected a year in {}-{}, found {}", first_decision,
                                           plan.last_year, p.latest_decision));
  if (const toml::table* a = r.table("announced")) {
    TableReader ar(r.ctx(), *a, r.field("announced"), {"decision", "modules"});
    Announcement an;
    an.decision_year = ar.integer("decision", true).value_or(0);
    an.modules = ar.integer("modules").value_or(1);
    if (an.modules < 1 || an.modules > p.max_modules - p.existing_modules)
      ar.error("modules", fmt::format("expected 1 to {} modules (max_modules - existing), found {}",
                                      p.max_modules - p.existing_modules, an.modules));
    if (horizon && ar.has("decision") &&
        (an.decision_year < first_decision || an.decision_year > last_decision))
      ar.error("decision",
               fmt::format("expected a decision year in {}-{} (the horizon {}-{}, earliest "
                           "decision and lead time {} years), found {}",
                           first_decision, last_decision, plan.first_year, plan.last_year,
                           p.lead_time, an.decision_year));
    p.announced = an;
  }
  p.note = r.note();
  plan.projects.push_back(std::move(p));
}

}  // namespace

void parse_materials(ParseContext& ctx, const toml::table& root, PlanModel& plan) {
  for_each_entry(ctx, root, "deposits", with_note({"name", "distribution"}),
                 [&](const std::string& id, TableReader& r) {
                   Deposit d;
                   d.id = id;
                   d.name = r.string("name").value_or(id);
                   d.distribution =
                       r.element_shares("distribution", true, true).value_or(ElementShares{});
                   d.note = r.note();
                   plan.deposits.push_back(std::move(d));
                 });
  for_each_entry(
      ctx, root, "magnets", with_note({"recipe"}), [&](const std::string& id, TableReader& r) {
        MagnetType m;
        m.id = id;
        m.recipe = r.element_shares("recipe", false, true).value_or(ElementShares{});
        double sum = 0;
        for (double x : m.recipe) sum += x;
        if (sum > 1.0 + 1e-9)
          r.error("recipe",
                  fmt::format("expected t of metal per t of magnet summing to at most 1, found {}",
                              sum));
        m.note = r.note();
        plan.magnets.push_back(std::move(m));
      });
  for_each_entry(
      ctx, root, "feeds", with_note({"name", "distribution", "available", "price"}),
      [&](const std::string& id, TableReader& r) {
        Feed f;
        f.id = id;
        f.name = r.string("name").value_or(id);
        f.distribution = r.element_shares("distribution", true, true).value_or(ElementShares{});
        f.available = r.year_path("available", true, 0.0, kMaxTonnesPerYear, kTonnesRange)
                          .value_or(YearPath{});
        for (const auto& [y, v] : f.available.points)
          if (v < 0)
            r.error("available", fmt::format("expected t REO/yr >= 0, found {} in {}", v, y));
        f.price_usd_per_kg = r.number_in("price", 0.0, 1e6, "a price >= 0 in USD/kg").value_or(0.0);
        f.note = r.note();
        plan.feeds.push_back(std::move(f));
      });
}

void parse_projects(ParseContext& ctx, const toml::table& root, PlanModel& plan) {
  std::vector<std::string_view> keys = {"type",     "name",     "deposit", "feed",     "magnet",
                                        "deposits", "elements", "ramp",    "announced"};
  for (ProjectType t : kProjectTypes)
    for (const auto& spec : project_params(t))
      if (std::find(keys.begin(), keys.end(), spec.key) == keys.end()) keys.push_back(spec.key);
  for_each_entry(ctx, root, "projects", with_note(keys),
                 [&](const std::string& id, TableReader& r) { parse_project(id, r, plan); });
}

}  // namespace rareflow::plan::detail
