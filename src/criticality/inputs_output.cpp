// Output of the data-package inputs: where each input number comes from (explain_inputs), a
// summary next to the published EU 2023 values and the full audit table.
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rareflow/criticality/inputs.hpp"
#include "rareflow/criticality/report.hpp"

namespace rareflow::criticality {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

const StageInputs* find_stage(const MaterialInputs& m, SupplyStage s) {
  for (const auto& st : m.stages)
    if (st.stage == s) return &st;
  return nullptr;
}

const EuStageResult* find_stage(const EuResult& r, SupplyStage s) {
  for (const auto& st : r.stages)
    if (st.stage == s) return &st;
  return nullptr;
}

const MaterialInputs* find_inputs(const CriticalityInputs& in, const std::string& id) {
  for (const auto& m : in.materials)
    if (m.material.id == id) return &m;
  return nullptr;
}

Cell opt(const std::optional<double>& v) {
  return v ? Cell{*v} : Cell{kMissing};
}

void explain_amounts(std::string& out, const std::vector<CountryAmount>& a, double total) {
  for (const auto& c : a)
    out += fmt::format("    {:<4} {:>12.1f} t REO  share {:.4f}\n", c.iso3, c.t, c.t / total);
  out += fmt::format("    total {:>11.1f} t REO\n", total);
}

}  // namespace

std::string explain_inputs(const CriticalityInputs& in, const MaterialInputs& m) {
  std::string out = fmt::format(
      "Inputs for {} from the data package, perspective {} (members: {}), balance year {}\n",
      m.material.id, in.perspective, fmt::join(in.members, ", "), in.year);
  for (const auto& s : m.stages) {
    out += fmt::format("\n{} ({}):\n  world output ({}), by country:\n", stage_name(s.stage),
                       stage_code(s.stage),
                       s.stage == SupplyStage::Extraction
                           ? "mine production by country x ore mix, balance 'mined'"
                           : "separated oxide output by country, balance 'separated oxides'");
    explain_amounts(out, s.world, s.world_total_t);
    out += "  sourcing: " + s.sourcing_basis + "\n";
    if (s.sourcing) {
      double total = 0.0;
      for (const auto& c : s.sourcing_t) total += c.t;
      explain_amounts(out, s.sourcing_t, total);
    }
    out += fmt::format("  {} flows: production {:.1f} t, imports {:.1f} t, exports {:.1f} t REO\n",
                       in.perspective, s.production_t, s.imports_t, s.exports_t);
    out += "  " + s.ir_note + "\n";
  }
  out += fmt::format("\nEoL-RIR {:.4f} (EU 2023 published), SI_SR {:.2f} ({})\n", m.eol_rir,
                     m.si_sr, m.si_sr_published ? "EU 2023 published" : "not published: 1 used");
  if (m.economic_importance)
    out += fmt::format("EI {:.1f} (EU 2023 published, given as input)\n", *m.economic_importance);
  else
    out += "EI not available for this perspective (no sector value added in the data package)\n";
  return out;
}

Table eu_summary_table(const CriticalityInputs& in, const std::vector<EuResult>& results) {
  Table t;
  t.title = fmt::format(
      "EU CRM method for {}: {} balance, WGI {}; rareflow next to the published "
      "EU 2023 values",
      in.perspective, in.year, in.governance.year);
  t.columns = {{"material", "", 0},
               {"stage_reported", "", 0},
               {"sr", "index", 2},
               {"published_sr", "index", 1}};
  for (SupplyStage s : {SupplyStage::Extraction, SupplyStage::Processing}) {
    const auto c = stage_code(s);
    t.columns.push_back({fmt::format("sr_{}", c), "index", 2});
    t.columns.push_back({fmt::format("published_sr_{}", c), "index", 1});
    t.columns.push_back({fmt::format("scope_{}", c), "", 0});
    t.columns.push_back({fmt::format("ir_{}", c), "fraction", 2});
    t.columns.push_back({fmt::format("ir_basis_{}", c), "", 0});
  }
  t.columns.insert(t.columns.end(), {{"ei", "index 0-10", 1}, {"critical", "", 0}});
  for (const auto& r : results) {
    const MaterialInputs* m = find_inputs(in, r.material);
    const auto& p = r.published;
    std::vector<Cell> row = {r.material, std::string(stage_code(r.reported_stage)), r.supply_risk,
                             p ? opt(p->supply_risk) : Cell{kMissing}};
    for (SupplyStage s : {SupplyStage::Extraction, SupplyStage::Processing}) {
      const EuStageResult* st = find_stage(r, s);
      const StageInputs* si = m ? find_stage(*m, s) : nullptr;
      row.push_back(st ? Cell{st->supply_risk} : Cell{kMissing});
      row.push_back(!p                             ? Cell{kMissing}
                    : s == SupplyStage::Extraction ? opt(p->sr_extraction)
                                                   : opt(p->sr_processing));
      row.push_back(st ? scope_label(st->scope, r.perspective) : std::string());
      row.push_back(si ? opt(si->import_reliance) : Cell{kMissing});
      row.push_back(si ? std::string(ir_basis_name(si->ir_basis)) : std::string());
    }
    row.push_back(opt(r.economic_importance));
    row.push_back(r.critical ? std::string(*r.critical ? "yes" : "no") : std::string("undecided"));
    t.add_row(std::move(row));
  }
  t.notes = in.notes;
  return t;
}

Table eu_audit_table(const CriticalityInputs& in, const std::vector<EuResult>& results) {
  Table t = eu_table(results);
  t.title = fmt::format("{} (audit: every term), {}, {} balance", t.title, in.perspective, in.year);
  for (SupplyStage s : {SupplyStage::Extraction, SupplyStage::Processing}) {
    const auto c = stage_code(s);
    t.columns.push_back({fmt::format("ir_basis_{}", c), "", 0});
    t.columns.push_back({fmt::format("world_output_{}", c), "t REO", 1});
    t.columns.push_back({fmt::format("production_{}", c), "t REO", 1});
    t.columns.push_back({fmt::format("imports_{}", c), "t REO", 1});
    t.columns.push_back({fmt::format("exports_{}", c), "t REO", 1});
    t.columns.push_back({fmt::format("sourcing_basis_{}", c), "", 0});
  }
  for (std::size_t i = 0; i < t.rows.size() && i < results.size(); ++i) {
    const MaterialInputs* m = find_inputs(in, results[i].material);
    auto& row = t.rows[i];
    for (SupplyStage s : {SupplyStage::Extraction, SupplyStage::Processing}) {
      const StageInputs* si = m ? find_stage(*m, s) : nullptr;
      // eu_table prints the IR that went into the method; an unknown IR went in as an unused 0.
      for (std::size_t k = 0; k < t.columns.size(); ++k)
        if (t.columns[k].name == fmt::format("ir_{}", stage_code(s)) && si && !si->import_reliance)
          row[k] = kMissing;
      if (!si) {
        row.insert(row.end(),
                   {std::string(), kMissing, kMissing, kMissing, kMissing, std::string()});
        continue;
      }
      row.insert(row.end(), {std::string(ir_basis_name(si->ir_basis)), si->world_total_t,
                             si->production_t, si->imports_t, si->exports_t, si->sourcing_basis});
    }
  }
  t.notes.push_back(
      "IR basis, members' flows and sourcing basis: see the summary table's notes for the rules");
  return t;
}

}  // namespace rareflow::criticality
