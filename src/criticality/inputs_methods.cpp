// The methods' inputs from CriticalityInputs: EU and USGS input structs, their assessment with
// the input flags carried into each result, and material lookup with clear errors.
#include <fmt/format.h>

#include "rareflow/criticality/inputs.hpp"

namespace rareflow::criticality {

Result<const MaterialInputs*> find_material(const CriticalityInputs& in, std::string_view text) {
  auto m = resolve_material(text);
  if (!m) return std::unexpected(m.error());
  for (const auto& mi : in.materials)
    if (mi.material.id == m->id) return &mi;
  for (const auto& s : in.skipped)
    if (s.starts_with(m->id + ":"))
      return fail(fmt::format("{} is not assessed for {}: {}", m->id, in.perspective,
                              s.substr(m->id.size() + 2)));
  return fail(fmt::format("{} is not assessed for {}", m->id, in.perspective));
}

std::vector<EuMaterialInput> eu_inputs(const CriticalityInputs& in) {
  std::vector<EuMaterialInput> out;
  for (const auto& m : in.materials) {
    EuMaterialInput e;
    e.material = m.material.id;
    e.perspective = in.perspective;
    for (const auto& s : m.stages)
      // An unavailable IR only occurs without sourcing shares (GSonly), where IR has no weight.
      e.stages.push_back({s.stage, s.global, s.sourcing, s.import_reliance.value_or(0.0)});
    e.eol_rir = m.eol_rir;
    e.si_sr = m.si_sr;
    e.economic_importance_given = m.economic_importance;
    e.published = m.published;
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<EuResult>> assess_eu_from(const CriticalityInputs& in) {
  auto r = assess_eu_all(eu_inputs(in), in.governance, in.trade_factors);
  if (!r) return r;
  for (std::size_t i = 0; i < r->size(); ++i)
    (*r)[i].flags.insert((*r)[i].flags.end(), in.materials[i].flags.begin(),
                         in.materials[i].flags.end());
  return r;
}

std::vector<UsgsInput> usgs_inputs(const CriticalityInputs& in, std::vector<std::string>& skipped) {
  std::vector<UsgsInput> out;
  for (const auto& m : in.materials)
    for (const auto& s : m.stages) {
      if (!s.import_reliance) {
        skipped.push_back(fmt::format("{} ({}): cannot say: no import reliance (TE) for {}",
                                      m.material.id, stage_name(s.stage), in.perspective));
        continue;
      }
      UsgsInput u;
      u.commodity = m.material.id;
      u.perspective = in.perspective;
      u.stage = s.stage;
      u.production = s.global;
      u.net_import_reliance = *s.import_reliance;
      u.economic_vulnerability = 1.0;  // not in the data package; flagged
      out.push_back(std::move(u));
    }
  return out;
}

Result<std::vector<UsgsResult>> assess_usgs_from(const CriticalityInputs& in,
                                                 std::vector<std::string>& skipped) {
  std::vector<UsgsResult> out;
  for (const auto& u : usgs_inputs(in, skipped)) {
    auto r = assess_usgs(u, in.governance);
    if (!r) return fail(fmt::format("{}: {}", u.commodity, r.error().message));
    r->flags.push_back(
        "EV not in the data package: EV = 1 used, so SR = DP * TE is an upper "
        "bound");
    for (const auto& m : in.materials)
      for (const auto& s : m.stages)
        if (m.material.id == u.commodity && s.stage == u.stage)
          r->flags.push_back("TE: " + s.ir_note);
    out.push_back(std::move(*r));
  }
  return out;
}

}  // namespace rareflow::criticality
