#include "rareflow/workflow/stocks.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "rareflow/mfa/stocks_default.hpp"

namespace rareflow::workflow {

namespace {

// What the request selects, once checked.
struct Selection {
  std::string region;  // "" = all
  std::string sector;  // "" = all
  std::optional<Element> element;
  int first = 0;
  int last = 0;
};

class Checks {
 public:
  Checks(const RequestOrigin& o, Diagnostics& diags) : o_(o), diags_(diags) {}
  void add(const std::string& field, std::string message) {
    diags_.add(o_.file, 0, 0, o_.prefix + field, std::move(message));
  }

  void years(Selection& sel) {
    if (sel.first > sel.last)
      return add("years", fmt::format("expected FIRST <= LAST, found {}..{}", sel.first, sel.last));
    if (sel.first < mfa::kHistoryStart || sel.last > mfa::kLastYear)
      add("years",
          fmt::format("expected years within {}..{} (inflows start in {}), found {}..{}",
                      mfa::kHistoryStart, mfa::kLastYear, mfa::kHistoryStart, sel.first, sel.last));
  }

  void region(const Dataset& d, const std::vector<std::string>& with_stocks, const std::string& id,
              Selection& sel) {
    if (id.empty()) return;
    const Region* r = d.region(id);
    if (!r) {
      std::vector<std::string> ids;
      for (const auto& x : d.regions) ids.push_back(x.id);
      return add("region", fmt::format("expected a region of the data package, found \"{}\"{}", id,
                                       suggestion(id, ids)));
    }
    if (r->kind == RegionKind::World) return;  // all regions
    if (std::ranges::find(with_stocks, id) == with_stocks.end())
      return add("region",
                 fmt::format("{} has no end use of its own in the base-year balance; regions with "
                             "in-use stocks: {} (all regions: omit {}region)",
                             id, fmt::join(with_stocks, ", "), o_.prefix));
    sel.region = id;
  }

  void sector(const Dataset& d, const std::string& id, Selection& sel) {
    if (id.empty()) return;
    if (!d.sector(id)) {
      std::vector<std::string> ids;
      for (const auto& s : d.sectors) ids.push_back(s.id);
      return add("sector", fmt::format("expected a sector id ({}), found \"{}\"{}",
                                       fmt::join(ids, ", "), id, suggestion(id, ids)));
    }
    sel.sector = id;
  }

  void element(const std::string& symbol, Selection& sel) {
    if (symbol.empty()) return;
    sel.element = element_from_symbol(symbol);
    if (sel.element) return;
    std::vector<std::string> symbols;
    for (const auto& e : element_table()) symbols.emplace_back(e.symbol);
    add("element",
        fmt::format("expected a rare-earth element symbol (Sc, Y, La ... Lu), found \"{}\"{}",
                    symbol, suggestion(symbol, symbols)));
  }

 private:
  const RequestOrigin& o_;
  Diagnostics& diags_;
};

bool selected(const Selection& sel, const mfa::StockKey& k) {
  return (sel.region.empty() || k.region == sel.region) &&
         (sel.sector.empty() || k.sector == sel.sector) &&
         (!sel.element || k.element == *sel.element);
}

std::string label(const Selection& sel) {
  return fmt::format("{}, {}, {}, {}", sel.region.empty() ? "all regions" : sel.region,
                     sel.sector.empty() ? "all sectors" : sel.sector,
                     sel.element ? std::string(info(*sel.element).symbol) : "all elements",
                     sel.first == sel.last ? fmt::format("{}", sel.first)
                                           : fmt::format("{}-{}", sel.first, sel.last));
}

// Rows year x element, summed over the selected stocks.
Table selected_table(const mfa::DefaultStocks& r, const Selection& sel) {
  constexpr std::size_t kMeasures = 6;  // inflow, stock, end of life, collected, recycled, lost
  std::vector<std::array<double, kMeasures>> sums(kElementCount * r.years);
  std::array<bool, kElementCount> present{};
  std::size_t matched = 0;
  for (const auto& s : r.stocks) {
    if (!selected(sel, s.key)) continue;
    ++matched;
    const std::size_t e = index(s.key.element);
    present[e] = true;
    for (std::size_t t = 0; t < r.years; ++t) {
      auto& v = sums[e * r.years + t];
      const std::array<double, kMeasures> m = {s.inflow[t],    s.stock[t],    s.outflow[t],
                                               s.collected[t], s.recycled[t], s.lost[t]};
      for (std::size_t k = 0; k < kMeasures; ++k) v[k] += m[k];
    }
  }
  Table t;
  t.title = "In-use stocks, end of life and recycling: " + label(sel);
  t.columns = {{"year", ""},
               {"element", ""},
               {"inflow", "t REO/yr", 1},
               {"in_use_stock", "t REO", 0},
               {"end_of_life", "t REO/yr", 1},
               {"collected", "t REO/yr", 1},
               {"recycled", "t REO/yr", 1},
               {"lost", "t REO/yr", 1}};
  double eol_total = 0.0;
  double recycled_total = 0.0;
  for (std::size_t y = 0; y < r.years; ++y)
    for (std::size_t e = 0; e < kElementCount; ++e) {
      if (!present[e]) continue;
      const auto& v = sums[e * r.years + y];
      eol_total += v[2];
      recycled_total += v[4];
      std::vector<Cell> row = {static_cast<long long>(r.first_year) + static_cast<long long>(y),
                               std::string(info(element_at(e)).symbol)};
      for (double x : v) row.emplace_back(x);
      t.add_row(std::move(row));
    }
  t.notes.push_back(
      fmt::format("{} stocks selected; recycled = secondary oxide supply; lost = uncollected + "
                  "recovery loss; {}-{} totals: end of life {} t REO, recycled {} t REO",
                  matched, sel.first, sel.last, format_double(std::round(eol_total)),
                  format_double(std::round(recycled_total))));
  t.notes.push_back(fmt::format(
      "checked: in-use stock, collection and recovery balances of all {} stocks close to 1e-9 "
      "in every year {}-{}, and cumulative recycled supply never exceeds cumulative inflow",
      r.stocks.size(), r.model_start, std::max(r.last_year(), r.base_year)));
  for (const auto& a : r.assumptions) t.notes.push_back("assumption: " + a);
  return t;
}

}  // namespace

Outcome<Table> stocks_table(const Dataset& d, const StocksRequest& r, Diagnostics diags) {
  Checks check(r.origin, diags);
  Selection sel;
  sel.first = r.first;
  sel.last = r.last;
  check.years(sel);
  check.element(r.element, sel);
  check.sector(d, r.sector, sel);
  if (!diags.empty() && r.region.empty()) return std::unexpected(Failure{std::move(diags), {}});
  // The regions holding stocks are known once the model has run; with bad years, run the
  // cheapest valid range only to check the region too, so every problem is reported at once.
  const int first = diags.empty() ? sel.first : mfa::kHistoryStart;
  const int last = diags.empty() ? sel.last : mfa::kHistoryStart;
  auto result = mfa::default_stocks(d, first, last);
  if (!result) return std::unexpected(Failure{{}, result.error().message});
  check.region(d, result->regions, r.region, sel);
  if (!diags.empty()) return std::unexpected(Failure{std::move(diags), {}});
  if (std::ranges::none_of(result->stocks,
                           [&](const mfa::StockSeries& s) { return selected(sel, s.key); }))
    return std::unexpected(
        Failure{{}, fmt::format("no in-use stock matches the selection ({})", label(sel))});
  return selected_table(*result, sel);
}

}  // namespace rareflow::workflow
