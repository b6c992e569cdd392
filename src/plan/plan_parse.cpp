#include "plan_parse.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "rareflow/core/io.hpp"
#include "rareflow/data/embedded.hpp"
#include "rareflow/plan/plan_io.hpp"

namespace rareflow::plan {

namespace detail {

std::vector<std::pair<const toml::table*, std::string>> array_of_tables(TableReader& r,
                                                                        std::string_view key) {
  std::vector<std::pair<const toml::table*, std::string>> out;
  const toml::array* a = r.array(key);
  if (!a) return out;
  for (std::size_t i = 0; i < a->size(); ++i) {
    const toml::node& n = *a->get(i);
    std::string f = fmt::format("{}[{}]", r.field(key), i);
    if (!n.is_table()) {
      r.ctx().error(n.source(), f, fmt::format("expected a table, found {}", describe(n)));
      continue;
    }
    out.emplace_back(n.as_table(), f);
  }
  return out;
}

std::vector<Element> read_elements(TableReader& r, std::string_view key, std::string* label,
                                   bool required) {
  auto names = r.strings(key, required);
  if (!names) return {};
  std::vector<std::string> symbols(kElementGroupNames.begin(), kElementGroupNames.end());
  for (const auto& inf : element_table()) symbols.emplace_back(inf.symbol);
  std::vector<Element> out;
  std::string joined;
  for (const auto& name : *names) {
    auto group = element_group(name);
    if (!group) {
      // Name the part that is wrong, e.g. "Nx" in "Nd+Nx".
      std::string bad = name;
      std::size_t start = 0;
      while (start <= name.size()) {
        std::size_t plus = name.find('+', start);
        std::string part = name.substr(start, plus == std::string::npos ? plus : plus - start);
        if (!element_group(part)) {
          bad = part;
          break;
        }
        if (plus == std::string::npos) break;
        start = plus + 1;
      }
      std::string msg = fmt::format("unknown element or group '{}'", bad);
      msg += suggestion(bad, symbols);
      r.error(key, msg + " (groups: all, LREE, HREE, magnet)");
      return {};
    }
    for (Element e : *group)
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    joined += joined.empty() ? name : "+" + name;
  }
  if (label) *label = joined;
  return out;
}

std::vector<Commodity> commodities_of(TableReader& r, std::string_view key, const std::string& text,
                                      const PlanModel& plan, bool allow_groups) {
  auto colon = text.find(':');
  std::string stage = text.substr(0, colon);
  std::string item = colon == std::string::npos ? "" : text.substr(colon + 1);
  const std::vector<std::string> stages{"concentrate", "oxide", "metal", "magnet"};
  auto bad = [&](std::string msg) {
    r.error(key, std::move(msg));
    return std::vector<Commodity>{};
  };
  if (colon == std::string::npos || item.empty()) {
    return bad(
        fmt::format("expected \"stage:item\" such as \"oxide:Nd\" or \"magnet:NdFeB\", "
                    "found string \"{}\"",
                    text));
  }
  std::vector<Commodity> out;
  if (stage == "oxide" || stage == "metal") {
    Stage st = stage == "oxide" ? Stage::Oxide : Stage::Metal;
    auto group = element_group(item);
    bool is_group = is_named_group(item) || item.find('+') != std::string::npos;
    if (!group || (is_group && !allow_groups)) {
      std::vector<std::string> symbols;
      for (const auto& inf : element_table()) symbols.emplace_back(inf.symbol);
      std::string msg = group ? fmt::format("expected one element here, found group '{}'", item)
                              : fmt::format("unknown element '{}' in \"{}\"", item, text);
      msg += (group ? "" : suggestion(item, symbols));
      return bad(msg);
    }
    for (Element e : *group) out.push_back({st, std::string(info(e).symbol)});
    return out;
  }
  if (stage == "magnet" || stage == "concentrate") {
    std::vector<std::string> ids;
    if (stage == "magnet")
      for (const auto& m : plan.magnets) ids.push_back(m.id);
    else
      for (const auto& d : plan.deposits) ids.push_back(d.id);
    if (std::find(ids.begin(), ids.end(), item) == ids.end()) {
      std::string msg = fmt::format("unknown {} '{}' in \"{}\" (define it under [{}s.{}])",
                                    stage == "magnet" ? "magnet type" : "deposit", item, text,
                                    stage == "magnet" ? "magnet" : "deposit", item);
      msg += suggestion(item, ids);
      return bad(msg);
    }
    out.push_back({stage == "magnet" ? Stage::Magnet : Stage::Concentrate, item});
    return out;
  }
  std::string msg = fmt::format("unknown stage '{}' in \"{}\"", stage, text);
  msg += suggestion(stage, stages);
  return bad(msg + " (stages: concentrate, oxide, metal, magnet)");
}

std::vector<Commodity> read_commodities(TableReader& r, std::string_view key, const PlanModel& plan,
                                        bool allow_groups, bool required) {
  auto texts = r.strings(key, required);
  std::vector<Commodity> out;
  if (!texts) return out;
  for (const auto& t : *texts) {
    for (auto& c : commodities_of(r, key, t, plan, allow_groups))
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
  }
  return out;
}

void parse_header(ParseContext& ctx, const toml::table& root, PlanModel& plan) {
  TableReader top(
      ctx, root, "",
      {"plan", "currencies", "solver", "storage", "deposits", "magnets", "feeds", "projects",
       "imports", "exports", "demand", "goals", "scenarios", "commitments", "futures"});
  if (const toml::table* t = top.table("currencies")) {
    for (auto&& [k, v] : *t) {
      std::string code(k.str());
      std::string f = "currencies." + code;
      if (!v.is_table()) {
        ctx.error(v.source(), f, "expected a table { per_usd = ..., source = ... }");
        continue;
      }
      TableReader r(ctx, *v.as_table(), f, with_note({"per_usd"}));
      auto rate = r.number_in("per_usd", 1e-6, 1e6,
                              "a rate between 1e-6 and 1e6 units of the currency per USD", true);
      if (rate) {
        ctx.per_usd[code] = *rate;
        plan.currencies[code] = CurrencyRate{*rate, r.note()};
      }
    }
  }
  const toml::table* p = top.table("plan", true);
  if (!p) return;
  TableReader r(ctx, *p, "plan",
                with_note({"name", "title", "region", "first_year", "last_year", "discount_rate",
                           "shortfall_penalty"}));
  plan.name = r.string("name", true).value_or("");
  plan.title = r.string("title").value_or(plan.name);
  plan.region = r.string("region", true).value_or("");
  plan.first_year = r.integer("first_year", true).value_or(0);
  plan.last_year = r.integer("last_year", true).value_or(0);
  plan.discount_rate =
      r.number_in("discount_rate", 0.0, 1.0, "a rate between 0 and 1", true).value_or(0.0);
  plan.note = r.note();
  check_horizon(r, plan);
  if (const toml::table* s = top.table("solver")) {
    TableReader sr(ctx, *s, "solver", {"time_limit", "gap"});
    plan.time_limit_s =
        sr.number_in("time_limit", 0.01, 86400.0, "seconds between 0.01 and 86400").value_or(60.0);
    plan.gap =
        sr.number_in("gap", 0.0, 1.0, "a relative gap between 0 and 1").value_or(PlanModel{}.gap);
  }
  if (const toml::table* s = top.table("storage")) {
    TableReader sr(ctx, *s, "storage", with_note({"allowed", "holding_cost", "disposal_cost"}));
    plan.storage.allowed = sr.boolean("allowed").value_or(true);
    plan.storage.holding_cost =
        sr.number_in("holding_cost", 0.0, 1e6, "a cost >= 0 in USD/kg/yr").value_or(0.0);
    plan.storage.disposal_cost =
        sr.number_in("disposal_cost", 0.0, 1e6, "a cost >= 0 in USD/kg").value_or(0.0);
    plan.storage.note = sr.note();
  }
}

}  // namespace detail

Result<PlanModel> parse_plan(std::string_view text, const std::string& file_name) {
  detail::ParseContext ctx;
  ctx.file = file_name;
  toml::table root;
  try {
    root = toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    ctx.error(e.source(), "", fmt::format("not valid TOML: {}", e.description()));
    return fail(std::move(ctx.diags));
  }
  PlanModel plan;
  plan.file = file_name;
  detail::parse_header(ctx, root, plan);
  detail::parse_materials(ctx, root, plan);
  detail::parse_projects(ctx, root, plan);
  detail::parse_trade(ctx, root, plan);
  detail::parse_scenarios(ctx, root, plan);
  detail::parse_goals(ctx, root, plan);
  detail::parse_commitments(ctx, root, plan);
  detail::parse_futures(ctx, root, plan);
  if (ctx.diags.empty()) detail::validate_plan(ctx, root, plan);
  if (!ctx.diags.empty()) return fail(std::move(ctx.diags));
  return plan;
}

Result<std::string> load_plan_text(const std::string& path_or_name, std::string& file_name) {
  namespace fs = std::filesystem;
  bool looks_like_path = path_or_name.find('/') != std::string::npos ||
                         path_or_name.ends_with(".toml") || fs::exists(path_or_name);
  if (looks_like_path) {
    auto text = read_file(path_or_name);
    if (!text) {
      Diagnostics d;
      d.add(path_or_name, 0, 0, "", text.error().message);
      return fail(std::move(d));
    }
    file_name = path_or_name;
    return *text;
  }
  std::string key = fmt::format("plans/{}.toml", path_or_name);
  if (auto embedded = embedded_file(key)) {
    file_name = key;
    return std::string(*embedded);
  }
  std::vector<std::string> names;
  for (const auto& p : embedded_paths("plans/")) {
    std::string n = fs::path(p).stem().string();
    names.push_back(n);
  }
  std::string msg =
      fmt::format("no plan file '{}' and no embedded plan of that name", path_or_name);
  msg += suggestion(path_or_name, names);
  if (!names.empty()) {
    msg += " (embedded plans:";
    for (const auto& n : names) msg += " " + n;
    msg += ")";
  }
  Diagnostics d;
  d.add(path_or_name, 0, 0, "", msg);
  return fail(std::move(d));
}

}  // namespace rareflow::plan
