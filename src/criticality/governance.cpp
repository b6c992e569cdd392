#include "rareflow/criticality/governance.hpp"

#include <cmath>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "criticality/trade_lookup.hpp"
#include "criticality/validate.hpp"
#include "rareflow/core/elements.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow::criticality {

double wgi_mean(const WgiScores& w) {
  return (w.voice + w.stability + w.effectiveness + w.regulatory + w.rule_of_law + w.corruption) /
         6.0;
}

double wgi_scaled_from_mean(double mean) {
  return 2.0 * (2.5 - mean);
}

double wgi_scaled(const WgiScores& w) {
  return wgi_scaled_from_mean(wgi_mean(w));
}

GovernanceValue governance_of(const Governance& g, std::string_view iso3) {
  auto it = g.scaled.find(upper(iso3));
  if (it == g.scaled.end()) return {g.missing_default, true};
  return {it->second, false};
}

Result<Governance> governance_for_year(const std::vector<WgiScores>& rows, int year) {
  Governance g;
  g.year = year;
  std::set<int> years;
  for (const auto& r : rows) {
    years.insert(r.year);
    if (r.year != year) continue;
    const double v = wgi_scaled(r);
    if (!std::isfinite(v))
      return fail(
          fmt::format("WGI {} for {} has a score that is not a finite number", year, r.iso3));
    if (!g.scaled.emplace(upper(r.iso3), v).second)
      return fail(fmt::format("WGI {} lists country {} twice", year, r.iso3));
  }
  if (g.scaled.empty()) {
    if (years.empty())
      return fail(fmt::format("no WGI data for year {}: the table is empty", year));
    return fail(
        fmt::format("no WGI data for year {}; available: {}", year, fmt::join(years, ", ")));
  }
  return g;
}

namespace {
bool same_key(const TradeFactor& a, const TradeFactor& b) {
  return lower(a.material) == lower(b.material) && a.stage == b.stage &&
         upper(a.iso3) == upper(b.iso3) && a.term == b.term;
}
}  // namespace

namespace {
// The factor of the rows for exactly `key`, a term-specific row winning over a both-terms row.
std::optional<double> factor_for(const TradeFactorTable& table, const std::string& key,
                                 SupplyStage stage, SupplyTerm term, const std::string& iso3) {
  std::optional<double> both;
  for (const auto& r : table.rows) {
    if (r.stage != stage || lower(r.material) != key || upper(r.iso3) != iso3) continue;
    if (r.term == term) return r.factor;
    if (!r.term) both = r.factor;
  }
  return both;
}
}  // namespace

std::vector<std::string> detail::trade_factor_keys(std::string_view material) {
  std::vector<std::string> keys = {lower(material)};
  const std::string& m = keys.front();
  if (m == "lree" || m == "hree") {
    keys.emplace_back("ree");
    return keys;
  }
  for (const auto& i : element_table()) {
    if (m != lower(i.symbol) && m != lower(i.name)) continue;
    if (i.group == ElementGroup::LREE || i.group == ElementGroup::HREE)
      keys.push_back(lower(group_name(i.group)));
    keys.emplace_back("ree");
    break;
  }
  return keys;
}

double detail::trade_factor_for_keys(const TradeFactorTable& table,
                                     const std::vector<std::string>& keys, SupplyStage stage,
                                     SupplyTerm term, std::string_view iso3) {
  if (table.rows.empty()) return 1.0;
  const std::string c = upper(iso3);
  for (const auto& k : keys)
    if (auto f = factor_for(table, k, stage, term, c)) return *f;
  return 1.0;
}

double trade_factor(const TradeFactorTable& table, std::string_view material, SupplyStage stage,
                    SupplyTerm term, std::string_view iso3) {
  return detail::trade_factor_for_keys(table, detail::trade_factor_keys(material), stage, term,
                                       iso3);
}

Result<void> validate(const TradeFactorTable& table) {
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const auto& r = table.rows[i];
    if (!std::isfinite(r.factor) || r.factor <= 0.0)
      return fail(fmt::format("trade factor for {} {} {} is {}, expected a positive number",
                              r.material, stage_name(r.stage), r.iso3, r.factor));
    for (std::size_t j = 0; j < i; ++j)
      if (same_key(table.rows[j], r))
        return fail(fmt::format("trade factor for {} {} {} ({}) is given twice", r.material,
                                stage_name(r.stage), r.iso3,
                                r.term ? term_name(*r.term) : "both terms"));
  }
  return {};
}

}  // namespace rareflow::criticality
