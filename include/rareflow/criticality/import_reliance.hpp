// Import reliance as the EU method defines it:
//   IR = (imports - exports) / (domestic production + imports - exports), clamped to [0, 1].
// All three quantities in the same unit and basis (e.g. t REO per year) for the perspective.
#pragma once

#include "rareflow/core/error.hpp"

namespace rareflow::criticality {

struct ImportReliance {
  double value = 0.0;                 // IR after clamping, fraction 0..1
  double raw = 0.0;                   // the unclamped ratio (0 when apparent consumption is 0)
  double net_imports = 0.0;           // imports - exports
  double apparent_consumption = 0.0;  // production + imports - exports
  bool clamped = false;               // raw was outside [0, 1] (net exporter)
  bool no_consumption = false;        // apparent consumption <= 0: IR set to 0
};

// Errors for negative or non-finite inputs.
Result<ImportReliance> import_reliance(double domestic_production, double imports, double exports);

}  // namespace rareflow::criticality
