// Output files and results directories: written as a unit, temporaries removed on every
// failure path, missing parents and read-only files refused (issue 13, "Outputs").
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "rareflow/core/io.hpp"

namespace rareflow {
namespace {

namespace fs = std::filesystem;

class Scratch {
 public:
  Scratch() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("rareflow_io_" + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  const fs::path& path() const { return dir_; }
  // Every name in the scratch directory, so a test can see stray temporaries.
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  fs::path dir_;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(WriteFileAtomic, WritesAndReplaces) {
  Scratch s;
  ASSERT_TRUE(write_file_atomic(s.path() / "a.txt", "one").has_value());
  ASSERT_TRUE(write_file_atomic(s.path() / "a.txt", "two").has_value());
  EXPECT_EQ(slurp(s.path() / "a.txt"), "two");
  EXPECT_EQ(s.names(), std::vector<std::string>{"a.txt"});
}

TEST(WriteFileAtomic, MissingParentIsAnErrorNotCreated) {
  Scratch s;
  auto r = write_file_atomic(s.path() / "no" / "such" / "a.txt", "x");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("does not exist"), std::string::npos) << r.error().message;
  EXPECT_FALSE(fs::exists(s.path() / "no"));
}

TEST(WriteFileAtomic, ReadOnlyFileIsNotReplaced) {
  Scratch s;
  auto p = s.path() / "keep.txt";
  std::ofstream(p) << "original";
  fs::permissions(p, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  auto r = write_file_atomic(p, "new");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("read-only"), std::string::npos) << r.error().message;
  EXPECT_EQ(slurp(p), "original");
  EXPECT_EQ(s.names(), std::vector<std::string>{"keep.txt"});  // no temporary left
}

TEST(WriteFileAtomic, DirectoryTargetLeavesNoTemporary) {
  Scratch s;
  fs::create_directory(s.path() / "out");
  std::ofstream(s.path() / "out" / "x") << "x";
  auto r = write_file_atomic(s.path() / "out", "text");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(s.names(), std::vector<std::string>{"out"});
}

TEST(WriteDirAtomic, NewDirectoryHoldsEveryFile) {
  Scratch s;
  auto dir = s.path() / "run";
  ASSERT_TRUE(write_dir_atomic(dir, {{"results.csv", "a"}, {"run.json", "b"}}).has_value());
  EXPECT_EQ(slurp(dir / "results.csv"), "a");
  EXPECT_EQ(slurp(dir / "run.json"), "b");
  EXPECT_EQ(s.names(), std::vector<std::string>{"run"});
}

// The defect: when the second file failed, the new results.csv stood beside the old run.json
// and a run.json.tmp. Now the previous directory is left exactly as it was.
TEST(WriteDirAtomic, FailureOnSecondFileLeavesPreviousRunWhole) {
  Scratch s;
  auto dir = s.path() / "run";
  ASSERT_TRUE(write_dir_atomic(dir, {{"results.csv", "old"}, {"run.json", "old"}}).has_value());
  // A name in a missing subdirectory cannot be opened: the second write fails.
  auto r = write_dir_atomic(dir, {{"results.csv", "new"}, {"missing/run.json", "new"}});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(slurp(dir / "results.csv"), "old");
  EXPECT_EQ(slurp(dir / "run.json"), "old");
  EXPECT_EQ(s.names(), std::vector<std::string>{"run"});  // no temporary directory left
}

TEST(WriteDirAtomic, ReplacesAPreviousRunAsAWhole) {
  Scratch s;
  auto dir = s.path() / "run";
  ASSERT_TRUE(write_dir_atomic(dir, {{"results.csv", "old"}, {"stale.csv", "x"}}).has_value());
  ASSERT_TRUE(write_dir_atomic(dir, {{"results.csv", "new"}, {"run.json", "new"}}).has_value());
  EXPECT_EQ(slurp(dir / "results.csv"), "new");
  EXPECT_FALSE(fs::exists(dir / "stale.csv"));  // nothing of the previous run survives
  EXPECT_EQ(s.names(), std::vector<std::string>{"run"});
}

TEST(WriteDirAtomic, RefusesADirectoryThatIsNotAResultsDirectory) {
  Scratch s;
  auto dir = s.path() / "home";
  fs::create_directory(dir);
  std::ofstream(dir / "thesis.tex") << "years of work";
  auto r = write_dir_atomic(dir, {{"results.csv", "a"}});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(slurp(dir / "thesis.tex"), "years of work");
}

TEST(WriteDirAtomic, MissingParentIsAnError) {
  Scratch s;
  auto r = write_dir_atomic(s.path() / "a" / "b", {{"results.csv", "a"}});
  ASSERT_FALSE(r.has_value());
  EXPECT_FALSE(fs::exists(s.path() / "a"));
}

}  // namespace
}  // namespace rareflow
