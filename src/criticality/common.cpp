#include "rareflow/criticality/common.hpp"

#include <fmt/format.h>

#include "criticality/validate.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow::criticality {

std::string_view stage_name(SupplyStage s) {
  return s == SupplyStage::Extraction ? "extraction" : "processing";
}

std::string_view stage_code(SupplyStage s) {
  return s == SupplyStage::Extraction ? "E" : "P";
}

Result<SupplyStage> parse_stage(std::string_view text) {
  const std::string t = lower(text);
  if (t == "extraction" || t == "e") return SupplyStage::Extraction;
  if (t == "processing" || t == "p") return SupplyStage::Processing;
  return fail(fmt::format("unknown stage '{}', expected extraction (E) or processing (P)", text));
}

std::string_view term_name(SupplyTerm t) {
  return t == SupplyTerm::Global ? "global" : "sourcing";
}

}  // namespace rareflow::criticality
