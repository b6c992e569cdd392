#include "toml_reader.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace rareflow::plan::detail {

std::vector<std::string_view> with_note(std::vector<std::string_view> keys) {
  keys.insert(keys.end(), std::begin(kNoteKeys), std::end(kNoteKeys));
  return keys;
}

namespace {
// "RUB billion" -> (RUB, 1000): factor to million units of that currency.
std::optional<std::pair<std::string, double>> parse_money_unit(const std::string& unit) {
  auto space = unit.find(' ');
  if (space == std::string::npos) return std::nullopt;
  std::string cur = unit.substr(0, space);
  std::string scale = unit.substr(space + 1);
  if (scale == "million") return std::pair{cur, 1.0};
  if (scale == "billion") return std::pair{cur, 1000.0};
  if (scale == "thousand") return std::pair{cur, 0.001};
  return std::nullopt;
}
}  // namespace

std::optional<double> TableReader::money_musd(std::string_view key, bool required) {
  const auto* n = node(key);
  if (!n) {
    if (required) expected(key, "an amount in USD million or { value = ..., unit = \"...\" }");
    return std::nullopt;
  }
  // The sign is checked by the caller (with its own message); the size here.
  const std::string range = fmt::format("an amount of at most {:g} USD million in size", kMaxMusd);
  if (!n->is_table()) return number_in(key, -kMaxMusd, kMaxMusd, range);
  TableReader r(*ctx_, *n->as_table(), field(key), {"value", "unit"});
  auto value = r.number("value", true);
  auto unit = r.string("unit", true);
  if (!value || !unit) return std::nullopt;
  auto parsed = parse_money_unit(*unit);
  if (!parsed) {
    r.error("unit", fmt::format("expected \"<currency> million|billion|thousand\" (e.g. \"RUB "
                                "billion\"), found string \"{}\"",
                                *unit));
    return std::nullopt;
  }
  const auto& [cur, scale] = *parsed;
  double per_usd = 1.0;
  if (cur != "USD") {
    auto it = ctx().per_usd.find(cur);
    if (it == ctx().per_usd.end()) {
      std::vector<std::string> known{"USD"};
      for (const auto& [c, rate] : ctx().per_usd) known.push_back(c);
      std::string msg = fmt::format(
          "unknown currency '{}': state its rate in [currencies.{}] per_usd = ...", cur, cur);
      msg += suggestion(cur, known);
      r.error("unit", msg);
      return std::nullopt;
    }
    per_usd = it->second;
  }
  const double musd = *value * scale / per_usd;
  if (std::abs(musd) > kMaxMusd) {
    r.error("value", fmt::format("expected {}, found {:g} {} ({:g} USD million)", range, *value,
                                 *unit, musd));
    return std::nullopt;
  }
  return musd;
}

std::optional<YearPath> TableReader::year_path(std::string_view key, bool required, double lo,
                                               double hi, std::string_view what) {
  const auto* n = node(key);
  if (!n) {
    if (required) expected(key, "a number or a table of year = value");
    return std::nullopt;
  }
  if (!n->is_table()) {
    auto v = number_in(key, lo, hi, what);
    if (!v) return std::nullopt;
    return YearPath::constant(*v);
  }
  YearPath p;
  bool ok = true;
  for (auto&& [k, v] : *n->as_table()) {
    int year = 0;
    std::string ks(k.str());
    bool digits = !ks.empty() && ks.size() <= 4 &&
                  std::all_of(ks.begin(), ks.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits) year = std::stoi(ks);
    if (!digits || year < 1900 || year > 2200) {
      ctx().error(k.source(), field(key),
                  fmt::format("expected a year (1900-2200) as key, found '{}'", ks));
      ok = false;
      continue;
    }
    std::optional<double> val;
    if (auto i = v.value_exact<int64_t>()) val = static_cast<double>(*i);
    if (auto d = v.value_exact<double>()) val = *d;
    if (!val || !std::isfinite(*val) || *val < lo || *val > hi) {
      ctx().error(v.source(), fmt::format("{}.{}", field(key), ks),
                  fmt::format("expected {}, found {}", what, describe(v)));
      ok = false;
      continue;
    }
    p.points.emplace_back(year, *val);
  }
  if (!ok) return std::nullopt;
  if (p.points.empty()) {
    expected(key, "at least one year = value pair");
    return std::nullopt;
  }
  std::sort(p.points.begin(), p.points.end());
  return p;
}

std::optional<ElementShares> TableReader::element_shares(std::string_view key, bool normalise,
                                                         bool required) {
  const toml::table* t = table(key, required);
  if (!t) return std::nullopt;
  ElementShares out{};
  std::vector<std::string> symbols;
  for (const auto& inf : element_table()) symbols.emplace_back(inf.symbol);
  bool ok = true;
  for (auto&& [k, v] : *t) {
    std::string sym(k.str());
    auto e = element_from_symbol(sym);
    std::string f = fmt::format("{}.{}", field(key), sym);
    if (!e) {
      std::string msg = fmt::format("unknown element '{}'", sym);
      msg += suggestion(sym, symbols);
      ctx().error(k.source(), f, msg);
      ok = false;
      continue;
    }
    std::optional<double> val;
    if (auto i = v.value_exact<int64_t>()) val = static_cast<double>(*i);
    if (auto d = v.value_exact<double>()) val = *d;
    if (!val || !std::isfinite(*val) || *val < 0) {
      ctx().error(v.source(), f, fmt::format("expected a number >= 0, found {}", describe(v)));
      ok = false;
      continue;
    }
    out[index(*e)] = *val;
  }
  if (!ok) return std::nullopt;
  if (normalise) {
    double sum = 0;
    for (double x : out) sum += x;
    if (sum <= 0) {
      expected(key, "shares with a positive sum");
      return std::nullopt;
    }
    for (double& x : out) x /= sum;
  }
  return out;
}

SourceNote TableReader::note() {
  SourceNote n;
  n.source = string("source").value_or("");
  n.confidence = string("confidence").value_or("");
  n.reason = string("reason").value_or("");
  if (!n.confidence.empty() && n.confidence != "reported" && n.confidence != "derived" &&
      n.confidence != "assumption") {
    error("confidence", fmt::format("expected \"reported\", \"derived\" or \"assumption\", found "
                                    "string \"{}\"",
                                    n.confidence));
  }
  if (n.confidence == "assumption" && n.reason.empty()) {
    error("confidence", "an assumption needs a reason: add reason = \"...\"");
  }
  return n;
}

}  // namespace rareflow::plan::detail
