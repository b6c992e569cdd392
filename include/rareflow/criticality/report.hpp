// Audit output of the criticality methods: a step-by-step text for one element and tables with
// every intermediate term (each numeric column names its unit).
#pragma once

#include <string>
#include <vector>

#include "rareflow/core/table.hpp"
#include "rareflow/criticality/eu_method.hpp"
#include "rareflow/criticality/model_measure.hpp"
#include "rareflow/criticality/usgs_method.hpp"

namespace rareflow::criticality {

// Multi-line walk through one computation with every intermediate number.
std::string explain(const EuResult& r);
std::string explain(const UsgsResult& r);
std::string explain(const ModelMeasureResult& r);

// One row per material (element or group), wide: SR and EI, and per stage the scope, IR,
// weights, HHI of each term, shares, SR; EoL-RIR, SI, EI terms, published values, flags.
Table eu_table(const std::vector<EuResult>& results);
// Long: one row per (material, stage, term, country) with share, WGI, t and contribution.
Table eu_terms_table(const std::vector<EuResult>& results);
Table usgs_table(const std::vector<UsgsResult>& results);
Table model_table(const std::vector<ModelMeasureResult>& results);

}  // namespace rareflow::criticality
