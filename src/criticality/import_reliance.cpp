#include "rareflow/criticality/import_reliance.hpp"

#include <algorithm>

#include "criticality/validate.hpp"

namespace rareflow::criticality {

Result<ImportReliance> import_reliance(double domestic_production, double imports, double exports) {
  if (auto ok = detail::check_nonnegative(domestic_production, "domestic production"); !ok)
    return std::unexpected(ok.error());
  if (auto ok = detail::check_nonnegative(imports, "imports"); !ok)
    return std::unexpected(ok.error());
  if (auto ok = detail::check_nonnegative(exports, "exports"); !ok)
    return std::unexpected(ok.error());
  ImportReliance ir;
  ir.net_imports = imports - exports;
  ir.apparent_consumption = domestic_production + imports - exports;
  if (ir.apparent_consumption <= 0.0) {
    // Nothing consumed (or exports drawn from stocks): no reliance on imports to speak of.
    ir.no_consumption = true;
    ir.clamped = ir.apparent_consumption < 0.0;
    return ir;
  }
  ir.raw = ir.net_imports / ir.apparent_consumption;
  ir.value = std::clamp(ir.raw, 0.0, 1.0);
  ir.clamped = ir.value != ir.raw;
  return ir;
}

}  // namespace rareflow::criticality
