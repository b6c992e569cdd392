// Summaries of a run's IAMC table for `rareflow simulate`, and the differences between two runs
// for `rareflow compare`. Both read only the table (and its run record), so they work as well
// on a results directory as on a fresh run.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "rareflow/scenario/market_adapter.hpp"

namespace rareflow::scenario {

namespace {

const std::vector<std::string> kKeyOxides = {"Nd", "Pr", "Dy", "Tb", "La", "Ce"};

class Lookup {
 public:
  explicit Lookup(const IamcTable& t) {
    for (const auto& r : t.rows) {
      values_[{r.region, r.variable, r.year}] = r.value;
      years_.insert(r.year);
      if (r.variable.starts_with(var::kShortfall) && r.region != "World")
        shortfalls_.insert({r.region, r.variable});
      if (r.variable.starts_with(var::kShortfall) && r.region == "World")
        world_shortfalls_.insert(r.variable);
      if (scenario_.empty()) scenario_ = r.scenario;
    }
  }
  double get(const std::string& region, const std::string& var, int year) const {
    auto it = values_.find({region, var, year});
    return it == values_.end() ? std::nan("") : it->second;
  }
  double quantity(const std::string& region, const std::string& var, int year) const {
    double v = get(region, var, year);
    return std::isnan(v) ? 0.0 : v;  // quantities below 1e-9 t are omitted from the table
  }
  // China's share of world output, %.
  double china_share(const std::string& var, int year) const {
    double w = quantity("World", var, year);
    return w > 0.0 ? 100.0 * quantity(kChina, var, year) / w : std::nan("");
  }
  const std::set<int>& years() const { return years_; }
  const std::set<std::pair<std::string, std::string>>& shortfalls() const { return shortfalls_; }
  const std::set<std::string>& world_shortfalls() const { return world_shortfalls_; }
  const std::string& scenario() const { return scenario_; }

 private:
  std::map<std::tuple<std::string, std::string, int>, double> values_;
  std::set<int> years_;
  std::set<std::pair<std::string, std::string>> shortfalls_;
  std::set<std::string> world_shortfalls_;
  std::string scenario_;
};

std::vector<int> key_years(const Lookup& l) {
  std::vector<int> all(l.years().begin(), l.years().end());
  if (all.size() <= 3) return all;
  return {all.front(), all[all.size() / 2], all.back()};
}

std::vector<std::string> affected(const IamcTable& t) {
  auto it = t.record.entries.find("scenario.affected_elements");
  std::vector<std::string> out;
  if (it == t.record.entries.end()) return out;
  std::string cur;
  for (char ch : it->second + ",") {
    if (ch == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>>& share_variables() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"mine", std::string(var::kMineProduction)},
      {"separation", std::string(var::kSeparationProduction)},
      {"magnet", var::production("Magnet", "NdFeB", var::unit::kMagnet).name}};
  return v;
}

}  // namespace

std::vector<Table> simulate_summary(const IamcTable& t) {
  Lookup l(t);
  std::vector<int> years = key_years(l);
  std::vector<Table> out;

  Table prices;
  prices.title = fmt::format("Oxide prices in and outside China ({})", l.scenario());
  prices.columns = {{"oxide", "", 0}};
  for (int y : years) {
    prices.columns.push_back({fmt::format("{} China", y), "USD/kg", 1});
    prices.columns.push_back({fmt::format("{} outside", y), "USD/kg", 1});
  }
  for (const auto& el : kKeyOxides) {
    std::vector<Cell> row{el};
    for (int y : years) {
      row.emplace_back(l.get(kChina, var::price_oxide(el).name, y));
      row.emplace_back(l.get(kOutsideChina, var::price_oxide(el).name, y));
    }
    prices.add_row(std::move(row));
  }
  prices.notes.push_back("outside: average over the other regions, weighted by what each uses");
  out.push_back(std::move(prices));

  Table shares;
  shares.title = "China's share of world production";
  shares.columns = {{"stage", "", 0}};
  for (int y : years) shares.columns.push_back({std::to_string(y), "%", 1});
  for (const auto& [stage, name] : share_variables()) {
    std::vector<Cell> row{stage};
    for (int y : years) row.emplace_back(l.china_share(name, y));
    shares.add_row(std::move(row));
  }
  out.push_back(std::move(shares));

  Table sf;
  sf.title = "Shortfalls (demand not served at the equilibrium price)";
  sf.columns = {{"region", "", 0}, {"commodity", "", 0}, {"unit", "", 0}};
  for (int y : years) sf.columns.push_back({std::to_string(y), "see unit", 0});
  const std::string magnet_shortfall = std::string(var::kShortfall) + "Magnet";
  for (const auto& [region, name] : l.shortfalls()) {
    std::vector<Cell> row{region, name.substr(var::kShortfall.size()),
                          name.starts_with(magnet_shortfall) ? "t magnet/yr" : "t REO/yr"};
    double sum = 0.0;
    for (int y : years) {
      double v = l.quantity(region, name, y);
      sum += v;
      row.emplace_back(v);
    }
    if (sum >= 0.5) sf.add_row(std::move(row));
  }
  if (sf.rows.empty()) sf.notes.push_back("no shortfall above 0.5 t in these years");
  out.push_back(std::move(sf));

  std::vector<std::string> els = affected(t);
  if (!els.empty()) {
    Table ratio;
    ratio.title = "Price outside China / price in China, elements under China's export controls";
    ratio.columns = {{"oxide", "", 0}};
    // Controls bite in their first years: show those as well as the key years.
    std::set<int> shown(years.begin(), years.end());
    for (int y : l.years())
      if (y < *l.years().begin() + 5) shown.insert(y);
    for (int y : shown) ratio.columns.push_back({std::to_string(y), "ratio", 2});
    for (const auto& el : els) {
      std::vector<Cell> row{el};
      bool any = false;
      double peak = 0;
      int peak_year = 0;
      for (int y : l.years()) {
        double in = l.get(kChina, var::price_oxide(el).name, y);
        double outside = l.get(kOutsideChina, var::price_oxide(el).name, y);
        if (in > 0.0 && !std::isnan(outside) && outside / in > peak) {
          peak = outside / in;
          peak_year = y;
        }
      }
      if (peak > 0)
        ratio.notes.push_back(fmt::format("{}: highest ratio {:.2f} in {}", el, peak, peak_year));
      for (int y : shown) {
        double in = l.get(kChina, var::price_oxide(el).name, y);
        double outside = l.get(kOutsideChina, var::price_oxide(el).name, y);
        any |= in > 0.0 && !std::isnan(outside);
        row.emplace_back(in > 0.0 ? outside / in : std::nan(""));
      }
      if (any) ratio.add_row(std::move(row));
    }
    out.push_back(std::move(ratio));
  }
  return out;
}

Result<std::vector<Table>> compare_tables(const IamcTable& a, const IamcTable& b,
                                          const std::vector<int>& years) {
  Lookup la(a), lb(b);
  std::vector<int> ys;
  for (int y : la.years())
    if (lb.years().contains(y) && (years.empty() || std::ranges::find(years, y) != years.end()))
      ys.push_back(y);
  if (ys.empty())
    return fail("compare: the two results have no year in common (in the requested years)");
  std::string na = la.scenario(), nb = lb.scenario();
  if (na == nb) {
    na = "A (" + na + ")";
    nb = "B (" + nb + ")";
  }
  auto columns = [&](const char* item, const char* unit) {
    return std::vector<Column>{{"year", "", 0}, {item, "", 0},      {na, unit, 2},
                               {nb, unit, 2},   {"B - A", unit, 2}, {"change", "%", 1}};
  };
  auto row = [](int y, const std::string& item, double va, double vb) {
    double change = va != 0.0 && !std::isnan(va) ? 100.0 * (vb - va) / std::abs(va) : std::nan("");
    return std::vector<Cell>{static_cast<long long>(y), item, va, vb, vb - va, change};
  };
  std::vector<Table> out;

  Table prices;
  prices.title = "Key oxide prices by region group";
  prices.columns = columns("oxide, region", "USD/kg");
  for (int y : ys)
    for (const auto& el : kKeyOxides)
      for (const std::string& region :
           {std::string(kChina), std::string(kOutsideChina), std::string("World")})
        prices.add_row(row(y, el + ", " + (region == kChina ? "China" : region),
                           la.get(region, var::price_oxide(el).name, y),
                           lb.get(region, var::price_oxide(el).name, y)));
  out.push_back(std::move(prices));

  Table shares;
  shares.title = "China's share of world production";
  shares.columns = columns("stage", "%");
  for (int y : ys)
    for (const auto& [stage, name] : share_variables())
      shares.add_row(row(y, stage, la.china_share(name, y), lb.china_share(name, y)));
  out.push_back(std::move(shares));

  Table sf;
  sf.title = "World shortfalls";
  sf.columns = columns("commodity", "t/yr (t REO; magnets: t magnet)");
  std::set<std::string> vars = la.world_shortfalls();
  vars.insert(lb.world_shortfalls().begin(), lb.world_shortfalls().end());
  for (int y : ys)
    for (const auto& v : vars)
      sf.add_row(row(y, v.substr(var::kShortfall.size()), la.quantity("World", v, y),
                     lb.quantity("World", v, y)));
  if (vars.empty()) sf.notes.push_back("no shortfall in either run");
  out.push_back(std::move(sf));
  return out;
}

}  // namespace rareflow::scenario
