// Supply risk for a perspective (a region or a bloc) as tables, by the EU CRM method, the
// USGS-style method or the market model (shortfall and price change under a disruption): what
// `rareflow criticality` prints without --explain and `rareflow.criticality()` returns.
#pragma once

#include <string>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/criticality/inputs.hpp"
#include "rareflow/criticality/model_inputs.hpp"
#include "rareflow/data/dataset.hpp"
#include "rareflow/workflow/request.hpp"

namespace rareflow::workflow {

struct CriticalityRequest {
  std::string perspective;    // region id or bloc (EU27, G7, BRICS)
  std::string method = "eu";  // eu, usgs or model
  int year = 0;               // 0: the base year (model: the scenario's default year)
  std::string scenario;       // model only; "" = criticality::kDefaultDisruption
};

// The EU summary and audit tables (scores and every intermediate term).
Result<std::vector<Table>> eu_tables(const criticality::CriticalityInputs& in);
// The USGS-style table, titled with the perspective, balance year and WGI year, with the
// elements not scored in its notes.
Result<Table> usgs_tables(const criticality::CriticalityInputs& in);
// The model-based table of an assessment, titled with perspective, scenario and year.
Table model_tables(const criticality::ModelAssessment& a);

// Dispatches on the method (eu and usgs from the data package, model from two market runs).
Result<std::vector<Table>> criticality_tables(const Dataset& d, const CriticalityRequest& r);

}  // namespace rareflow::workflow
