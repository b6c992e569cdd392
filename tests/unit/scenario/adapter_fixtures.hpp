// Shared helpers of the market adapter tests: the default package, cached runs of shipped
// scenarios, scenarios written from text, and lookups in a run's IAMC table.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "rareflow/scenario/market_adapter.hpp"

namespace rareflow::scenario::testing {

inline const Dataset& data() {
  static const Dataset d = value_or_throw(load_default_dataset());
  return d;
}

// Runs a shipped scenario or a scenario file once per test binary.
inline const ScenarioRun& run_of(const std::string& name_or_path) {
  static std::map<std::string, ScenarioRun> cache;
  auto it = cache.find(name_or_path);
  if (it != cache.end()) return it->second;
  auto r = run_scenario(data(), value_or_throw(load_scenario(name_or_path, data())), {});
  if (!r) throw std::runtime_error(r.error().message);
  return cache.emplace(name_or_path, std::move(*r)).first->second;
}

inline std::string test_scenario(const std::string& file) {
  return std::string(RAREFLOW_TEST_DATA) + "/scenario/" + file;
}

// A scenario file written from text in a scratch directory (removed with the object).
class ScenarioFile {
 public:
  explicit ScenarioFile(const std::string& text, const std::string& name = "s.toml") {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("rareflow_adapter_" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / name).string();
    std::ofstream(path_) << text;
  }
  ~ScenarioFile() { std::filesystem::remove_all(dir_); }
  const std::string& path() const { return path_; }
  Scenario load() const { return value_or_throw(load_scenario(path_, data())); }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

// The value of one IAMC row; NaN when absent.
inline double value(const IamcTable& t, const std::string& region, const std::string& variable,
                    int year) {
  for (const auto& r : t.rows)
    if (r.region == region && r.variable == variable && r.year == year) return r.value;
  return std::nan("");
}

}  // namespace rareflow::scenario::testing
