// The HTML report document: header, contents, sections, inputs and sources.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "html_assets.hpp"
#include "html_parts.hpp"
#include "rareflow/core/io.hpp"
#include "rareflow/core/text.hpp"
#include "rareflow/report/conventions.hpp"
#include "rareflow/report/report.hpp"
#include "rareflow/report/svg.hpp"

namespace rareflow::report {

Format format_from_extension(const std::filesystem::path& p) {
  return lower(p.extension().string()) == ".xlsx" ? Format::Xlsx : Format::Html;
}

namespace detail {
namespace {

std::string entry(const RunRecord& r, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (auto it = r.entries.find(k); it != r.entries.end()) return it->second;
  return "";
}

std::string render_section(const Section& s) {
  std::string out =
      fmt::format(R"(<section class="rf-section" id="{0}" data-section="{0}">)", xml_escape(s.id));
  out += "<h2>" + xml_escape(s.title) + "</h2>";
  if (!s.intro.empty()) out += R"(<p class="rf-intro">)" + xml_escape(s.intro) + "</p>";
  out += R"(<div class="rf-grid">)";
  bool tabs = std::any_of(s.figures.begin(), s.figures.end(),
                          [](const Figure& f) { return !f.tab.empty(); });
  if (tabs) {
    out += R"(<div class="rf-tabbar" role="tablist">)";
    for (std::size_t i = 0; i < s.figures.size(); ++i)
      out +=
          fmt::format(R"(<button type="button" class="rf-tab" role="tab" data-target="{}-p{}" )"
                      R"(aria-selected="{}">{}</button>)",
                      xml_escape(s.id), i, i == 0 ? "true" : "false", xml_escape(s.figures[i].tab));
    out += "</div>";
  }
  for (std::size_t i = 0; i < s.figures.size(); ++i) {
    const auto& f = s.figures[i];
    std::string cls = "rf-chart";
    if (f.wide) cls += " rf-wide";
    if (tabs) cls += " rf-panel";
    std::string id = tabs ? fmt::format(R"( id="{}-p{}")", xml_escape(s.id), i) : "";
    out += fmt::format(R"(<figure class="{}"{}>)", cls, id) + f.svg;
    if (!f.caption.empty()) out += "<figcaption>" + xml_escape(f.caption) + "</figcaption>";
    out += "</figure>";
  }
  out += "</div>" + s.extra_html + "</section>";
  return out;
}

// Which section shows a variable, for the table of variables read.
std::string shown_in(const std::string& v) {
  if (v.starts_with(var::kPriceOxide)) return "Oxide prices";
  if (v == var::kMineProduction || v == var::kSeparationProduction)
    return "Production and separation by country";
  if (v.starts_with(var::kShortfall)) return "Shortfalls";
  if (v.starts_with(var::kPlan) || v.starts_with(var::kSelfSufficiency) ||
      v.starts_with(var::kCost))
    return "Roadmap plan";
  if (v.starts_with(var::kSupplyRisk) || v.starts_with(var::kEconomicImportance))
    return "Criticality";
  return "xlsx only";
}

Section inputs_section(const ReportInputs& in) {
  Section s;
  s.id = "inputs";
  s.title = "Inputs and sources";
  const RunRecord& r = in.results.record;
  std::string version = entry(r, {"data_version", "dataset_version", "data_package_version"});
  s.intro = fmt::format(
      "How this run was made (the run record), the data package version ({}), "
      "the variables the report read and the sources behind the data.",
      version.empty() ? "not recorded" : version);
  Table rec;
  rec.title = "Run record";
  rec.columns = {{"key", "", 0}, {"value", "", 0}};
  rec.add_row(
      {std::string("command"), r.command.empty() ? std::string("(not recorded)") : r.command});
  for (const auto& [k, v] : r.entries) rec.add_row({k, v});
  s.extra_html += html_table(rec, 1000, "rf-kv");
  // Variables read, grouped into families (first two name levels, "Price|Oxide|*") with their
  // units and coverage, so that a long run still gives a short table.
  struct Info {
    std::vector<std::string> names, units, regions;
    int y0 = 0, y1 = 0;
    long long rows = 0;
  };
  auto family = [](const std::string& v) {
    auto a = v.find('|');
    auto b = a == std::string::npos ? a : v.find('|', a + 1);
    return b == std::string::npos ? v : v.substr(0, b) + "|*";
  };
  auto add_once = [](std::vector<std::string>& list, const std::string& x) {
    if (std::find(list.begin(), list.end(), x) == list.end()) list.push_back(x);
  };
  std::vector<std::string> order;
  std::map<std::string, Info> vars_seen;
  for (const auto& row : in.results.rows) {
    auto [it, fresh] = vars_seen.try_emplace(family(row.variable));
    Info& info = it->second;
    if (fresh) {
      order.push_back(it->first);
      info.y0 = info.y1 = row.year;
    }
    add_once(info.names, row.variable);
    add_once(info.units, row.unit);
    add_once(info.regions, row.region);
    info.y0 = std::min(info.y0, row.year);
    info.y1 = std::max(info.y1, row.year);
    ++info.rows;
  }
  Table vt;
  vt.title = "Variables in the results";
  vt.columns = {{"variables", "", 0}, {"count", "", 0}, {"units", "", 0},   {"regions", "", 0},
                {"years", "", 0},     {"rows", "", 0},  {"shown in", "", 0}};
  auto listed = [](const std::vector<std::string>& xs, const char* what) {
    return xs.size() <= 5 ? fmt::format("{}", fmt::join(xs, ", "))
                          : fmt::format("{} {}", xs.size(), what);
  };
  for (const auto& v : order) {
    const Info& info = vars_seen[v];
    std::string years = info.y0 == info.y1 ? fmt::format("{}", info.y0)
                                           : fmt::format("{}\u2013{}", info.y0, info.y1);
    vt.add_row({v, static_cast<long long>(info.names.size()), listed(info.units, "units"),
                listed(info.regions, "regions"), years, info.rows, shown_in(info.names.front())});
  }
  if (!order.empty()) s.extra_html += html_table(vt, 400);
  if (!in.sources.columns.empty()) {
    Table src = in.sources;
    if (src.title.empty()) src.title = "Sources";
    s.extra_html += html_table(src, 2000);
  } else {
    s.extra_html += R"(<p class="rf-note">No sources table was given with these results.</p>)";
  }
  return s;
}

}  // namespace
}  // namespace detail

std::string render_html_report(const ReportInputs& in) {
  using namespace detail;
  std::vector<Section> sections;
  std::vector<Omitted> omitted;
  std::string sankey_problem;
  auto add = [&](SectionResult s, const char* title, const char* reason) {
    if (s)
      sections.push_back(std::move(*s));
    else
      omitted.push_back({title, reason});
  };
  add(sankey_section(in.sankeys, sankey_problem), "Base-year flows",
      "no base-year flows (flows.csv or sankey.json) with these results");
  if (in.sweep) {
    for (auto& s : range_sections(*in.sweep)) sections.push_back(std::move(s));
  } else {
    add(price_section(in.results), "Oxide prices", "no Price|Oxide|<element> variables");
    add(share_section(in.results), "Production and separation by country",
        "no Production|Mine|REO or Production|Separation|REO by region");
    add(shortfall_section(in.results), "Shortfalls", "no Shortfall|... variables");
  }
  add(plan_section(in.results), "Roadmap plan",
      "no Plan|Roadmap, Self-sufficiency or Cost variables (not a plan run)");
  add(criticality_section(in.results), "Criticality",
      "no Criticality|SR and Criticality|EI variables (not a criticality run)");
  // A back-test is a calibration run of its own, so its absence from a scenario's report is not
  // something the reader lacks.
  if (auto b = backtest_section(in.results)) sections.push_back(std::move(*b));
  if (!in.tables.empty()) {
    Section t;
    t.id = "tables";
    t.title = "Tables";
    t.intro = "Further tables of this run (all rows are in the xlsx output).";
    for (const auto& tab : in.tables) t.extra_html += html_table(tab, 100);
    sections.push_back(std::move(t));
  }
  sections.push_back(inputs_section(in));

  const RunRecord& r = in.results.record;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">";
  out += R"(<meta name="viewport" content="width=device-width, initial-scale=1">)";
  out += R"(<meta name="generator" content="rareflow">)";
  out += "<title>" + xml_escape(in.title) + "</title>";
  out += std::string("<script>") + kErrorScript + "</script>";
  out += std::string("<style>") + kReportCss + "</style></head>\n<body>";
  out += R"(<header class="rf-head"><h1>)" + xml_escape(in.title) + R"(</h1><ul class="rf-meta">)";
  auto meta = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) out += "<li>" + xml_escape(k) + ": <b>" + xml_escape(v) + "</b></li>";
  };
  meta("command", r.command);
  auto scen = scenarios_of(in.results);
  meta(scen.size() == 1 ? "scenario" : "scenarios", fmt::format("{}", fmt::join(scen, ", ")));
  std::string version = entry(r, {"data_version", "dataset_version", "data_package_version"});
  meta("data package", version.empty() ? "version not recorded" : version);
  if (!in.results.rows.empty()) {
    auto [lo, hi] =
        std::minmax_element(in.results.rows.begin(), in.results.rows.end(),
                            [](const IamcRow& a, const IamcRow& b) { return a.year < b.year; });
    meta("years", lo->year == hi->year ? fmt::format("{}", lo->year)
                                       : fmt::format("{}\u2013{}", lo->year, hi->year));
  }
  meta("seed", entry(r, {"seed"}));
  out += "</ul></header>\n";
  out += R"(<nav class="rf-toc">)";
  for (const auto& s : sections)
    out += fmt::format(R"(<a href="#{}">{}</a>)", xml_escape(s.id), xml_escape(s.title));
  out += "</nav>\n<main>";
  if (!omitted.empty()) {
    out += R"(<aside class="rf-omitted">Not in this report, for lack of data:<ul>)";
    for (const auto& o : omitted)
      out += "<li><b>" + xml_escape(o.title) + "</b>: " + xml_escape(o.reason) + "</li>";
    out += "</ul></aside>";
  }
  for (const auto& s : sections) out += "\n" + render_section(s);
  out +=
      "\n</main><footer>Written by rareflow. Self-contained: charts are inline SVG; nothing "
      "is fetched when viewing.</footer>";
  out += std::string("<script>") + kTabScript + "</script>\n</body></html>\n";
  return out;
}

Result<void> write_report(const ReportInputs& in, const std::filesystem::path& out, Format format) {
  if (format == Format::Xlsx) return write_xlsx(in, out);
  return write_file_atomic(out, render_html_report(in));
}

}  // namespace rareflow::report
