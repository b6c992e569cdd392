// Results as long tables in the IAMC convention: model, scenario, region, variable, unit, year,
// value, with '|'-nested variable names (Price|Oxide|Dy). Every run also carries a run record
// (inputs, data version, seed, solver status) so that it can be reproduced.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/iamc_vocabulary.hpp"

namespace rareflow {

struct IamcRow {
  std::string model;
  std::string scenario;
  std::string region;
  std::string variable;
  std::string unit;
  int year = 0;
  double value = 0.0;
};

struct RunRecord {
  std::string command;                         // e.g. "simulate"
  std::map<std::string, std::string> entries;  // key -> value, sorted for stable output
};

struct IamcTable {
  std::vector<IamcRow> rows;
  RunRecord record;

  void add(std::string model, std::string scenario, std::string region, std::string variable,
           std::string unit, int year, double value) {
    rows.push_back({std::move(model), std::move(scenario), std::move(region), std::move(variable),
                    std::move(unit), year, value});
  }
  // A variable of the vocabulary (iamc_vocabulary.hpp), with its declared unit.
  void add(std::string model, std::string scenario, std::string region, var::Variable v, int year,
           double value) {
    add(std::move(model), std::move(scenario), std::move(region), std::move(v.name),
        std::move(v.unit), year, value);
  }
};

inline constexpr const char* kModelName = "rareflow";

std::string iamc_to_csv(const IamcTable& t);
std::string iamc_to_json(const IamcTable& t);
std::string run_record_to_json(const RunRecord& r);
// Reads a csv written by iamc_to_csv (used by report and compare).
Result<IamcTable> iamc_from_csv(const std::string& text, const std::string& file_name);

}  // namespace rareflow
