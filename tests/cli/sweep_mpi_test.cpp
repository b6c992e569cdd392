// `mpirun -n 2 rareflow sweep ...` (src/mpi): the runs shared between two ranks give the same
// bytes as one process with the same seed, and only rank 0 prints.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "cli_run.hpp"

namespace rareflow::cli_test {
namespace {

namespace fs = std::filesystem;

// China's Tb licensing with an uncertain share (three years keep it quick).
const char* kTbLicensing = R"(name = "tb-licensing-range"
base = "baseline"
[[policy]]
kind = "export_licensing"
regions = ["CHN"]
stages = ["oxide", "magnet"]
elements = ["Tb"]
start = 2025
share = { dist = "uniform", min = 0.1, max = 0.5 }
source = "test assumption"
)";

TEST(SweepMpi, TwoRanksGiveTheBytesOfOneProcess) {
#if !RAREFLOW_MPI
  GTEST_SKIP() << "rareflow was built without MPI (CMake found no MPI; scripts/setup installs "
                  "libopenmpi-dev)";
#endif
  if (run_shell("command -v mpirun").empty())
    GTEST_SKIP() << "mpirun not found (scripts/setup installs openmpi-bin)";
  auto dir = fs::temp_directory_path() / fmt::format("rareflow_sweep_mpi_{}", ::getpid());
  fs::create_directories(dir);
  std::ofstream(dir / "s.toml") << kTbLicensing;
  auto args = [&](const std::string& out) {
    return fmt::format("sweep {} --runs 8 --seed 7 --years 2024..2026 --keep-runs --out {}",
                       (dir / "s.toml").string(), (dir / out).string());
  };
  auto one = run(args("one"));
  ASSERT_EQ(one.code, 0) << one.out << one.err;
  // As root (CI) Open MPI needs --allow-run-as-root; two slots even on a one-core machine.
  auto mpirun =
      fmt::format("mpirun --allow-run-as-root --oversubscribe -n 2 {} {} 2>&1; echo \"exit $?\"",
                  RAREFLOW_BIN, args("two"));
  auto two = run_shell(mpirun);
  ASSERT_NE(two.find("exit 0"), std::string::npos) << two;
  for (const char* f : {"percentiles.csv", "samples.csv", "runs.csv", "runs.bin", "sweep.json"}) {
    EXPECT_FALSE(slurp(dir / "one" / f).empty()) << f;
    EXPECT_EQ(slurp(dir / "one" / f), slurp(dir / "two" / f)) << f;
  }
  // Rank 1 printed nothing: the output is rank 0's summary once, as one process prints it.
  std::string summary = one.out;
  summary.replace(summary.find((dir / "one").string()), (dir / "one").string().size(),
                  (dir / "two").string());
  EXPECT_EQ(two, summary + "exit 0\n");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace rareflow::cli_test
