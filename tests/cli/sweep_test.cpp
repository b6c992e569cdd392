// End-to-end tests of `rareflow sweep` and `simulate --replay`: thread-count independence,
// a replayed run equal to its row in the sweep, grid mode, and errors.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>

#include <fmt/format.h>

#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

// China's licensing of Dy and Tb with an uncertain share and start (four years keep it quick).
const char* kScenario = R"(name = "licensing-range"
base = "baseline"
[[policy]]
kind = "export_licensing"
regions = ["CHN"]
stages = ["oxide", "metal", "magnet"]
elements = ["Dy", "Tb"]
start = { dist = "choice", values = [2025, 2026] }
share = { dist = "uniform", min = 0.2, max = 0.6 }
source = "test assumption"
)";

class SweepCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           fmt::format("rareflow_sweep_{}_{}",
                       ::testing::UnitTest::GetInstance()->current_test_info()->name(),
                       static_cast<long>(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "s.toml") << kScenario;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

// (region, variable, year) -> value of one run, from runs.csv or a results.csv.
using Values = std::map<std::tuple<std::string, std::string, int>, double>;

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"')
      quoted = !quoted;
    else if (ch == ',' && !quoted)
      out.emplace_back();
    else
      out.back() += ch;
  }
  return out;
}

Values run_rows(const std::string& runs_csv, const std::string& run) {
  Values v;
  std::istringstream in(runs_csv);
  std::string line;
  std::getline(in, line);  // run,region,variable,unit,year,value
  while (std::getline(in, line)) {
    auto f = fields(line);
    if (f[0] == run) v[{f[1], f[2], std::stoi(f[4])}] = std::stod(f[5]);
  }
  return v;
}

Values results_rows(const std::string& results_csv) {
  Values v;
  std::istringstream in(results_csv);
  std::string line;
  std::getline(in, line);
  auto head = fields(line);
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < head.size(); ++i) col[head[i]] = i;
  while (std::getline(in, line)) {
    auto f = fields(line);
    v[{f[col["region"]], f[col["variable"]], std::stoi(f[col["year"]])}] =
        std::stod(f[col["value"]]);
  }
  return v;
}

TEST_F(SweepCli, SameSeedSameBytesWithOneAndTwoThreadsAndReplayEqualsItsRow) {
  auto a = run(fmt::format("sweep {} --runs 6 --seed 5 --years 2024..2027 --keep-runs --out {}",
                           path("s.toml"), path("a")));
  ASSERT_EQ(a.code, 0) << a.out << a.err;
  auto b = run(
      fmt::format("sweep {} --runs 6 --seed 5 --years 2024..2027 --keep-runs --threads 2 --out {}",
                  path("s.toml"), path("b")));
  ASSERT_EQ(b.code, 0) << b.out << b.err;
  for (const char* f : {"percentiles.csv", "samples.csv", "runs.csv", "runs.bin", "sweep.json"}) {
    EXPECT_FALSE(slurp(dir_ / "a" / f).empty()) << f;
    EXPECT_EQ(slurp(dir_ / "a" / f), slurp(dir_ / "b" / f)) << f;
  }
  // Six sampled runs: the shares differ from run to run (a uniform has no atoms).
  EXPECT_NE(slurp(dir_ / "a" / "samples.csv").find("policy[0].share"), std::string::npos);
  auto r = run(fmt::format("simulate --replay {} 3 --out {}", path("a"), path("r")));
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  Values sweep_row = run_rows(slurp(dir_ / "a" / "runs.csv"), "3");
  Values alone = results_rows(slurp(dir_ / "r" / "results.csv"));
  ASSERT_GT(sweep_row.size(), 100u);
  std::size_t compared = 0, derived = 0;
  for (const auto& [k, v] : sweep_row) {
    // The sweep's own ratios (shares, self-sufficiency; sweep/derived_rows.hpp) are not in a
    // single run's results.csv.
    const std::string& var = std::get<1>(k);
    if (var.starts_with("Share|") || var.starts_with("Self-sufficiency|")) {
      ++derived;
      continue;
    }
    auto it = alone.find(k);
    // The engine leaves quantities of 0 out of results.csv; the sweep stores them as 0.
    double alone_value = it == alone.end() ? 0.0 : it->second;
    EXPECT_EQ(alone_value, v) << std::get<1>(k) << "@" << std::get<0>(k) << "@" << std::get<2>(k);
    ++compared;
  }
  EXPECT_GT(derived, 0u);
  EXPECT_EQ(compared + derived, sweep_row.size());
}

TEST_F(SweepCli, GridVisitsEachPointOnce) {
  auto g = run(fmt::format("sweep {} --grid share=0.2:0.6:3 --years 2024..2025 --out {}",
                           path("s.toml"), path("g")));
  ASSERT_EQ(g.code, 0) << g.out << g.err;
  // std::lerp(0.2, 0.6, k / 2): the ends exactly, the middle within rounding of 0.4.
  std::istringstream in(slurp(dir_ / "g" / "samples.csv"));
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "run,policy[0].share,status");
  std::vector<double> shares;
  while (std::getline(in, line)) {
    auto f = fields(line);
    EXPECT_EQ(f[0], std::to_string(shares.size()));
    EXPECT_EQ(f[2], "ok");
    shares.push_back(std::stod(f[1]));
  }
  ASSERT_EQ(shares.size(), 3u);
  EXPECT_EQ(shares[0], 0.2);
  EXPECT_NEAR(shares[1], 0.4, 1e-15);
  EXPECT_EQ(shares[2], 0.6);
}

TEST_F(SweepCli, ErrorsNameTheProblem) {
  auto g = run(fmt::format("sweep {} --grid shre=0.2,0.3 --out {}", path("s.toml"), path("g")));
  EXPECT_EQ(g.code, 1);
  EXPECT_NE(g.err.find("(did you mean \"share\"?)"), std::string::npos) << g.err;
  auto n = run(fmt::format("sweep baseline --runs 3 --out {}", path("n")));
  EXPECT_EQ(n.code, 1);
  EXPECT_NE(n.err.find("cannot say: scenario baseline gives no distribution"), std::string::npos)
      << n.err;
}

}  // namespace
}  // namespace rareflow::cli_test
