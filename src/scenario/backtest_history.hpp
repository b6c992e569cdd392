// The history package of a back-test, read into plain rows (backtest_history.cpp), and the
// market model built from it (backtest_model.cpp). Internal to the scenario layer.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/market/model.hpp"

namespace rareflow::scenario::detail {

struct HistoryOre {
  std::string id;
  market::ElementArray share{};  // listed shares renormalised to sum 1
};

struct HistorySupply {
  std::string id, ore, region;
  double capacity_t = 0.0, unit_cost_usd_per_kg = 0.0;
  int online_year = 0, ramp_years = 0;
};

// policies.csv kind (the schema declares these three values).
enum class HistoryPolicyKind { ExportQuota, ExportTax, MiningQuota };

struct HistoryPolicy {
  int year = 0;
  std::string period;
  HistoryPolicyKind kind = HistoryPolicyKind::ExportQuota;
  std::string elements;
  double value = 0.0;
};

struct HistoryPrice {
  int year = 0;
  Element element = Element::La;
  bool outside = true;  // outside China (FOB China) or inside (domestic)
  double usd_per_kg = 0.0;
};

struct HistoryObserved {
  int year = 0;
  std::string series, region;
  double value = 0.0;
};

struct History {
  std::string origin;
  int base_year = 0;
  std::vector<HistoryOre> ores;
  std::vector<HistorySupply> supply;
  std::vector<HistoryPolicy> policies;
  std::vector<HistoryPrice> prices;
  std::vector<HistoryObserved> observed;
  std::map<std::string, double> parameters;

  // A parameter; fails naming the package and the missing id.
  Result<double> param(const std::string& id) const;
};

// Loads and validates the package in `dir` (empty: the embedded data/history/).
Result<History> load_history(const std::string& dir);

// Yearly observed value of a price series: the geometric mean of the year's points (annual
// and quarterly averages, spot and year-end quotes, both ends of a range); NaN when none.
double observed_price(const History& h, Element e, bool outside, int year);
// Yearly observed value of another series (mean of its rows that year); NaN when none.
double observed_value(const History& h, const std::string& series, const std::string& region,
                      int year);

// The market model of the quota era: CHN and ROW, the package's mines, one separation plant
// per region, oxide demand per region and element calibrated on base-year supply and prices,
// and the policies as they happened. `notes` receives what was assumed along the way.
Result<market::MarketModel> quota_era_model(const History& h, int last_year,
                                            std::vector<std::string>& notes);

// The elements the back-test prices (a base-year price outside China).
std::vector<Element> modelled_elements(const History& h);

}  // namespace rareflow::scenario::detail
