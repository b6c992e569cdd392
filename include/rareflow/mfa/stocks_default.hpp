// In-use stocks, end of life and secondary supply for the data package's default demand
// trajectories (issue 3, `rareflow stocks`). Inflows: the base-year balance's end use per
// (region, sector, element) in t REO, back-cast and projected with growth indices derived from
// the package's trajectories; lifetimes, collection and recovery rates from the sectors table.
// Every assumption is listed in DefaultStocks::assumptions and docs/model_stocks.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/core/error.hpp"
#include "rareflow/data/dataset.hpp"
#include "rareflow/mfa/stock_model.hpp"

namespace rareflow::mfa {

// NdFeB magnets reached the market in 1984 (Sumitomo, General Motors): inflows are back-cast
// to 1985 and there is no stock before it.
inline constexpr int kHistoryStart = 1985;
inline constexpr int kLastYear = 2100;  // the data package's last admissible year
// Years from end of life to secondary supply (collection, dismantling, pre-processing).
inline constexpr int kRecyclingDelayYears = 1;

struct DefaultStocksOptions {
  int history_start = kHistoryStart;  // first inflow year of the model
  int delay_years = kRecyclingDelayYears;
};

// How a sector's inflow changes from year to year.
struct SectorGrowth {
  std::string sector;    // sector id
  std::string driver;    // trajectory driver id within its years ("" = none)
  std::string fallback;  // driver used outside them ("" = zero growth)
};

// Growth index of a sector's inflow, 1 in `base_year`, for the years first..last (inclusive).
// Between two points of a driver the inflow grows at the compound rate of that segment;
// outside the driver's years it follows the fallback driver, and outside the fallback's years
// the fallback's nearest segment rate. Fails on a driver with fewer than two points, a
// repeated year or a value <= 0.
Result<std::vector<double>> growth_index(const Dataset& d, const SectorGrowth& g, int base_year,
                                         int first, int last);

// The growth rule of a sector: ev_motors follows ev_sales, wind follows wind_additions, other
// magnet sectors magnet_ree_demand (also the fallback of all magnet sectors); oxide sectors
// have no trajectory in the package and keep their base-year inflow (zero growth). Drivers
// absent from the package are dropped (and the assumptions say so).
SectorGrowth sector_growth(const Dataset& d, const Sector& s);

// One (region, sector, element) stock over the requested years, in t REO (flows per year,
// stock at year end).
struct StockSeries {
  StockKey key{};
  std::vector<double> inflow{};
  std::vector<double> stock{};
  std::vector<double> outflow{};    // end of life
  std::vector<double> collected{};  // collected at end of life
  std::vector<double> recycled{};   // secondary oxide supply (collected `delay` years before)
  std::vector<double> lost{};       // uncollected + recovery loss
  std::vector<double> pending{};    // collected, awaiting recovery, at year end
};

struct DefaultStocks {
  int base_year = 0;    // year of the balance the inflows start from
  int model_start = 0;  // first inflow year (history start)
  int first_year = 0;   // first reported year
  std::size_t years = 0;
  std::vector<std::string> regions{};  // regions with end use in the balance, in package order
  std::vector<StockSeries> stocks{};   // every stock with a non-zero base-year inflow
  // Secondary oxide supply by region and element [(r * kElementCount + index(e)) * years + t],
  // t REO per year.
  std::vector<double> secondary_oxide{};
  std::vector<std::string> assumptions{};  // one sentence each, for notes and docs
  std::size_t checked_processes = 0;       // stock, collection and recovery balances checked

  int last_year() const { return first_year + static_cast<int>(years) - 1; }
  std::size_t region_index(std::string_view region) const;  // regions.size() if absent
  // t REO in `year`; 0 for an unknown region or a year outside the range.
  double secondary(std::string_view region, Element e, int year) const;
};

// Runs the stock model and end of life for every stock, first_year..last_year reported (the
// model itself runs from options.history_start). Checks the stock and recycling balances of
// every stock and that cumulative secondary supply never exceeds cumulative inflow; fails,
// naming the stock and year, if any does not hold, or on a bad year range or sector data.
Result<DefaultStocks> default_stocks(const Dataset& d, int first_year, int last_year,
                                     const DefaultStocksOptions& options = {});

}  // namespace rareflow::mfa
