// `rareflow stocks`: in-use stocks, end of life and secondary supply by year for the data
// package's default demand trajectories. The model is rareflow::mfa::default_stocks; this file
// checks the options, selects and sums stocks, and prints.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/mfa/stocks_default.hpp"

namespace rareflow::app {

namespace {

struct StocksOptions {
  std::string region;
  std::string sector;
  std::string element;
  std::string years = "2000..2050";
  std::string format = "table";
  std::string out;
};

// What the options select, once checked.
struct Selection {
  std::string region;  // "" = all
  std::string sector;  // "" = all
  std::optional<Element> element;
  int first = 0;
  int last = 0;
};

std::string lower(std::string s) {
  std::ranges::transform(s, s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// " (did you mean 'X'?)", matching case-insensitively first, or "".
std::string hint(const std::string& word, const std::vector<std::string>& candidates) {
  for (const auto& c : candidates)
    if (lower(c) == lower(word)) return fmt::format(" (did you mean '{}'?)", c);
  const std::string near = closest_match(word, candidates);
  return near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near);
}

void add(Diagnostics& diags, std::string field, std::string message) {
  diags.add("command line", 0, 0, std::move(field), std::move(message));
}

bool parse_int(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && ec == std::errc() && p == s.data() + s.size();
}

// "FIRST..LAST" or one year.
void check_years(const std::string& text, Selection& sel, Diagnostics& diags) {
  const auto dots = text.find("..");
  const std::string a = dots == std::string::npos ? text : text.substr(0, dots);
  const std::string b = dots == std::string::npos ? text : text.substr(dots + 2);
  if (!parse_int(a, sel.first) || !parse_int(b, sel.last))
    return add(
        diags, "--years",
        fmt::format("expected FIRST..LAST (e.g. 2000..2050) or one year, found \"{}\"", text));
  if (sel.first > sel.last)
    return add(diags, "--years",
               fmt::format("expected FIRST <= LAST, found {}..{}", sel.first, sel.last));
  if (sel.first < mfa::kHistoryStart || sel.last > mfa::kLastYear)
    add(diags, "--years",
        fmt::format("expected years within {}..{} (inflows start in {}), found {}..{}",
                    mfa::kHistoryStart, mfa::kLastYear, mfa::kHistoryStart, sel.first, sel.last));
}

void check_format(const StocksOptions& o, Diagnostics& diags) {
  const std::vector<std::string> formats = {"table", "csv", "json", "xlsx"};
  if (std::ranges::find(formats, o.format) == formats.end())
    add(diags, "--format",
        fmt::format("expected table, csv, json or xlsx, found \"{}\"{}", o.format,
                    hint(o.format, formats)));
  else if (o.format == "xlsx" && o.out.empty())
    add(diags, "--format", "xlsx: expected an output file (--out FILE)");
}

void check_region(const Dataset& d, const std::vector<std::string>& with_stocks,
                  const std::string& id, Selection& sel, Diagnostics& diags) {
  if (id.empty()) return;
  const Region* r = d.region(id);
  if (!r) {
    std::vector<std::string> ids;
    for (const auto& x : d.regions) ids.push_back(x.id);
    return add(
        diags, "--region",
        fmt::format("expected a region of the data package, found \"{}\"{}", id, hint(id, ids)));
  }
  if (r->kind == "world") return;  // all regions
  if (std::ranges::find(with_stocks, id) == with_stocks.end())
    return add(diags, "--region",
               fmt::format("{} has no end use of its own in the base-year balance; regions with "
                           "in-use stocks: {} (all regions: omit --region)",
                           id, fmt::join(with_stocks, ", ")));
  sel.region = id;
}

void check_sector(const Dataset& d, const std::string& id, Selection& sel, Diagnostics& diags) {
  if (id.empty()) return;
  if (!d.sector(id)) {
    std::vector<std::string> ids;
    for (const auto& s : d.sectors) ids.push_back(s.id);
    return add(diags, "--sector",
               fmt::format("expected a sector id ({}), found \"{}\"{}", fmt::join(ids, ", "), id,
                           hint(id, ids)));
  }
  sel.sector = id;
}

void check_element(const std::string& symbol, Selection& sel, Diagnostics& diags) {
  if (symbol.empty()) return;
  sel.element = element_from_symbol(symbol);
  if (sel.element) return;
  std::vector<std::string> symbols;
  for (const auto& e : element_table()) symbols.emplace_back(e.symbol);
  add(diags, "--element",
      fmt::format("expected a rare-earth element symbol (Sc, Y, La ... Lu), found \"{}\"{}", symbol,
                  hint(symbol, symbols)));
}

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
Table stocks_table(const mfa::DefaultStocks& r, const Selection& sel) {
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

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<StocksOptions>();
  auto* c = root.add_subcommand(
      "stocks", "in-use stocks, end of life and recycled supply by year (default trajectories)");
  c->add_option("--region", o->region, "one region (ISO alpha-3 or ROW; WLD = all)");
  c->add_option("--sector", o->sector, "one end-use sector id (e.g. ev_motors, wind)");
  c->add_option("--element", o->element, "one element symbol (e.g. Nd, Dy)");
  c->add_option("--years", o->years, "reported years FIRST..LAST (default 2000..2050)");
  c->add_option("--format", o->format, "table (default), csv, json or xlsx (xlsx needs --out)");
  c->add_option("--out", o->out, "write to FILE instead of standard output");
  c->callback([o, &g] {
    Diagnostics diags;
    Selection sel;
    check_format(*o, diags);
    check_years(o->years, sel, diags);
    check_element(o->element, sel, diags);
    const Dataset& d = dataset(g);
    check_sector(d, o->sector, sel, diags);
    if (!diags.empty() && o->region.empty()) throw InputError(diags);
    // The regions holding stocks are known once the model has run; with bad --years, run the
    // cheapest valid range only to check --region too, so every problem is reported at once.
    const int first = diags.empty() ? sel.first : mfa::kHistoryStart;
    const int last = diags.empty() ? sel.last : mfa::kHistoryStart;
    auto result = mfa::default_stocks(d, first, last);
    if (!result) throw std::runtime_error(result.error().message);
    check_region(d, result->regions, o->region, sel, diags);
    if (!diags.empty()) throw InputError(diags);
    if (std::ranges::none_of(result->stocks,
                             [&](const mfa::StockSeries& s) { return selected(sel, s.key); }))
      throw std::runtime_error(
          fmt::format("no in-use stock matches the selection ({})", label(sel)));
    emit_tables({stocks_table(*result, sel)}, o->format, o->out, "stocks", g);
  });
}

const bool kRegistered = register_command(55, setup);

}  // namespace

}  // namespace rareflow::app
