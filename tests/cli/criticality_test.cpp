// End-to-end runs of `rareflow criticality` on the embedded default package. Published values
// come from data/world/eu_crm_2023.csv (EU CRM 2023); the rest is checked for consistency between
// the summary, the audit table and the inputs the method states (EoL-RIR, SI_SR).
#include <cmath>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

const nlohmann::json* row_of(const nlohmann::json& table, const std::string& key,
                             const std::string& value) {
  for (const auto& r : table["rows"])
    if (r[key] == value) return &r;
  return nullptr;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Issue 11: EU27 is a region of the balance, with imports at processing (pooled oxide and
// magnets); at extraction it has no flows, so GSonly there.
TEST(CriticalityCli, TableEu27SaysGsOnlyAtExtraction) {
  CliRun r = run("criticality --perspective EU27");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "EU CRM method for EU27: 2024 balance, WGI 2023")) << r.out;
  EXPECT_TRUE(has(r.out,
                  "EU27 has observed import routes at: processing; at extraction the global "
                  "supply term is used alone (GSonly)."));
  EXPECT_TRUE(has(r.out, "Not assessed: Sc: no Sc output"));
  EXPECT_TRUE(r.err.empty()) << r.err;
}

// Dy for EU27 at processing (issue 11): IR = 1 from the balance, so the global and sourcing
// terms weigh 1/2 each: SR_P = (HHI(GS_P) + HHI(sourcing_P)) / 2 * (1 - 0.01) * 0.99 (EoL-RIR
// 1 %, SI_SR 0.99 in eu_crm_2023.csv); published SR 5.6, EI 7.8.
TEST(CriticalityCli, JsonEu27DyTermsAddUp) {
  CliRun r = run("criticality --perspective eu27 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 2u);
  const auto* s = row_of(j[0], "material", "Dy");
  const auto* a = row_of(j[1], "material", "Dy");
  ASSERT_TRUE(s && a);
  EXPECT_EQ((*s)["published_sr"], 5.6);
  EXPECT_EQ((*s)["published_sr_P"], 5.6);
  EXPECT_EQ((*s)["scope_P"], "GS+EU");
  EXPECT_EQ((*s)["ir_basis_P"], "balance");
  EXPECT_EQ((*s)["ir_P"], 1.0);
  EXPECT_EQ((*s)["ei"], 7.8);
  EXPECT_EQ((*s)["critical"], "yes");
  EXPECT_EQ((*a)["w_gs_P"], 0.5);
  EXPECT_NEAR(
      (*a)["sr_P"].get<double>(),
      0.5 * ((*a)["hhi_gs_P"].get<double>() + (*a)["hhi_sourcing_P"].get<double>()) * 0.99 * 0.99,
      1e-12);
  EXPECT_EQ((*s)["sr"], (*a)["sr_P"]);
  EXPECT_EQ((*a)["perspective"], "EU27");
  EXPECT_TRUE(has((*a)["gs_shares_P"].get<std::string>(), "CHN 0.99"));
  EXPECT_EQ(j[0]["rows"].size(), 17u);  // 15 elements (no Sc, Pm) and LREE, HREE
}

TEST(CriticalityCli, CsvGbrHasUnavailableIr) {
  CliRun r = run("criticality --perspective GBR --format csv");
  ASSERT_EQ(r.code, 0) << r.err;
  // GBR: no flows in the balance (issue 11 resolves the USA's Dy imports; GBR has no data);
  // the EU's EI is not used.
  EXPECT_TRUE(has(r.out, "\nDy,P,")) << r.out;
  auto line_start = r.out.find("\nDy,P,");
  std::string line = r.out.substr(line_start + 1, r.out.find('\n', line_start + 1) - line_start);
  EXPECT_TRUE(has(line, ",GSonly,,unavailable,,undecided")) << line;
}

TEST(CriticalityCli, ExplainDy) {
  CliRun r = run("criticality --perspective EU27 --explain dysprosium");
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* part :
       {"Inputs for Dy from the data package, perspective EU27", "total      3651.1 t REO",
        // Issue 11: EU27 is a region of the balance; its processing IR and sourcing come from
        // its own imports (oxide pool and magnets), extraction keeps the published 80 %.
        "IR = 80 %, the EU 2023 published value",
        "IR from the 2024 balance: (imports - exports) / (production + imports - exports)",
        "Stage processing (P): scope GS+EU", "SR(P) = weighted HHI * (1 - EoL_RIR) * SI_SR",
        "Published (eu-crm-2023-critmat): SR 5.6, SR(E) 5.3, SR(P) 5.6, EI 7.8"})
    EXPECT_TRUE(has(r.out, part)) << part << "\n" << r.out;
}

TEST(CriticalityCli, UsgsFlagsEv) {
  CliRun r = run("criticality --perspective EU27 --method usgs --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["rows"].size(), 34u);  // 17 materials x 2 stages, all with a published IR
  for (const auto& row : j["rows"]) {
    EXPECT_EQ(row["ev"], 1.0);
    EXPECT_TRUE(has(row["flags"].get<std::string>(), "EV not in the data package"));
  }
}

TEST(CriticalityCli, OutWritesFile) {
  auto out = std::filesystem::temp_directory_path() / "rareflow_cli_criticality.csv";
  std::filesystem::remove(out);
  CliRun r = run("criticality --perspective BRICS --format csv --out " + out.string());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_TRUE(has(slurp(out), "BRICS"));
  std::filesystem::remove(out);
}

// A value of a results.csv written by `rareflow simulate --out` (model,scenario,region,variable,
// unit,year,value); NaN when absent.
double results_value(const std::string& csv, const std::string& region, const std::string& var,
                     int year) {
  const std::string key = "," + region + "," + var + ",";
  const std::string tail = "," + std::to_string(year) + ",";
  std::size_t pos = 0;
  while ((pos = csv.find(key, pos)) != std::string::npos) {
    const std::size_t eol = csv.find('\n', pos);
    const std::string line = csv.substr(pos, eol - pos);
    const std::size_t y = line.find(tail);
    if (y != std::string::npos) return std::stod(line.substr(y + tail.size()));
    pos = eol;
  }
  return std::nan("");
}

std::string simulate_results(const std::string& scenario) {
  auto dir = std::filesystem::temp_directory_path() / ("rareflow_cli_crit_" + scenario);
  std::filesystem::remove_all(dir);
  CliRun r = run("simulate " + scenario + " --years 2024..2026 --out " + dir.string());
  EXPECT_EQ(r.code, 0) << r.err;
  std::string csv = slurp(dir / "results.csv");
  std::filesystem::remove_all(dir);
  return csv;
}

// EU27 is read from the market's ROW region (the market resolves demand for CHN and ROW only),
// so each price column must equal ROW's oxide price in the matching `rareflow simulate` run.
TEST(CriticalityCli, ModelEu27PricesFromRuns) {
  CliRun r = run("criticality --perspective EU27 --method model --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  const std::string base = simulate_results("baseline");
  const std::string dis = simulate_results("china-heavy-ree-licensing");
  for (const char* el : {"Dy", "Tb", "Nd"}) {
    SCOPED_TRACE(el);
    const auto* row = row_of(j, "material", el);
    ASSERT_TRUE(row);
    EXPECT_EQ((*row)["year"], 2026);  // default: first whole year of licensing (start 2025.26)
    EXPECT_EQ((*row)["scenario"], "china-heavy-ree-licensing");
    const double pb = (*row)["price_baseline"].get<double>();
    const double pd = (*row)["price_disruption"].get<double>();
    const std::string var = std::string("Price|Oxide|") + el;
    // Issue 11: EU27 is its own market region (it was read from ROW).
    EXPECT_NEAR(pb, results_value(base, "EU27", var, 2026), 1e-6 * pb);
    EXPECT_NEAR(pd, results_value(dis, "EU27", var, 2026), 1e-6 * pd);
    EXPECT_NEAR((*row)["price_increase"].get<double>(), pd / pb - 1.0, 1e-6);
  }
  // Tb outside China in 2026 about 37x its baseline price: a large increase. Dy: since
  // issue 12 magnet makers switch to diffused and HREE-free routes, so Dy outside China no
  // longer rises (about 199 USD/kg under licensing, below the baseline's): no large increase.
  EXPECT_LT((*row_of(j, "material", "Dy"))["price_increase"].get<double>(), 1.0);
  EXPECT_GT((*row_of(j, "material", "Tb"))["price_increase"].get<double>(), 1.0);
  bool noted = false;
  for (const auto& n : j["notes"])
    noted |= has(n.get<std::string>(), "EU27 (members: ") &&
             has(n.get<std::string>(), "from the market regions EU27");
  EXPECT_TRUE(noted) << j["notes"];
}

TEST(CriticalityCli, ModelExplainDy) {
  CliRun r = run("criticality --perspective EU27 --method model --explain dysprosium");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(has(r.out,
                  "Model-based risk: Dy for EU27, scenario china-heavy-ree-licensing vs "
                  "baseline, year 2026"))
      << r.out;
  EXPECT_TRUE(has(r.out, "added shortfall = ")) << r.out;
}

struct ErrorCase {
  std::string args;
  std::string message;
};

TEST(CriticalityCli, ErrorsWriteNothing) {
  const std::vector<ErrorCase> cases = {
      {"--perspective EU72", "unknown perspective 'EU72' (did you mean \"EU27\"?)"},
      {"--perspective EU27 --year 2023",
       "no criticality input (mine output, ore mix, separation) data for year 2023; available: "
       "2024"},
      {"--perspective EU27 --explain Dx", "unknown element or group 'Dx' (did you mean \"Dy\"?)"},
      {"--perspective EU27 --explain Pm",
       "Pm is not assessed for EU27: no Pm output at extraction or processing in the 2024 "
       "balance"},
      {"--perspective EU27 --method modle", "did you mean \"model\"?"},
      // A misspelt scenario is reported by the scenario loader, with a suggestion.
      {"--perspective EU27 --method model --scenario china-heavy-licensing",
       "(did you mean \"china-heavy-ree-licensing\"?)"},
      {"--perspective EU27 --method model --scenario no-such-scenario", "no-such-scenario"},
      {"--perspective EU27 --method model --explain Dx",
       "unknown element or group 'Dx' (did you mean \"Dy\"?)"},
      {"--perspective EU27 --scenario x", "--scenario is used by --method model only"},
      {"--perspective EU27 --format xml",
       "--format: expected one of table, csv, json, xlsx, found \"xml\""}};
  auto out = std::filesystem::temp_directory_path() / "rareflow_cli_criticality_err.txt";
  for (const auto& c : cases) {
    std::filesystem::remove(out);
    CliRun r = run("criticality " + c.args + " --out " + out.string());
    EXPECT_EQ(r.code, 1) << c.args;
    EXPECT_TRUE(has(r.err, c.message)) << c.args << "\n" << r.err;
    EXPECT_TRUE(r.out.empty()) << c.args;
    EXPECT_FALSE(std::filesystem::exists(out)) << c.args;
  }
}

}  // namespace
}  // namespace rareflow::cli_test

namespace rareflow::cli_test {
namespace {

// --report draws the SR-EI scatter with the thresholds (one point per scored material).
TEST(CriticalityCli, ReportHasScatter) {
  auto file = std::filesystem::temp_directory_path() / "rareflow_cli_crit_report.html";
  std::filesystem::remove(file);
  auto r = run("criticality --perspective EU27 --report " + file.string());
  ASSERT_EQ(r.code, 0) << r.err;
  std::string html = slurp(file);
  auto sec = html.find("id=\"criticality\"");
  ASSERT_NE(sec, std::string::npos);
  EXPECT_NE(html.find("data-kind=\"scatter\"", sec), std::string::npos);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace rareflow::cli_test
