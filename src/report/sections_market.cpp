// Report sections on the market: base-year Sankeys, prices, production shares, shortfalls.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "html_parts.hpp"
#include "rareflow/core/elements.hpp"
#include "rareflow/report/charts.hpp"
#include "rareflow/report/conventions.hpp"
#include "rareflow/report/svg.hpp"

namespace rareflow::report::detail {

namespace {
constexpr std::size_t kMaxShareRegions = 7;  // then "Other": keeps legends readable

std::vector<double> as_doubles(const std::vector<int>& v) {
  return std::vector<double>(v.begin(), v.end());
}

std::string year_span(const std::vector<int>& y) {
  if (y.empty()) return "";
  return y.front() == y.back() ? fmt::format("{}", y.front())
                               : fmt::format("{}\u2013{}", y.front(), y.back());
}

std::string strip_per_year(const std::string& unit) {
  for (std::string_view suffix : {"/yr", "/y", "/a", " per year"})
    if (unit.ends_with(suffix)) return unit.substr(0, unit.size() - suffix.size());
  return unit;
}

Axis year_axis() {
  Axis a;
  a.title = "Year";
  a.years = true;
  a.include_zero = false;
  return a;
}
}  // namespace

SectionResult sankey_section(const std::vector<SankeyData>& diagrams, std::string& problem) {
  if (diagrams.empty()) return std::nullopt;
  Section s;
  s.id = "flows";
  s.title = "Base-year flows";
  s.intro =
      "Material flows of the base year from deposit to end use, by region. Band widths are "
      "proportional to tonnes; each intermediate node passes on what it receives.";
  for (std::size_t i = 0; i < diagrams.size(); ++i) {
    const auto& d = diagrams[i];
    auto svg = render_sankey(d);
    if (!svg) {
      problem += fmt::format("Diagram '{}' not drawn: {} ", d.title, svg.error().message);
      continue;
    }
    auto bal = check_sankey_balance(d);
    std::string unit = d.links.empty() ? "" : d.links.front().unit;
    std::string caption = bal ? fmt::format(
                                    "Widths proportional to {}; flows in equal flows out "
                                    "at every intermediate node (to 1e-9).",
                                    unit)
                              : "Warning: " + bal.error().message;
    std::string tab = d.name.empty() ? fmt::format("Diagram {}", i + 1) : d.name;
    s.figures.push_back({*svg, caption, true, tab});
  }
  if (!problem.empty()) s.extra_html = R"(<p class="rf-note">)" + xml_escape(problem) + "</p>";
  if (s.figures.empty() && problem.empty()) return std::nullopt;
  return s;
}

// Largest over smallest positive value of a chart (1 when it has none).
double positive_span(const LineChart& c) {
  double lo = kMissing, hi = kMissing;
  for (const auto& ls : c.series)
    for (double v : ls.y)
      if (std::isfinite(v) && v > 0) {
        lo = std::isnan(lo) ? v : std::min(lo, v);
        hi = std::isnan(hi) ? v : std::max(hi, v);
      }
  return std::isnan(lo) ? 1.0 : hi / lo;
}

SectionResult price_section(const IamcTable& t) {
  auto all = slices(t, [](const std::string& v) { return v.starts_with(var::kPriceOxide); });
  if (all.empty()) return std::nullopt;
  Section s;
  s.id = "prices";
  s.title = "Oxide prices";
  s.intro =
      "Price paths of the separated oxides per scenario, inside and outside China where the "
      "run distinguishes them (variables Price|Oxide|<element>).";
  auto scen = distinct(all, &Slice::scenario);
  for (const auto& m : materials_after(all, var::kPriceOxide)) {
    std::vector<Slice> ss;
    for (const auto& x : all)
      if (x.variable.substr(var::kPriceOxide.size()) == m) ss.push_back(x);
    // A run that reports a use-weighted "Outside China" average is drawn as China against the
    // rest of the world: one line per scenario and side, not one per region.
    bool has_outside = std::any_of(ss.begin(), ss.end(),
                                   [](const Slice& x) { return x.region == "Outside China"; });
    if (has_outside)
      std::erase_if(
          ss, [](const Slice& x) { return x.region != "CHN" && x.region != "Outside China"; });
    auto regs = distinct(ss, &Slice::region);
    auto years = years_of(ss);
    LineChart c;
    auto e = element_from_symbol(m);
    c.title = e ? fmt::format("{} oxide price ({})", info(*e).symbol, info(*e).oxide_formula)
                : m + " price";
    c.x = year_axis();
    c.y.title = "Price";
    c.y.unit = unit_of(ss);
    for (const auto& x : ss) {
      LineSeries ls;
      std::size_t si =
          static_cast<std::size_t>(std::find(scen.begin(), scen.end(), x.scenario) - scen.begin());
      std::size_t ri =
          static_cast<std::size_t>(std::find(regs.begin(), regs.end(), x.region) - regs.begin());
      if (scen.size() > 1 && regs.size() > 1)
        ls.name = x.scenario + " \u00b7 " + x.region;
      else if (scen.size() > 1)
        ls.name = x.scenario;
      else
        ls.name = x.region;
      ls.color = palette_color(scen.size() > 1 ? si : ri);
      ls.dashed = scen.size() > 1 && ri % 2 == 1;
      ls.markers = years.size() <= 12;
      for (const auto& [y, v] : x.by_year) {
        ls.x.push_back(y);
        ls.y.push_back(v);
      }
      c.series.push_back(std::move(ls));
    }
    std::string caption = fmt::format("{}, {}.", c.title, year_span(years));
    if (scen.size() > 1 && regs.size() > 1)
      caption += fmt::format(" Colour: scenario; solid: {}, dashed: {}.", regs[0], regs[1]);
    s.figures.push_back({render_line_chart(c), caption, false, ""});
    // Prices spanning more than 10x flatten the low series on a linear axis (the Dy price
    // under licensing hid every other line, issue 13): the same chart on a log axis follows.
    if (positive_span(c) > 10.0) {
      c.y.log = true;
      c.title += " (log scale)";
      s.figures.push_back({render_line_chart(c),
                           fmt::format("{}: the prices span {:.0f}x, so this axis is logarithmic "
                                       "(decades); prices of 0 are left out.",
                                       c.title, positive_span(c)),
                           false, ""});
    }
  }
  return s;
}

SectionResult share_section(const IamcTable& t) {
  Section s;
  s.id = "shares";
  s.title = "Production and separation by country";
  s.intro =
      "Shares of mine output and of separated-oxide output by region over time (variables "
      "Production|Mine|REO and Production|Separation|REO; totals such as World left out).";
  struct Stage {
    std::string_view variable;
    const char* label;
  };
  for (Stage st : {Stage{var::kMineProduction, "Mine production"},
                   Stage{var::kSeparationProduction, "Separation"}}) {
    auto all = slices(t, [&](const std::string& v) { return v == st.variable; });
    std::erase_if(all, [](const Slice& x) { return vars::is_aggregate_region(x.region); });
    for (const auto& scenario : distinct(all, &Slice::scenario)) {
      std::vector<Slice> ss;
      for (const auto& x : all)
        if (x.scenario == scenario) ss.push_back(x);
      auto years = years_of(ss);
      // Largest regions over the whole horizon keep their own layer.
      std::vector<std::pair<double, std::size_t>> rank;
      for (std::size_t i = 0; i < ss.size(); ++i) {
        double sum = 0.0;
        for (const auto& [y, v] : ss[i].by_year) sum += std::max(v, 0.0);
        rank.push_back({-sum, i});
      }
      std::stable_sort(rank.begin(), rank.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      std::size_t keep = rank.size() > kMaxShareRegions ? kMaxShareRegions - 1 : rank.size();
      std::vector<Layer> layers;
      std::vector<double> total(years.size(), 0.0);
      Layer other{"Other", std::vector<double>(years.size(), 0.0), "#9a9a9a"};
      for (std::size_t k = 0; k < rank.size(); ++k) {
        const auto& x = ss[rank[k].second];
        std::vector<double> vals;
        for (std::size_t j = 0; j < years.size(); ++j) {
          auto it = x.by_year.find(years[j]);
          double v = it == x.by_year.end() ? 0.0 : std::max(it->second, 0.0);
          vals.push_back(v);
          total[j] += v;
          if (k >= keep) other.values[j] += v;
        }
        if (k < keep) layers.push_back({x.region, vals, palette_color(layers.size())});
      }
      if (keep < rank.size()) layers.push_back(other);
      if (std::all_of(total.begin(), total.end(), [](double v) { return v <= 0.0; })) continue;
      std::string unit = unit_of(ss);
      std::string title = fmt::format("{} shares by region, {}", st.label, scenario);
      std::string caption = fmt::format("{}: total {} {} in {}", st.label,
                                        format_number(total.front(), 0), unit, years.front());
      if (years.size() > 1)
        caption += fmt::format(", {} {} in {}", format_number(total.back(), 0), unit, years.back());
      caption += ".";
      // A chart that is one region's 100 % says so (issue 13): the model has no other
      // producer at this stage in this scenario, not a drawing error.
      if (!layers.empty() && layers.front().name != "Other") {
        bool sole = true;
        for (std::size_t j = 0; j < years.size(); ++j)
          sole = sole && (total[j] <= 0.0 || layers.front().values[j] >= 0.9995 * total[j]);
        if (sole) {
          title += fmt::format(" (100 % {})", layers.front().name);
          caption += fmt::format(
              " {} holds 100 % in every year shown: no other region produces "
              "at this stage in this scenario.",
              layers.front().name);
        }
      }
      if (years.size() == 1) {
        BarChart b;
        b.title = title + fmt::format(" ({})", years.front());
        b.x_title = "Region";
        b.y.title = "Share";
        b.y.unit = "%";
        Layer l{"share", {}, ""};
        for (const auto& layer : layers) {
          b.categories.push_back(layer.name);
          l.values.push_back(total[0] > 0 ? 100.0 * layer.values[0] / total[0] : 0.0);
        }
        b.series.push_back(l);
        s.figures.push_back({render_bar_chart(b), caption, false, ""});
        continue;
      }
      StackedAreaChart c;
      c.title = title;
      c.x = year_axis();
      c.y.title = "Share of total";
      c.y.unit = "%";
      c.x_values = as_doubles(years);
      c.layers = std::move(layers);
      c.as_share = true;
      s.figures.push_back({render_stacked_area_chart(c), caption, false, ""});
    }
  }
  if (s.figures.empty()) return std::nullopt;
  return s;
}

SectionResult shortfall_section(const IamcTable& t) {
  auto all = slices(t, [](const std::string& v) { return v.starts_with(var::kShortfall); });
  if (all.empty()) return std::nullopt;
  Section s;
  s.id = "shortfalls";
  s.title = "Shortfalls";
  s.intro =
      "Demand left unserved at the equilibrium price, by region and sector (variables "
      "Shortfall|<commodity>|<sector or element>). Each commodity has its own unit.";
  auto commodity_of = [](const std::string& v) {
    auto rest = v.substr(var::kShortfall.size());
    return rest.substr(0, rest.find('|'));
  };
  auto sector_of = [](const std::string& v) {
    auto rest = v.substr(var::kShortfall.size());
    auto bar = rest.find('|');
    return bar == std::string::npos ? std::string("total") : rest.substr(bar + 1);
  };
  std::vector<std::string> commodities;
  for (const auto& x : all)
    if (std::find(commodities.begin(), commodities.end(), commodity_of(x.variable)) ==
        commodities.end())
      commodities.push_back(commodity_of(x.variable));
  auto scen = distinct(all, &Slice::scenario);
  std::vector<std::string> zero;
  for (const auto& com : commodities) {
    std::vector<Slice> ss;
    for (const auto& x : all)
      if (commodity_of(x.variable) == com) ss.push_back(x);
    auto years = years_of(ss);
    std::string unit = unit_of(ss);
    // Cumulative over the horizon, by scenario and region, stacked by sector.
    BarChart b;
    b.mode = BarMode::Stacked;
    b.title = fmt::format("{} shortfall by region and sector, sum {}", com, year_span(years));
    b.x_title = scen.size() > 1 ? "Scenario \u00b7 region" : "Region";
    b.y.title = "Shortfall, sum";
    b.y.unit = years.size() > 1 ? strip_per_year(unit) : unit;
    std::vector<std::string> sectors;
    for (const auto& x : ss)
      if (std::find(sectors.begin(), sectors.end(), sector_of(x.variable)) == sectors.end())
        sectors.push_back(sector_of(x.variable));
    std::vector<std::pair<std::string, std::string>> cats;  // (scenario, region)
    for (const auto& x : ss) {
      double sum = 0.0;
      for (const auto& [y, v] : x.by_year) sum += v;
      std::pair<std::string, std::string> key{x.scenario, x.region};
      if (sum > 0.0 && std::find(cats.begin(), cats.end(), key) == cats.end()) cats.push_back(key);
    }
    if (cats.empty()) {
      zero.push_back(com);
      continue;
    }
    // Scenario names go into the labels only when the bars span several scenarios.
    bool several = std::any_of(cats.begin(), cats.end(),
                               [&](const auto& c) { return c.first != cats.front().first; });
    for (const auto& [sc, rg] : cats) b.categories.push_back(several ? sc + " \u00b7 " + rg : rg);
    if (!several) {
      b.title += ", " + cats.front().first;
      b.x_title = "Region";
    }
    for (const auto& sector : sectors) {
      Layer l{sector, std::vector<double>(cats.size(), 0.0), ""};
      for (const auto& x : ss) {
        if (sector_of(x.variable) != sector) continue;
        auto it = std::find(cats.begin(), cats.end(), std::make_pair(x.scenario, x.region));
        if (it == cats.end()) continue;
        for (const auto& [y, v] : x.by_year)
          l.values[static_cast<std::size_t>(it - cats.begin())] += v;
      }
      b.series.push_back(std::move(l));
    }
    s.figures.push_back({render_bar_chart(b),
                         fmt::format("{} shortfall summed over {} ({}), by sector.", com,
                                     year_span(years), b.y.unit),
                         false, ""});
    if (years.size() > 1) {
      LineChart c;
      c.title = fmt::format("{} shortfall per year, all regions", com);
      c.x = year_axis();
      c.y.title = "Shortfall";
      c.y.unit = unit;
      for (std::size_t i = 0; i < scen.size(); ++i) {
        LineSeries ls{scen[i], {}, {}, palette_color(i), false, years.size() <= 12};
        // The regions' sum: a World (aggregate) row already holds that sum, so it is added
        // only when a scenario reports no single region (issue 13: 98.5 kt shown for 49.3).
        bool regions = std::any_of(ss.begin(), ss.end(), [&](const Slice& x) {
          return x.scenario == scen[i] && !vars::is_aggregate_region(x.region);
        });
        for (int y : years) {
          double sum = 0.0;
          for (const auto& x : ss)
            if (x.scenario == scen[i] && vars::is_aggregate_region(x.region) != regions) {
              auto it = x.by_year.find(y);
              if (it != x.by_year.end()) sum += it->second;
            }
          ls.x.push_back(y);
          ls.y.push_back(sum);
        }
        c.series.push_back(std::move(ls));
      }
      s.figures.push_back({render_line_chart(c),
                           fmt::format("Yearly {} shortfall per scenario, summed over regions "
                                       "and sectors.",
                                       com),
                           false, ""});
    }
  }
  if (!zero.empty())
    s.extra_html = R"(<p class="rf-note">)" +
                   xml_escape(fmt::format("No shortfall of {} in any scenario or year.",
                                          fmt::join(zero, ", "))) +
                   "</p>";
  return s;
}

}  // namespace rareflow::report::detail
