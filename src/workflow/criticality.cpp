#include "rareflow/workflow/criticality.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rareflow/criticality/report.hpp"

namespace rareflow::workflow {

using namespace rareflow::criticality;

Result<std::vector<Table>> eu_tables(const CriticalityInputs& in) {
  auto results = assess_eu_from(in);
  if (!results) return std::unexpected(results.error());
  return std::vector<Table>{eu_summary_table(in, *results), eu_audit_table(in, *results)};
}

Result<Table> usgs_tables(const CriticalityInputs& in) {
  std::vector<std::string> skipped;
  auto results = assess_usgs_from(in, skipped);
  if (!results) return std::unexpected(results.error());
  Table t = usgs_table(*results);
  t.title += fmt::format(", {}, {} balance, WGI {}", in.perspective, in.year, in.governance.year);
  t.notes.insert(t.notes.end(), in.notes.begin(), in.notes.end());
  for (const auto& s : skipped) t.notes.push_back("Not scored: " + s);
  return t;
}

Table model_tables(const ModelAssessment& a) {
  Table t = model_table(a.results);
  t.title += fmt::format(", {}, {} vs baseline, {}", a.perspective, a.scenario, a.year);
  t.notes.insert(t.notes.end(), a.notes.begin(), a.notes.end());
  return t;
}

Result<std::vector<Table>> criticality_tables(const Dataset& d, const CriticalityRequest& r) {
  const std::vector<std::string> methods = {"eu", "usgs", "model"};
  if (std::ranges::find(methods, r.method) == methods.end())
    return fail(fmt::format("method: expected eu, usgs or model, found \"{}\"{}", r.method,
                            suggestion(r.method, methods)));
  if (!r.scenario.empty() && r.method != "model")
    return fail("scenario: used by the model method only");
  if (r.method == "model") {
    ModelRequest m;
    m.perspective = r.perspective;
    if (!r.scenario.empty()) m.scenario = r.scenario;
    if (r.year) m.year = r.year;
    auto a = model_assessment(d, m);
    if (!a) return std::unexpected(a.error());
    return std::vector<Table>{model_tables(*a)};
  }
  auto in = criticality_inputs(d, r.perspective, r.year ? r.year : d.schema.base_year);
  if (!in) return std::unexpected(in.error());
  if (r.method == "eu") return eu_tables(*in);
  auto t = usgs_tables(*in);
  if (!t) return std::unexpected(t.error());
  return std::vector<Table>{std::move(*t)};
}

}  // namespace rareflow::workflow
