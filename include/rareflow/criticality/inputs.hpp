// Criticality inputs derived from the data package and its base-year balance, for any
// perspective (a region id such as USA, or a bloc such as EU27, G7, BRICS):
// - global supply shares per element or group at extraction (mine output by country: USGS mine
//   production split by the ore mix) and processing (separated oxide output by country);
// - the perspective's sourcing shares (domestic output plus imports by origin), only where the
//   balance has observed import routes into the perspective at that stage; the base-year routes
//   are thin, so most perspectives have none and fall back to the global term alone (GSonly);
// - import reliance IR = (imports - exports) / (production + imports - exports) from the members'
//   balance lines, or for EU27 without lines the EU 2023 published IR (flagged), never invented;
// - EoL-RIR, SI_SR and the published results from eu_crm_2023.csv, WGI from wgi.csv and the
//   trade factors from trade_factors.csv.
// Quantities are t REO per year of the balance year.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/table.hpp"
#include "rareflow/criticality/eu_method.hpp"
#include "rareflow/criticality/import_reliance.hpp"
#include "rareflow/criticality/subjects.hpp"
#include "rareflow/criticality/usgs_method.hpp"
#include "rareflow/data/balance.hpp"
#include "rareflow/data/dataset.hpp"

namespace rareflow::criticality {

// Where a stage's import reliance comes from.
enum class IrBasis : std::uint8_t { Balance, PublishedEu2023, Unavailable };
std::string_view ir_basis_name(IrBasis b);  // "balance" | "published EU 2023" | "unavailable"

// One country's (or aggregate's) output or supply of the material, t REO.
struct CountryAmount {
  std::string iso3;
  double t = 0.0;
};

struct StageInputs {
  SupplyStage stage = SupplyStage::Processing;
  std::vector<CountryAmount> world;       // output by country, largest first (t REO)
  std::vector<CountryShare> global;       // world as fractions, same order
  double world_total_t = 0.0;             // world output at the stage, t REO
  std::vector<CountryAmount> sourcing_t;  // members' output and imports by origin (t REO)
  std::optional<std::vector<CountryShare>> sourcing;  // nullopt: missing, GSonly
  std::string sourcing_basis;  // what the sourcing shares are, or why missing
  // The members' flows of the material at the stage (balance lines, t REO).
  double production_t = 0.0, imports_t = 0.0, exports_t = 0.0;
  IrBasis ir_basis = IrBasis::Unavailable;
  std::optional<double> import_reliance;    // fraction 0..1; nullopt when unavailable
  std::optional<ImportReliance> ir_detail;  // when from the balance
  std::string ir_note;                      // how IR was obtained, one line
};

struct MaterialInputs {
  Material material;
  std::vector<StageInputs> stages;  // extraction then processing, those with world output
  double eol_rir = 0.0;             // fraction
  double si_sr = 1.0;
  bool si_sr_published = true;                // false: not published (groups), 1 used
  std::optional<double> economic_importance;  // EU 2023 published EI (EU27 only)
  std::optional<PublishedEu> published;
  std::vector<std::string> flags;  // input fallbacks, added to the result's flags
};

struct CriticalityInputs {
  std::string perspective;                      // as the data package spells it
  std::vector<std::string> members;             // member region ids
  std::vector<std::string> members_with_lines;  // members with any balance line
  int year = 0;                                 // balance year
  Governance governance;
  TradeFactorTable trade_factors;
  std::vector<MaterialInputs> materials;  // elements in element order, then LREE, HREE
  std::vector<std::string> skipped;       // "<id>: reason", materials not assessed
  std::vector<std::string> notes;         // statements for the output
};

// Perspectives the data package knows: region ids (not the world) and bloc names.
std::vector<std::string> known_perspectives(const Dataset& d);
// Years whose mine output, ore mix and separation output are all in the package.
std::vector<int> criticality_years(const Dataset& d);

// Scaled WGI of the latest WGI year not after `year` (errors list the years available).
Result<Governance> governance_from_dataset(const Dataset& d, int year);
Result<TradeFactorTable> trade_factors_from_dataset(const Dataset& d);

// World output of `elements` (empty = all) at a stage, by balance region, largest first, zero
// amounts dropped. Extraction: mined; processing: separated oxides (recycling excluded).
std::vector<CountryAmount> world_output(const Balance& b, SupplyStage stage,
                                        const std::vector<Element>& elements);
// Amounts as fractions of their sum (empty when the sum is 0).
std::vector<CountryShare> shares_of(const std::vector<CountryAmount>& amounts);

// Inputs for every element and group from an already built balance. Errors: unknown
// perspective (with a suggestion), WGI or trade-factor tables invalid.
Result<CriticalityInputs> criticality_inputs(const Dataset& d, const Balance& b,
                                             std::string_view perspective);
// The same after resolving `year` (error lists the years available) and building its balance.
Result<CriticalityInputs> criticality_inputs(const Dataset& d, std::string_view perspective,
                                             int year);

// Finds a material of the inputs; errors for unknown names (did you mean) and for materials
// that were not assessed (with the reason).
Result<const MaterialInputs*> find_material(const CriticalityInputs& in, std::string_view text);

// The EU method's inputs, one per material.
std::vector<EuMaterialInput> eu_inputs(const CriticalityInputs& in);
// assess_eu_all on eu_inputs, with the input flags appended to each result.
Result<std::vector<EuResult>> assess_eu_from(const CriticalityInputs& in);

// USGS-style inputs, one per material and stage with a known IR (TE); EV is not in the data
// package and is set to 1 (flagged: SR is then an upper bound). `skipped` gets the others.
std::vector<UsgsInput> usgs_inputs(const CriticalityInputs& in, std::vector<std::string>& skipped);
Result<std::vector<UsgsResult>> assess_usgs_from(const CriticalityInputs& in,
                                                 std::vector<std::string>& skipped);

// Text: where every input number of one material comes from (t REO by country, IR terms).
std::string explain_inputs(const CriticalityInputs& in, const MaterialInputs& m);

// One row per material: SR by stage next to the published EU 2023 values, scope, IR and its
// basis, EI, verdict. Notes carry the input statements (GSonly fallback, IR basis, skipped).
Table eu_summary_table(const CriticalityInputs& in, const std::vector<EuResult>& results);
// eu_table() with the IR of stages without a known IR shown as missing, and per stage the IR
// basis and the members' production, imports and exports (t REO).
Table eu_audit_table(const CriticalityInputs& in, const std::vector<EuResult>& results);

}  // namespace rareflow::criticality
