#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "rareflow/core/io.hpp"
#include "rareflow/core/limits.hpp"
#include "rareflow/data/embedded.hpp"
#include "rareflow/data/toml_reader.hpp"
#include "rareflow/scenario/inputs.hpp"
#include "rareflow/scenario/market_adapter.hpp"
#include "rareflow/scenario/scenario.hpp"
#include "rareflow/scenario/scenario_table.hpp"

namespace rareflow::scenario {

namespace {

namespace fs = std::filesystem;

struct Text {
  std::string file;  // as shown in messages
  std::string body;
  fs::path dir;  // for bases beside it; empty for shipped ones
};

std::optional<Text> find_scenario(const std::string& name_or_path, const fs::path& beside) {
  fs::path p(name_or_path);
  bool looks_like_path =
      name_or_path.ends_with(".toml") || name_or_path.find('/') != std::string::npos;
  std::vector<fs::path> tries;
  if (looks_like_path) tries.push_back(p);
  if (!beside.empty()) tries.push_back(beside / (name_or_path + ".toml"));
  for (const auto& t : tries)
    if (fs::is_regular_file(t))
      if (auto body = read_file(t)) return Text{t.string(), *body, t.parent_path()};
  std::string key = "scenarios/" + (looks_like_path ? p.stem().string() : name_or_path) + ".toml";
  if (!looks_like_path)
    if (auto body = embedded_file(key)) return Text{key, std::string(*body), {}};
  return std::nullopt;
}

// Reads a scenario and its bases with the data layer's checked TOML reader: `ctx_.file` is the
// file being read, `ctx_.diags` every problem of the load in reading order.
class Reader {
 public:
  explicit Reader(const Dataset& d) : d_(d) {}

  void read(const Text& t, Scenario& s, std::vector<std::string>& stack);
  void read_root(const Text& t, const toml::table& root, Scenario& s,
                 std::vector<std::string>& stack);
  Diagnostics& diagnostics() { return ctx_.diags; }

 private:
  void error(const toml::node& n, const std::string& field, std::string msg) {
    ctx_.error(n.source(), field, std::move(msg));
  }
  std::string where(const toml::node& n) {
    return fmt::format("{}:{}", ctx_.file, n.source().begin.line);
  }
  void check_keys(const toml::table& t, const std::vector<std::string_view>& allowed,
                  const std::string& path) {
    data::check_keys(ctx_, t, path, allowed);
  }
  std::optional<std::string> name_of(const toml::table& t, const std::string& path);
  void read_year(const toml::table& t, const std::string& key, int& out);
  std::vector<std::string> strings(const toml::table& t, const std::string& key,
                                   const std::string& path) {
    return data::TableReader::unchecked(ctx_, t, path)
        .strings(key)
        .value_or(std::vector<std::string>{});
  }
  void check_region_names(const toml::table& t, const std::string& key,
                          const std::vector<std::string>& names, const std::string& ctx);
  void read_policy(const toml::table& t, std::size_t i, Scenario& s);
  void read_override(const toml::table& t, std::size_t i, Scenario& s);
  void read_trajectory(const toml::table& t, std::size_t i, Scenario& s);

  const Dataset& d_;
  data::TomlContext ctx_;
};

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
  return out;
}

// A name: a string of at most kMaxNameChars characters (a 100 kB name ran 78 s and wrote a
// 2.5 GB results.csv), without control characters.
std::optional<std::string> Reader::name_of(const toml::table& t, const std::string& path) {
  auto r = data::TableReader::unchecked(ctx_, t, path);
  auto v = r.string("name");
  if (!v) return std::nullopt;
  bool control = std::any_of(v->begin(), v->end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (v->empty() || v->size() > limits::kMaxNameChars || control) {
    r.error("name", fmt::format("expected 1 to {} characters without control characters, found {}",
                                limits::kMaxNameChars, echo(*v)));
    return std::nullopt;
  }
  return v;
}

// A year: a whole number in the TOML sense (not 2030.0, "2030", nan or inf) that fits an int.
void Reader::read_year(const toml::table& t, const std::string& key, int& out) {
  auto r = data::TableReader::unchecked(ctx_, t, "years");
  const toml::node* n = r.node(key);
  if (!n) return;
  auto v = n->is_integer() ? n->value<int64_t>() : std::nullopt;
  if (!v || *v < limits::kMinYear || *v > limits::kMaxYear) {
    r.error(key, fmt::format("expected a whole year in {}..{}, found {}", limits::kMinYear,
                             limits::kMaxYear, v ? fmt::format("{}", *v) : data::describe(*n)));
    return;
  }
  out = static_cast<int>(*v);
}

void Reader::check_region_names(const toml::table& t, const std::string& key,
                                const std::vector<std::string>& names, const std::string& ctx) {
  std::vector<std::string> known;
  for (const auto& r : d_.regions) {
    known.push_back(r.id);
    for (const auto& b : r.blocs)
      if (std::find(known.begin(), known.end(), b) == known.end()) known.push_back(b);
  }
  for (const auto& n : names)
    if (d_.members(n).empty())
      error(*t.get(key), ctx + "." + key,
            fmt::format("expected a region id or bloc of the data package, found \"{}\"{}", n,
                        suggestion(n, known)));
}

void Reader::read_policy(const toml::table& t, std::size_t i, Scenario& s) {
  std::string ctx = fmt::format("policy[{}]", i);
  PolicySpec p;
  p.where = where(t);
  const std::string kind = t["kind"].value_or(std::string());
  const KindSpec* it = find_kind(kind);
  if (!it) {
    std::vector<std::string> kind_names;
    for (const auto& k : kinds()) kind_names.push_back(k.name);
    error(t.get("kind") ? *t.get("kind") : static_cast<const toml::node&>(t), ctx + ".kind",
          fmt::format("expected one of {}, found \"{}\"{}", joined(kind_names), kind,
                      suggestion(kind, kind_names)));
    return;
  }
  p.kind = it->kind;
  std::vector<std::string_view> allowed = {
      "kind",       "name",           "regions", "partners", "stages", "elements", "sectors",
      "facilities", "facility_stage", "start",   "end",      "source", "note"};
  for (const auto& spec : it->params) allowed.push_back(spec.key);
  check_keys(t, allowed, ctx);
  p.name = fmt::format("{} {}", it->name, i + 1);
  if (auto nm = name_of(t, ctx)) p.name = *nm;
  p.source = t["source"].value_or(std::string());
  if (p.source.empty())
    error(t, ctx + ".source", "expected a source (a source id or a short citation)");
  p.regions = strings(t, "regions", ctx);
  p.partners = strings(t, "partners", ctx);
  p.stages = strings(t, "stages", ctx);
  p.elements = strings(t, "elements", ctx);
  p.sectors = strings(t, "sectors", ctx);
  p.facilities = strings(t, "facilities", ctx);
  p.facility_stage = t["facility_stage"].value_or(std::string());
  check_region_names(t, "regions", p.regions, ctx);
  check_region_names(t, "partners", p.partners, ctx);
  if (it->needs_regions && p.regions.empty())
    error(t, ctx + ".regions", fmt::format("expected the regions a {} applies to", it->name));
  static const std::vector<std::string> kStages = {"concentrate", "oxide", "metal", "magnet"};
  for (const auto& st : p.stages)
    if (std::find(kStages.begin(), kStages.end(), st) == kStages.end())
      error(*t.get("stages"), ctx + ".stages",
            fmt::format("expected one of {}, found \"{}\"{}", joined(kStages), st,
                        suggestion(st, kStages)));
  std::vector<std::string> symbols;
  for (const auto& e : element_table()) symbols.emplace_back(e.symbol);
  for (const auto& e : p.elements)
    if (!element_from_symbol(e))
      error(*t.get("elements"), ctx + ".elements",
            fmt::format("expected an element symbol, found \"{}\"{}", e, suggestion(e, symbols)));
  std::vector<std::string> sector_ids;
  for (const auto& x : d_.sectors) sector_ids.push_back(x.id);
  for (const auto& x : p.sectors)
    if (!d_.sector(x))
      error(*t.get("sectors"), ctx + ".sectors",
            fmt::format("expected a sector id, found \"{}\"{}", x, suggestion(x, sector_ids)));
  std::vector<std::string> facility_ids;
  for (const auto& f : d_.facilities) facility_ids.push_back(f.id);
  for (const auto& x : p.facilities)
    if (std::find(facility_ids.begin(), facility_ids.end(), x) == facility_ids.end())
      error(*t.get("facilities"), ctx + ".facilities",
            fmt::format("expected a facility id, found \"{}\"{}", x, suggestion(x, facility_ids)));
  static const std::vector<std::string> kFacilityStages = {"mine", "separation", "metal", "magnet"};
  if (!p.facility_stage.empty() && std::find(kFacilityStages.begin(), kFacilityStages.end(),
                                             p.facility_stage) == kFacilityStages.end())
    error(
        *t.get("facility_stage"), ctx + ".facility_stage",
        fmt::format("expected one of {}, found \"{}\"", joined(kFacilityStages), p.facility_stage));
  // Numbers may be distributions (inputs.hpp): read_input checks and records them.
  const std::size_t index = s.policies.size();
  for (const char* key : {"start", "end"}) {
    const toml::node* n = t.get(key);
    if (!n) continue;
    DeclaredRange years{s.first_year - 100.0, 2200.0, false, "year"};
    if (auto v = read_input(ctx_.file, *n, ctx + "." + key, years, index, key, s, ctx_.diags))
      (std::string(key) == "start" ? p.start : p.end) = *v;
  }
  if (p.end <= p.start) error(t, ctx + ".end", "expected end after start");
  for (const auto& spec : it->params) {
    const toml::node* n = t.get(spec.key);
    if (!n) {
      if (spec.required)
        error(t, ctx + "." + spec.key,
              fmt::format("expected {} for a {}: {}", spec.key, it->name, param_expectation(spec)));
      continue;
    }
    if (auto v = read_input(ctx_.file, *n, ctx + "." + spec.key, declared_range(spec), index,
                            spec.key, s, ctx_.diags))
      p.numbers[spec.key] = *v;
  }
  s.policies.push_back(std::move(p));
}

void Reader::read_override(const toml::table& t, std::size_t i, Scenario& s) {
  std::string ctx = fmt::format("override[{}]", i);
  check_keys(t, {"table", "id", "set", "source", "note"}, ctx);
  Override o;
  o.where = where(t);
  o.table = t["table"].value_or(std::string());
  o.id = t["id"].value_or(std::string());
  o.source = t["source"].value_or(std::string());
  if (o.source.empty()) error(t, ctx + ".source", "expected a source for the new value");
  const RawTable* raw = d_.raw_table(o.table);
  if (!raw || raw->spec->key.empty()) {
    std::vector<std::string> keyed;
    for (const auto& r : d_.raw)
      if (!r.spec->key.empty()) keyed.push_back(r.spec->name);
    error(t.get("table") ? *t.get("table") : static_cast<const toml::node&>(t), ctx + ".table",
          fmt::format("expected a data table with ids ({}), found \"{}\"{}", joined(keyed), o.table,
                      suggestion(o.table, keyed)));
    return;
  }
  int key = raw->spec->column_index(raw->spec->key);
  std::vector<std::string> ids;
  for (const auto& r : raw->rows) ids.push_back(r.cells[key]);
  if (std::find(ids.begin(), ids.end(), o.id) == ids.end())
    error(t.get("id") ? *t.get("id") : static_cast<const toml::node&>(t), ctx + ".id",
          fmt::format("expected an id of table {}, found \"{}\"{}", o.table, o.id,
                      suggestion(o.id, ids)));
  const toml::table* set = t["set"].as_table();
  if (!set) {
    error(t, ctx + ".set", "expected a table of column = value");
    return;
  }
  for (const auto& [k, v] : *set) {
    std::string col(k.str());
    const ColumnSpec* c = raw->spec->column(col);
    if (!c || c->type == ColumnType::Id) {
      std::vector<std::string> cols;
      for (const auto& cc : raw->spec->columns)
        if (cc.type != ColumnType::Id) cols.push_back(cc.name);
      error(v, ctx + ".set." + col,
            fmt::format("expected a column of {}{}", o.table, suggestion(col, cols)));
      continue;
    }
    bool numeric = c->type == ColumnType::Number || c->type == ColumnType::Integer;
    if (numeric) {
      auto x = v.value<double>();
      std::string unit = c->unit.empty() ? "" : " (" + c->unit + ")";
      if (!x || !std::isfinite(*x) || (c->min && *x < *c->min) || (c->max && *x > *c->max) ||
          (c->type == ColumnType::Integer && std::floor(*x) != *x)) {
        std::string range = c->min && c->max ? fmt::format(" in [{}, {}]", *c->min, *c->max)
                            : c->min         ? fmt::format(" >= {}", *c->min)
                                             : "";
        error(v, ctx + ".set." + col,
              fmt::format("expected a {}{}{}, found {}",
                          c->type == ColumnType::Integer ? "whole number" : "number", range, unit,
                          x ? fmt::format("{}", *x) : "a non-number"));
        continue;
      }
      o.set[col] = *x;
    } else {
      auto x = v.value<std::string>();
      if (!x) {
        error(v, ctx + ".set." + col, "expected a string");
        continue;
      }
      if (c->type == ColumnType::Enum &&
          std::find(c->values.begin(), c->values.end(), *x) == c->values.end()) {
        error(v, ctx + ".set." + col,
              fmt::format("expected one of {}, found \"{}\"", joined(c->values), *x));
        continue;
      }
      o.set[col] = *x;
    }
  }
  s.overrides.push_back(std::move(o));
}

void Reader::read_trajectory(const toml::table& t, std::size_t i, Scenario& s) {
  std::string ctx = fmt::format("trajectory[{}]", i);
  check_keys(t, {"target", "points", "unit", "source", "note"}, ctx);
  TrajectorySpec tr;
  tr.where = where(t);
  tr.target = t["target"].value_or(std::string());
  tr.unit = t["unit"].value_or(std::string());
  tr.source = t["source"].value_or(std::string());
  if (tr.source.empty()) error(t, ctx + ".source", "expected a source");
  if (tr.target.empty()) error(t, ctx + ".target", "expected a driver or cost index name");
  const toml::array* pts = t["points"].as_array();
  if (!pts || pts->empty()) {
    error(t, ctx + ".points", "expected points = [[year, value], ...]");
    return;
  }
  int last = -1;
  for (const auto& p : *pts) {
    const toml::array* pair = p.as_array();
    std::optional<int64_t> y =
        pair && pair->size() == 2 ? (*pair)[0].value<int64_t>() : std::nullopt;
    std::optional<double> v = pair && pair->size() == 2 ? (*pair)[1].value<double>() : std::nullopt;
    if (!y || !v || !std::isfinite(*v) || *v < 0 || *v > 1e15 || *y < limits::kMinYear ||
        *y > limits::kMaxYear) {
      error(p, ctx + ".points",
            fmt::format("expected [year, value] with a whole year in {}..{} and a finite value "
                        ">= 0",
                        limits::kMinYear, limits::kMaxYear));
      continue;
    }
    if (*y <= last) error(p, ctx + ".points", "expected years in increasing order");
    last = static_cast<int>(*y);
    tr.points.emplace_back(static_cast<int>(*y), *v);
  }
  s.trajectories.push_back(std::move(tr));
}

void Reader::read(const Text& text, Scenario& s, std::vector<std::string>& stack) {
  if (auto b = check_text_bounds(text.body, text.file); !b.message.empty()) {
    ctx_.diags.add(std::move(b));
    return;
  }
  toml::table root;
  try {
    root = toml::parse(text.body, text.file);
  } catch (const toml::parse_error& e) {
    ctx_.diags.add(text.file, static_cast<int>(e.source().begin.line),
                   static_cast<int>(e.source().begin.column), "", std::string(e.description()));
    return;
  }
  read_root(text, root, s, stack);
}

void Reader::read_root(const Text& text, const toml::table& root, Scenario& s,
                       std::vector<std::string>& stack) {
  ctx_.file = text.file;
  check_keys(root,
             {"name", "base", "description", "years", "include_statuses", "include_facilities",
              "settings", "override", "trajectory", "policy", "event", "source", "note"},
             "");
  std::string name = fs::path(text.file).stem().string();
  if (auto nm = name_of(root, "")) name = *nm;
  if (std::find(stack.begin(), stack.end(), name) != stack.end()) {
    stack.push_back(name);
    std::string chain;
    for (const auto& x : stack) chain += (chain.empty() ? "" : " -> ") + x;
    ctx_.diags.add(text.file, 1, 1, "base", fmt::format("inheritance cycle: {}", chain));
    return;
  }
  stack.push_back(name);
  if (root.get("base") && !root["base"].is_string())
    error(*root.get("base"), "base",
          fmt::format("expected the name or path of a base scenario, found {}",
                      data::describe(*root.get("base"))));
  if (auto base = root["base"].value<std::string>()) {
    auto bt = find_scenario(*base, text.dir);
    if (!bt) {
      std::vector<std::string> shipped = shipped_scenarios();
      error(*root.get("base"), "base",
            fmt::format("expected a scenario file or one of {}, found \"{}\"{}", joined(shipped),
                        *base, suggestion(*base, shipped)));
    } else {
      read(*bt, s, stack);
      ctx_.file = text.file;
    }
  }
  s.name = name;
  s.chain.push_back(name);
  s.description = root["description"].value_or(s.description);
  if (const toml::table* y = root["years"].as_table()) {
    check_keys(*y, {"first", "last"}, "years");
    read_year(*y, "first", s.first_year);
    read_year(*y, "last", s.last_year);
    if (s.first_year < d_.schema.base_year || s.last_year > 2100 || s.last_year < s.first_year)
      error(*y, "years",
            fmt::format("expected {} <= first <= last <= 2100, found {}..{}", d_.schema.base_year,
                        s.first_year, s.last_year));
  }
  if (root.get("include_statuses")) {
    std::vector<std::string> keys;
    for (auto st = FacilityStatus::Operating; st <= FacilityStatus::Closed;
         st = static_cast<FacilityStatus>(static_cast<int>(st) + 1))
      keys.emplace_back(facility_status_key(st));
    s.include_statuses.clear();
    for (const auto& x : strings(root, "include_statuses", "")) {
      if (auto st = facility_status_from_key(x))
        s.include_statuses.push_back(*st);
      else
        error(*root.get("include_statuses"), "include_statuses",
              fmt::format("expected one of {}, found \"{}\"{}", joined(keys), x,
                          suggestion(x, keys)));
    }
  }
  for (auto& f : strings(root, "include_facilities", "")) {
    bool known = std::any_of(d_.facilities.begin(), d_.facilities.end(),
                             [&](const Facility& x) { return x.id == f; });
    if (!known) {
      std::vector<std::string> ids;
      for (const auto& x : d_.facilities) ids.push_back(x.id);
      error(*root.get("include_facilities"), "include_facilities",
            fmt::format("expected a facility id, found \"{}\"{}", f, suggestion(f, ids)));
    }
    s.include_facilities.push_back(f);
  }
  if (const toml::table* st = root["settings"].as_table()) {
    std::vector<std::string> keys;
    for (const auto& spec : setting_specs()) keys.push_back(spec.key);
    for (const auto& [k, v] : *st) {
      std::string key(k.str());
      auto spec = std::find_if(setting_specs().begin(), setting_specs().end(),
                               [&](const SettingSpec& x) { return x.key == key; });
      if (spec == setting_specs().end()) {
        error(v, "settings." + key,
              fmt::format("unknown setting{}; expected one of {}", suggestion(key, keys),
                          joined(keys)));
        continue;
      }
      auto x = v.value<double>();
      if (!x || !std::isfinite(*x) || *x < spec->min || *x > spec->max ||
          (spec->integer && *x != std::floor(*x))) {
        error(
            v, "settings." + key,
            fmt::format("expected a {} in [{}, {}] ({})", spec->integer ? "whole number" : "number",
                        spec->min, spec->max, spec->meaning));
        continue;
      }
      s.settings[key] = *x;
    }
  }
  auto each = [&](const char* key, auto fn) {
    if (const toml::node* n = root.get(key)) {
      const toml::array* a = n->as_array();
      if (!a) {
        error(*n, key, fmt::format("expected [[{}]] tables", key));
        return;
      }
      for (std::size_t i = 0; i < a->size(); ++i)
        if (const toml::table* t = (*a)[i].as_table()) fn(*t, i);
    }
  };
  each("override", [&](const toml::table& t, std::size_t i) { read_override(t, i, s); });
  each("trajectory", [&](const toml::table& t, std::size_t i) { read_trajectory(t, i, s); });
  each("policy", [&](const toml::table& t, std::size_t i) { read_policy(t, i, s); });
  each("event", [&](const toml::table& t, std::size_t i) { read_policy(t, i, s); });
  stack.pop_back();
}

}  // namespace

std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> out;
  for (const auto& p : embedded_paths("scenarios/"))
    if (p.ends_with(".toml")) out.push_back(fs::path(p).stem().string());
  return out;
}

Result<Scenario> load_scenario(const std::string& name_or_path, const Dataset& d) {
  Diagnostics diags;
  auto text = find_scenario(name_or_path, {});
  if (!text) {
    std::vector<std::string> shipped = shipped_scenarios();
    diags.add(name_or_path, 0, 0, "scenario",
              fmt::format("no such file or shipped scenario; expected a .toml path or one of {}{}",
                          joined(shipped), suggestion(name_or_path, shipped)));
    return fail(std::move(diags));
  }
  Scenario s;
  std::vector<std::string> stack;
  Reader r(d);
  r.read(*text, s, stack);
  if (!r.diagnostics().empty()) return fail(std::move(r.diagnostics()));
  return s;
}

std::optional<std::pair<std::string, std::string>> scenario_text(const std::string& name_or_path) {
  auto t = find_scenario(name_or_path, {});
  if (!t) return std::nullopt;
  return std::pair{t->file, t->body};
}

Result<Scenario> load_scenario_table(const toml::table& root, const std::string& origin,
                                     const Dataset& d) {
  Scenario s;
  std::vector<std::string> stack;
  Reader r(d);
  r.read_root(Text{origin, {}, {}}, root, s, stack);
  if (!r.diagnostics().empty()) return fail(std::move(r.diagnostics()));
  return s;
}

}  // namespace rareflow::scenario
