// Reading a distribution where a TOML file expects a number (see distribution.hpp).
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "rareflow/core/distribution.hpp"

namespace rareflow {

namespace {

struct Kind {
  DistKind kind;
  std::vector<std::string> required, optional;
};

const std::map<std::string, Kind>& kinds() {
  static const std::map<std::string, Kind> k = {
      {"uniform", {DistKind::Uniform, {"min", "max"}, {}}},
      {"triangular", {DistKind::Triangular, {"min", "mode", "max"}, {}}},
      {"normal", {DistKind::Normal, {"mean", "sd"}, {"min", "max"}}},
      {"lognormal", {DistKind::Lognormal, {"median", "sigma"}, {"min", "max"}}},
      {"choice", {DistKind::Choice, {"values"}, {"weights"}}},
  };
  return k;
}

std::string range_text(const DeclaredRange& r) {
  // "(USD/kg)" as in core/params.hpp, so a fixed number gets the same message either way.
  std::string unit = r.unit.empty() ? "" : " (" + r.unit + ")";
  if (std::isfinite(r.min) && std::isfinite(r.max))
    return fmt::format("[{}, {}]{}", r.min, r.max, unit);
  if (std::isfinite(r.min)) return fmt::format(">= {}{}", r.min, unit);
  if (std::isfinite(r.max)) return fmt::format("<= {}{}", r.max, unit);
  return "of any value" + unit;
}

// "in [0, 1]", ">= 0", ... after "expected a number".
std::string phrase(const DeclaredRange& r) {
  std::string t = range_text(r);
  return t.starts_with("[") ? "in " + t : t;
}

std::string found(const toml::node& n) {
  if (auto s = n.value_exact<std::string>()) return fmt::format("a string \"{}\"", *s);
  if (auto x = n.value<double>()) return fmt::format("{}", *x);
  if (n.is_table()) return "a table";
  if (n.is_array()) return "an array";
  return "a non-number";
}

class Reader {
 public:
  Reader(const std::string& file, const std::string& field, Diagnostics& diags)
      : file_(file), field_(field), diags_(diags) {}

  void error(const toml::node& n, const std::string& sub, std::string msg) {
    diags_.add(file_, static_cast<int>(n.source().begin.line),
               static_cast<int>(n.source().begin.column), sub.empty() ? field_ : field_ + "." + sub,
               std::move(msg));
    ok = false;
  }

  std::optional<double> number(const toml::table& t, const std::string& key) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    auto x = n->is_number() ? n->value<double>() : std::nullopt;
    if (!x || !std::isfinite(*x)) {
      error(*n, key, fmt::format("expected a number, found {}", found(*n)));
      return std::nullopt;
    }
    return x;
  }

  std::vector<double> numbers(const toml::table& t, const std::string& key) {
    std::vector<double> out;
    const toml::node* n = t.get(key);
    const toml::array* a = n ? n->as_array() : nullptr;
    if (!n) return out;
    if (!a || a->empty()) {
      error(*n, key, "expected a non-empty array of numbers");
      return out;
    }
    for (const auto& x : *a) {
      auto v = x.is_number() ? x.value<double>() : std::nullopt;
      if (!v || !std::isfinite(*v))
        error(x, key, fmt::format("expected a number, found {}", found(x)));
      else
        out.push_back(*v);
    }
    return out;
  }

  bool ok = true;

 private:
  const std::string& file_;
  const std::string& field_;
  Diagnostics& diags_;
};

std::optional<Dist> build(Reader& r, const toml::table& t, const Kind& k) {
  std::map<std::string, double> p;
  for (const auto& key : k.required)
    if (k.kind != DistKind::Choice && !t.get(key))
      r.error(t, key, fmt::format("expected {} for this distribution", key));
  for (const auto& list : {k.required, k.optional})
    for (const auto& key : list)
      if (key != "values" && key != "weights")
        if (auto x = r.number(t, key)) p[key] = *x;
  if (!r.ok) return std::nullopt;
  auto opt = [&](const char* key, double dflt) { return p.contains(key) ? p[key] : dflt; };
  switch (k.kind) {
    case DistKind::Uniform:
      if (!(p["min"] < p["max"])) r.error(t, "max", "expected min < max");
      return Dist::uniform(p["min"], p["max"]);
    case DistKind::Triangular:
      if (!(p["min"] < p["max"]) || p["mode"] < p["min"] || p["mode"] > p["max"])
        r.error(t, "mode", "expected min <= mode <= max and min < max");
      return Dist::triangular(p["min"], p["mode"], p["max"]);
    case DistKind::Normal: {
      if (!(p["sd"] > 0)) r.error(*t.get("sd"), "sd", "expected a standard deviation > 0");
      auto d = Dist::normal(p["mean"], p["sd"], opt("min", -Dist::kInf), opt("max", Dist::kInf));
      if (r.ok && !(normal_cdf((d.hi - d.p1) / d.p2) - normal_cdf((d.lo - d.p1) / d.p2) > 1e-9))
        r.error(t, "max", "expected min < max with the mean within a few sd of [min, max]");
      return d;
    }
    case DistKind::Lognormal: {
      if (!(p["median"] > 0)) r.error(*t.get("median"), "median", "expected a median > 0");
      if (!(p["sigma"] > 0)) r.error(*t.get("sigma"), "sigma", "expected sigma (sd of ln x) > 0");
      if (!r.ok) return std::nullopt;
      auto d = Dist::lognormal(p["median"], p["sigma"], opt("min", 0), opt("max", Dist::kInf));
      double mu = std::log(d.p1);
      double a = d.lo > 0 ? (std::log(d.lo) - mu) / d.p2 : -Dist::kInf;
      double b = std::isfinite(d.hi) && d.hi > 0 ? (std::log(d.hi) - mu) / d.p2
                                                 : (d.hi > 0 ? Dist::kInf : a);
      if (!(normal_cdf(b) - normal_cdf(a) > 1e-9))
        r.error(t, "max", "expected 0 <= min < max with the median within a few sigma of them");
      return d;
    }
    case DistKind::Choice: {
      if (!t.get("values")) r.error(t, "values", "expected values = [a, b, ...]");
      auto values = r.numbers(t, "values");
      auto weights = r.numbers(t, "weights");
      if (!r.ok) return std::nullopt;
      if (t.get("weights")) {
        bool bad = weights.size() != values.size();
        double total = 0;
        for (double w : weights) {
          bad = bad || w < 0;
          total += w;
        }
        if (bad || !(total > 0))
          r.error(*t.get("weights"), "weights",
                  fmt::format("expected {} weights >= 0 with a positive sum", values.size()));
      }
      return Dist::choice(std::move(values), std::move(weights));
    }
    case DistKind::Fixed:
      break;
  }
  return std::nullopt;
}

// The support must lie in the declared range; integer parameters take whole values only.
void check_range(Reader& r, const toml::node& n, const Dist& d, const DeclaredRange& range) {
  auto [lo, hi] = support(d);
  Dist bare = d;  // the range names the unit once
  bare.unit.clear();
  std::string what = d.is_fixed() ? fmt::format("{}", d.p1) : describe(bare);
  if ((!std::isfinite(lo) && std::isfinite(range.min)) ||
      (!std::isfinite(hi) && std::isfinite(range.max))) {
    r.error(n, "",
            fmt::format("{} is unbounded, outside the declared range {}; give min and max "
                        "within it to truncate",
                        what, range_text(range)));
    return;
  }
  if (lo < range.min || hi > range.max) {
    r.error(n, "",
            d.is_fixed() ? fmt::format("expected a number {}, found {}", phrase(range), what)
                         : fmt::format("{} takes values in [{}, {}], outside the declared range {}",
                                       what, lo, hi, range_text(range)));
    return;
  }
  if (!range.integer) return;
  bool whole = d.kind == DistKind::Fixed ? std::floor(d.p1) == d.p1 : d.kind == DistKind::Choice;
  for (double v : d.values) whole = whole && std::floor(v) == v;
  if (!whole)
    r.error(n, "",
            fmt::format("expected whole numbers (a whole number or dist = \"choice\" with whole "
                        "values), found {}",
                        what));
}

}  // namespace

bool is_distribution_table(const toml::node& n) {
  const toml::table* t = n.as_table();
  return t && t->get("dist") != nullptr;
}

std::optional<Dist> read_distribution(const toml::node& n, const std::string& file,
                                      const std::string& field, const DeclaredRange& range,
                                      Diagnostics& diags) {
  Reader r(file, field, diags);
  std::optional<Dist> d;
  if (n.is_number()) {
    d = Dist::fixed(*n.value<double>());
  } else if (!is_distribution_table(n)) {
    r.error(n, "",
            fmt::format("expected a number {} or a distribution {{ dist = \"uniform\", min = ..., "
                        "max = ... }}, found {}",
                        phrase(range), found(n)));
    return std::nullopt;
  } else {
    const toml::table& t = *n.as_table();
    std::string name = t["dist"].value_or(std::string());
    std::vector<std::string> names;
    for (const auto& [k, _] : kinds()) names.push_back(k);
    auto it = kinds().find(name);
    if (it == kinds().end()) {
      r.error(*t.get("dist"), "dist",
              fmt::format("expected one of choice, lognormal, normal, triangular, uniform, found "
                          "{}{}",
                          found(*t.get("dist")), suggestion(name, names)));
      return std::nullopt;
    }
    std::vector<std::string> allowed = {"dist", "unit"};
    allowed.insert(allowed.end(), it->second.required.begin(), it->second.required.end());
    allowed.insert(allowed.end(), it->second.optional.begin(), it->second.optional.end());
    for (const auto& [k, v] : t) {
      std::string key(k.str());
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      r.error(v, key,
              fmt::format("unknown key for a {} distribution{}; expected one of {}", name,
                          suggestion(key, allowed), list));
    }
    std::string unit = t["unit"].value_or(std::string());
    if (t.get("unit") && !t.get("unit")->is_string())
      r.error(*t.get("unit"), "unit", "expected a unit name");
    else if (!unit.empty() && !range.unit.empty() && unit != range.unit)
      r.error(*t.get("unit"), "unit",
              fmt::format("expected unit \"{}\" (the parameter's unit), found \"{}\"", range.unit,
                          unit));
    d = build(r, t, it->second);
    if (!r.ok || !d) return std::nullopt;
    d->unit = unit.empty() ? range.unit : unit;
  }
  check_range(r, n, *d, range);
  if (!r.ok) return std::nullopt;
  return d;
}

}  // namespace rareflow
