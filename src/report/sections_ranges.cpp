// Report sections of a sweep (`rareflow sweep --report`): fan charts of the percentiles of
// prices, shortfalls, production shares and self-sufficiency, and the tornado chart of --explain.
// Every caption says how many runs and which seed the ranges come from.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "html_parts.hpp"
#include "rareflow/core/elements.hpp"
#include "rareflow/report/charts.hpp"
#include "rareflow/report/conventions.hpp"
#include "rareflow/report/svg.hpp"

namespace rareflow::report::detail {

namespace {

constexpr std::size_t kMaxShareRegions = 4;  // fans of more regions overlap beyond reading

// One output's percentiles by year.
struct Fan {
  std::string region, variable, unit;
  std::map<int, const sweep::Stats*> by_year;
  double median_sum() const {
    double s = 0.0;
    for (const auto& [y, st] : by_year)
      if (std::isfinite(st->p50)) s += st->p50;
    return s;
  }
};

// Outputs grouped by (variable, region), in the order of the sweep's columns.
std::vector<Fan> fans(const sweep::SweepResult& r,
                      const std::function<bool(const std::string&)>& keep) {
  std::vector<Fan> out;
  std::map<std::pair<std::string, std::string>, std::size_t> at;
  for (std::size_t c = 0; c < r.columns.size(); ++c) {
    const auto& col = r.columns[c];
    if (!keep(col.variable) || r.stats[c].runs == 0) continue;
    auto [it, fresh] = at.try_emplace({col.variable, col.region}, out.size());
    if (fresh) out.push_back({col.region, col.variable, col.unit, {}});
    out[it->second].by_year[col.year] = &r.stats[c];
  }
  return out;
}

const Fan* find_fan(const std::vector<Fan>& fs, const std::string& variable,
                    const std::string& region) {
  for (const auto& f : fs)
    if (f.variable == variable && f.region == region) return &f;
  return nullptr;
}

// Median line with the P25-P75 band (darker) and the P5-P95 band (lighter), one colour per fan.
void add_fan(LineChart& c, const Fan& f, const std::string& name, std::size_t colour) {
  Band outer{name + " P5\u2013P95", {}, {}, {}, palette_color(colour), 0.16};
  Band inner{name + " P25\u2013P75", {}, {}, {}, palette_color(colour), 0.32};
  LineSeries median{name + " median", {}, {}, palette_color(colour), false, false};
  for (const auto& [y, s] : f.by_year) {
    for (Band* b : {&outer, &inner}) b->x.push_back(y);
    outer.lo.push_back(s->p5);
    outer.hi.push_back(s->p95);
    inner.lo.push_back(s->p25);
    inner.hi.push_back(s->p75);
    median.x.push_back(y);
    median.y.push_back(s->p50);
  }
  c.bands.push_back(std::move(outer));
  c.bands.push_back(std::move(inner));
  c.series.push_back(std::move(median));
}

LineChart fan_chart(const std::string& title, const std::string& y_title, const std::string& unit) {
  LineChart c;
  c.title = title;
  c.x.title = "Year";
  c.x.years = true;
  c.x.include_zero = false;
  c.y.title = y_title;
  c.y.unit = unit;
  return c;
}

std::string runs_note(const sweep::SweepResult& r) {
  return fmt::format("{} runs, seed {} (inputs varied: {})", r.plan.runs(), r.seed,
                     fmt::join(r.plan.names, ", "));
}

Figure fan_figure(const LineChart& c, const sweep::SweepResult& r) {
  std::string caption = fmt::format(
      "{}: median (line), P25\u2013P75 (dark band) and P5\u2013P95 (light band) over {}.", c.title,
      runs_note(r));
  return {render_line_chart(c), caption, false, ""};
}

Section price_ranges(const sweep::SweepResult& r) {
  Section s;
  s.id = "price-ranges";
  s.title = "Oxide price ranges";
  s.intro =
      "Percentiles over the sweep's runs of the separated oxides' prices in China and outside "
      "China (use-weighted average of the other regions), variables Price|Oxide|<element>.";
  auto all = fans(r, [](const std::string& v) { return v.starts_with(var::kPriceOxide); });
  std::vector<std::string> materials;
  for (const auto& f : all) {
    auto m = f.variable.substr(var::kPriceOxide.size());
    if (std::ranges::find(materials, m) == materials.end()) materials.push_back(m);
  }
  for (const auto& m : order_materials(materials)) {
    const std::string name = var::price_oxide(m).name;
    auto e = element_from_symbol(m);
    LineChart c =
        fan_chart(e ? fmt::format("{} oxide price ({})", info(*e).symbol, info(*e).oxide_formula)
                    : m + " price",
                  "Price", "USD/kg");
    std::size_t k = 0;
    for (const char* region : {"CHN", "Outside China"})
      if (const Fan* f = find_fan(all, name, region)) {
        c.y.unit = f->unit;
        add_fan(c, *f, region, k++);
      }
    if (k == 0)
      if (const Fan* f = find_fan(all, name, "World")) add_fan(c, *f, "World", k++);
    if (k > 0) s.figures.push_back(fan_figure(c, r));
  }
  return s;
}

Section shortfall_ranges(const sweep::SweepResult& r) {
  Section s;
  s.id = "shortfall-ranges";
  s.title = "Shortfall ranges";
  s.intro =
      "Percentiles over the sweep's runs of demand left unserved, all regions together "
      "(World rows of Shortfall|<commodity>|<element or magnet type>); each in its own unit.";
  auto all = fans(r, [](const std::string& v) { return v.starts_with(var::kShortfall); });
  std::vector<std::string> none;
  for (const auto& f : all) {
    if (f.region != "World") continue;
    bool any = std::ranges::any_of(f.by_year, [](const auto& p) { return p.second->p95 > 0.0; });
    std::string name = f.variable.substr(var::kShortfall.size());
    if (!any) {
      none.push_back(name);
      continue;
    }
    LineChart c = fan_chart(fmt::format("{} shortfall, all regions", name), "Shortfall", f.unit);
    add_fan(c, f, "World", 0);
    s.figures.push_back(fan_figure(c, r));
  }
  if (!none.empty())
    s.extra_html = R"(<p class="rf-note">)" +
                   xml_escape(fmt::format("No shortfall of {} in any run (P95 = 0 in every year).",
                                          fmt::join(none, ", "))) +
                   "</p>";
  return s;
}

// Fans of the regions with the largest median over the horizon (at most `most`).
std::vector<const Fan*> largest(const std::vector<Fan>& all, const std::string& variable,
                                std::size_t most) {
  std::vector<const Fan*> out;
  for (const auto& f : all)
    if (f.variable == variable && !vars::is_aggregate_region(f.region) && f.median_sum() > 0.0)
      out.push_back(&f);
  std::stable_sort(out.begin(), out.end(),
                   [](const Fan* a, const Fan* b) { return a->median_sum() > b->median_sum(); });
  if (out.size() > most) out.resize(most);
  return out;
}

Section share_ranges(const sweep::SweepResult& r) {
  Section s;
  s.id = "share-ranges";
  s.title = "Production share ranges";
  s.intro = fmt::format(
      "Percentiles over the sweep's runs of each region's share of world mine output and of "
      "separation feed (t REO), computed in every run ({} and {}); the {} largest regions.",
      var::kShareMine, var::kShareSeparation, kMaxShareRegions);
  auto all = fans(
      r, [](const std::string& v) { return v == var::kShareMine || v == var::kShareSeparation; });
  for (const var::Variable& share : {var::share_mine(), var::share_separation()}) {
    auto top = largest(all, share.name, kMaxShareRegions);
    if (top.empty()) continue;
    LineChart c = fan_chart(fmt::format("{} share of world output by region",
                                        share.name == var::kShareMine ? "Mine" : "Separation"),
                            "Share", share.unit);
    for (std::size_t i = 0; i < top.size(); ++i) add_fan(c, *top[i], top[i]->region, i);
    s.figures.push_back(fan_figure(c, r));
  }
  return s;
}

Section self_sufficiency_ranges(const sweep::SweepResult& r) {
  const var::Variable magnet = var::self_sufficiency(var::kGroupMagnet);
  Section s;
  s.id = "self-sufficiency-ranges";
  s.title = "Self-sufficiency ranges";
  s.intro = fmt::format(
      "Percentiles over the sweep's runs of each region's self-sufficiency in the magnet "
      "elements (Nd, Pr, Dy, Tb): its separated and recycled oxide over its use of oxide, metal "
      "and magnets as oxide ({}); regions that use them, largest first.",
      magnet.name);
  auto all = fans(r, [&magnet](const std::string& v) { return v == magnet.name; });
  for (const Fan* f : largest(all, magnet.name, all.size())) {
    LineChart c = fan_chart(fmt::format("Self-sufficiency in magnet elements, {}", f->region),
                            "Self-sufficiency", magnet.unit);
    add_fan(c, *f, f->region, 0);
    s.figures.push_back(fan_figure(c, r));
  }
  return s;
}

SectionResult sensitivity_section(const sweep::SweepResult& r) {
  if (r.explain_target.empty()) return std::nullopt;
  Section s;
  s.id = "sensitivity";
  s.title = "Sensitivity";
  s.intro = fmt::format(
      "Which inputs drive {}: standardized regression coefficients (SRC) of the output on the "
      "sampled inputs; SRC\u00b2 is the share of the output's variance an input explains.",
      r.explain_target);
  if (r.sensitivity.empty()) {
    s.extra_html = R"(<p class="rf-note">)" + xml_escape(r.explain_note) + "</p>";
    return s;
  }
  TornadoChart t;
  t.title = fmt::format("Inputs driving {}", r.explain_target);
  t.x.title = "Standardized regression coefficient";
  Table tab;
  tab.title = "Explained variance";
  tab.columns = {{"input", "", 0}, {"SRC", "", 3}, {"share of variance", "%", 1}};
  for (const auto& x : r.sensitivity) {
    t.bars.push_back({x.input, x.src, fmt::format("{:.1f} % of variance", 100.0 * x.share)});
    tab.add_row({x.input, x.src, 100.0 * x.share});
  }
  s.figures.push_back({render_tornado_chart(t),
                       fmt::format("Tornado chart of {} (R\u00b2 {:.3f}) over {}.",
                                   r.explain_target, r.r2, runs_note(r)),
                       false, ""});
  s.extra_html = html_table(tab, 100);
  return s;
}

}  // namespace

std::vector<Section> range_sections(const sweep::SweepResult& r) {
  std::vector<Section> out;
  for (Section s :
       {price_ranges(r), shortfall_ranges(r), share_ranges(r), self_sufficiency_ranges(r)})
    if (!s.figures.empty() || !s.extra_html.empty()) out.push_back(std::move(s));
  if (auto s = sensitivity_section(r)) out.push_back(std::move(*s));
  return out;
}

}  // namespace rareflow::report::detail
