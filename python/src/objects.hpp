// The objects the extension hands to Python: a loaded data package, a scenario tied to the
// package it was checked against, a market run and a plan run. Each keeps the data package
// alive (shared), so a run outlives the variables that made it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rareflow/core/iamc.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/data/dataset.hpp"
#include "rareflow/plan/plan_run.hpp"
#include "rareflow/scenario/scenario.hpp"

namespace rareflow::python {

using DatasetPtr = std::shared_ptr<Dataset>;  // shared, never changed after loading

struct PyScenario {
  scenario::Scenario scenario;
  DatasetPtr data;
  std::string input;  // as given: a name, a path or "scenario dict"
};

// IAMC results with their run record and the tables shown beside them.
struct PyResults {
  IamcTable table;
  std::vector<Table> tables;
  std::string title;
  DatasetPtr data;  // null for results read from a directory
};

}  // namespace rareflow::python
