// `rareflow report RESULTS_DIR`: end to end through the binary.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;

struct Run {
  int code = -1;
  std::string out;
};

// Runs the binary with `args`; stdout and stderr together.
Run rareflow(const std::string& args) {
  Run r;
  std::string cmd = std::string("'") + RAREFLOW_BIN + "' " + args + " 2>&1";
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int rc = pclose(p);
    r.code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  return r;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string demo() {
  return std::string(RAREFLOW_TEST_DATA) + "/report/demo";
}

fs::path scratch(const std::string& name) {
  auto p = fs::temp_directory_path() / ("rareflow_cli_report_" + name);
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

TEST(CliReport, WritesHtmlAndPrintsItsPath) {
  auto dir = scratch("html");
  auto out = dir / "demo.html";
  auto r = rareflow("report '" + demo() + "' --out '" + out.string() + "'");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out, "wrote " + out.string() + "\n");
  std::string html = slurp(out);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("<title>rareflow demo report</title>"), std::string::npos);
  // 3 Sankeys + 6 prices + 4 shares + 4 shortfalls + 6 plan + 1 criticality (see
  // tests/unit/report/html_report_test.cpp for where each count comes from).
  std::size_t svgs = 0;
  for (auto p = html.find("<svg"); p != std::string::npos; p = html.find("<svg", p + 1)) ++svgs;
  EXPECT_EQ(svgs, 24u);
  // Same inputs, same bytes.
  auto again = dir / "again.html";
  ASSERT_EQ(rareflow("report '" + demo() + "' --out '" + again.string() + "'").code, 0);
  EXPECT_EQ(slurp(again), html);
  fs::remove_all(dir);
}

TEST(CliReport, XlsxFromFlagOrExtension) {
  auto dir = scratch("xlsx");
  auto a = dir / "a.out";
  auto r = rareflow("report '" + demo() + "' --format xlsx --out '" + a.string() + "'");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(slurp(a).starts_with("PK"));  // a zip container
  auto b = dir / "b.xlsx";
  ASSERT_EQ(rareflow("report '" + demo() + "' -o '" + b.string() + "'").code, 0);
  EXPECT_TRUE(slurp(b).starts_with("PK"));
  EXPECT_EQ(slurp(a), slurp(b));
  fs::remove_all(dir);
}

TEST(CliReport, DefaultOutputGoesIntoTheResultsDirectory) {
  auto dir = scratch("default");
  fs::copy(demo(), dir, fs::copy_options::recursive);
  auto r = rareflow("report '" + dir.string() + "'");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(fs::exists(dir / "report.html"));
  fs::remove_all(dir);
}

TEST(CliReport, BadInputsFailClearly) {
  auto dir = scratch("bad");
  auto r = rareflow("report '" + dir.string() + "'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("no results.csv"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nothing written"), std::string::npos) << r.out;
  auto f = rareflow("report '" + demo() + "' --format pdf --out '" + (dir / "x").string() + "'");
  EXPECT_EQ(f.code, 1);
  EXPECT_NE(f.out.find("--format: expected one of html, xlsx, found \"pdf\""), std::string::npos)
      << f.out;
  EXPECT_FALSE(fs::exists(dir / "x"));
  fs::remove_all(dir);
}

}  // namespace
