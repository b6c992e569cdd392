// Criticality inputs from the data package and its base-year balance (see inputs.hpp and
// docs/model_criticality.md section 8 for the rules).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "criticality/validate.hpp"
#include "rareflow/core/text.hpp"
#include "rareflow/criticality/inputs.hpp"

namespace rareflow::criticality {

namespace {

std::vector<Element> elements_of(const Material& m) {
  if (m.element) return {*m.element};
  std::vector<Element> out;
  for (const auto& i : element_table())
    if (i.group == *m.group) out.push_back(i.element);
  return out;
}

double amount(const ElementShares& a, const std::vector<Element>& els) {
  double s = 0.0;
  for (Element e : els) s += a[index(e)];
  return s;
}

const ElementShares& stage_output(const RegionBalance& r, SupplyStage s) {
  return s == SupplyStage::Extraction ? r.mined : r.separated;
}

// One trade line of a region. Extraction: concentrate and unseparated intermediate;
// processing: separated oxide and the oxide in magnets. Oxide lines include the balance's
// shares of the pool outside China (assumption-oxide-pool); gap lines are left out.
struct TradeLine {
  std::string partner;
  bool is_import = false;
  const ElementShares* t = nullptr;
};

std::vector<TradeLine> trade_lines(const RegionBalance& r, SupplyStage s) {
  static constexpr std::string_view kImport = "imports from ";
  static constexpr std::string_view kExport = "exports to ";
  std::vector<TradeLine> out;
  for (const auto& l : r.lines) {
    // Processing counts the oxide inside traded magnets too: a region that imports its
    // magnets relies on imports for their oxide (issue 11: the USA's Dy).
    const bool at_stage =
        s == SupplyStage::Extraction
            ? (l.stage == ChainStage::Concentrate || l.stage == ChainStage::Intermediate)
            : (l.stage == ChainStage::Oxide || l.stage == ChainStage::Magnet);
    if (!at_stage || l.gap) continue;
    if (l.item.starts_with(kImport))
      out.push_back({l.item.substr(kImport.size()), true, &l.t_reo});
    else if (l.item.starts_with(kExport))
      out.push_back({l.item.substr(kExport.size()), false, &l.t_reo});
  }
  return out;
}

std::vector<CountryAmount> sorted_amounts(const std::map<std::string, double>& m) {
  std::vector<CountryAmount> out;
  for (const auto& [id, t] : m)
    if (t > 0.0) out.push_back({id, t});
  std::stable_sort(out.begin(), out.end(),
                   [](const CountryAmount& a, const CountryAmount& b) { return a.t > b.t; });
  return out;
}

std::optional<double> finite(double v) {
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

bool is_eu(std::string_view perspective) {
  const std::string p = upper(perspective);
  return p == "EU27" || p == "EU";
}

std::string t_text(double t) {
  return fmt::format("{:.1f} t", t);
}

// The balance regions of a perspective: its members and the market regions they are resolved
// in (DEU, FRA, ... -> EU27), whose lines stand for them.
std::set<std::string> balance_regions(const Dataset& d, const std::vector<std::string>& members) {
  std::set<std::string> out(members.begin(), members.end());
  for (const auto& m : members) out.insert(d.market_region(m));
  return out;
}

struct Context {
  const Dataset& d;
  const Balance& b;
  const CriticalityInputs& in;
  std::set<std::string> members;
};

void set_import_reliance(const Context& c, StageInputs& s, const std::string& id,
                         const EuCrmPublished* pub, std::vector<std::string>& flags) {
  const auto code = stage_code(s.stage);
  if (s.production_t + s.imports_t + s.exports_t > 0.0) {
    auto ir = import_reliance(s.production_t, s.imports_t, s.exports_t);
    if (ir) {
      s.ir_basis = IrBasis::Balance;
      s.import_reliance = ir->value;
      s.ir_detail = *ir;
      s.ir_note = fmt::format(
          "IR from the {} balance: (imports - exports) / (production + imports - exports) = "
          "({} - {}) / ({} + {} - {}) = {:.4f}{}",
          c.in.year, t_text(s.imports_t), t_text(s.exports_t), t_text(s.production_t),
          t_text(s.imports_t), t_text(s.exports_t), ir->value,
          ir->no_consumption ? " (no apparent consumption: set to 0)"
          : ir->clamped      ? fmt::format(" (raw {:.4f}, net exporter: clamped to 0)", ir->raw)
                             : "");
      return;
    }
  }
  const double pct = !pub                                 ? kNaN
                     : s.stage == SupplyStage::Extraction ? pub->ir_extraction_pct
                                                          : pub->ir_processing_pct;
  if (is_eu(c.in.perspective) && std::isfinite(pct)) {
    s.ir_basis = IrBasis::PublishedEu2023;
    s.import_reliance = pct / 100.0;
    s.ir_note = fmt::format(
        "IR = {:g} %, the EU 2023 published value: {} members have no {} flows at {} in the {} "
        "balance",
        pct, c.in.perspective, id, stage_name(s.stage), c.in.year);
    flags.push_back(
        fmt::format("IR({}) = EU 2023 published {:g} % (no {} flows of {} in the {} "
                    "balance)",
                    code, pct, c.in.perspective, id, c.in.year));
    return;
  }
  s.ir_basis = IrBasis::Unavailable;
  s.ir_note = fmt::format("IR unavailable: {} has no {} flows at {} in the {} balance",
                          c.in.perspective, id, stage_name(s.stage), c.in.year);
  flags.push_back(fmt::format("IR({}) unavailable: no {} flows of {} in the {} balance", code,
                              c.in.perspective, id, c.in.year));
}

std::optional<StageInputs> stage_inputs(const Context& c, const Material& m, SupplyStage stage,
                                        const EuCrmPublished* pub,
                                        std::vector<std::string>& flags) {
  const auto els = elements_of(m);
  StageInputs s;
  s.stage = stage;
  s.world = world_output(c.b, stage, els);
  if (s.world.empty()) return std::nullopt;
  s.global = shares_of(s.world);
  for (const auto& w : s.world) s.world_total_t += w.t;

  std::map<std::string, double> sourcing;
  bool import_routes = false;
  for (const auto& id : c.members) {
    const RegionBalance* r = c.b.region(id);
    if (!r) continue;
    const double made = amount(stage_output(*r, stage), els);
    s.production_t += made;
    sourcing[id] += made;
    for (const auto& l : trade_lines(*r, stage)) {
      if (c.members.contains(l.partner)) continue;  // trade inside the bloc
      const double t = amount(*l.t, els);
      if (l.is_import) {
        import_routes = true;
        s.imports_t += t;
        sourcing[l.partner] += t;
      } else {
        s.exports_t += t;
      }
    }
  }
  s.sourcing_t = sorted_amounts(sourcing);
  if (!import_routes) {
    s.sourcing_basis = fmt::format(
        "missing: no import routes into {} at {} in the {} routes (routes.csv is thin for most "
        "importers); global supply term used alone (GSonly)",
        c.in.perspective, stage_name(stage), c.in.year);
  } else if (s.sourcing_t.empty()) {
    s.sourcing_basis = fmt::format("missing: no {} in {}'s recorded output and imports at {}", m.id,
                                   c.in.perspective, stage_name(stage));
  } else {
    s.sourcing = shares_of(s.sourcing_t);
    s.sourcing_basis = fmt::format("{} output plus imports by origin, {} balance (observed routes)",
                                   c.in.perspective, c.in.year);
  }
  set_import_reliance(c, s, m.id, pub, flags);
  return s;
}

const EuCrmPublished* published_row(const Dataset& d, std::string_view id) {
  for (const auto& r : d.eu_crm_2023)
    if (r.element == id) return &r;
  return nullptr;
}

std::optional<MaterialInputs> material_inputs(const Context& c, const Material& m,
                                              std::vector<std::string>& skipped) {
  MaterialInputs mi;
  mi.material = m;
  const EuCrmPublished* pub = published_row(c.d, m.id);
  for (SupplyStage st : {SupplyStage::Extraction, SupplyStage::Processing})
    if (auto s = stage_inputs(c, m, st, pub, mi.flags)) mi.stages.push_back(std::move(*s));
  if (mi.stages.empty()) {
    skipped.push_back(fmt::format("{}: no {} output at extraction or processing in the {} balance",
                                  m.id, m.id, c.in.year));
    return std::nullopt;
  }
  if (!pub || !std::isfinite(pub->eol_rir_pct)) {
    skipped.push_back(fmt::format("{}: no EoL-RIR and SI_SR for it in eu_crm_2023.csv", m.id));
    return std::nullopt;
  }
  mi.eol_rir = pub->eol_rir_pct / 100.0;
  if (std::isfinite(pub->si_sr)) {
    mi.si_sr = pub->si_sr;
  } else {
    mi.si_sr = 1.0;
    mi.si_sr_published = false;
    mi.flags.push_back(
        "SI_SR not published for it: 1 used (no substitution credit), so SR is an "
        "upper bound");
  }
  if (is_eu(c.in.perspective) && std::isfinite(pub->ei)) {
    mi.economic_importance = pub->ei;
    mi.flags.push_back("EI = EU 2023 published value");
  }
  mi.published = PublishedEu{finite(pub->sr), finite(pub->sr_extraction),
                             finite(pub->sr_processing), finite(pub->ei), pub->source};
  return mi;
}

std::string stage_list(const std::vector<std::string>& v) {
  return v.empty() ? std::string("none") : fmt::format("{}", fmt::join(v, ", "));
}

void add_notes(const Dataset& d, CriticalityInputs& in) {
  in.notes.push_back(fmt::format(
      "WGI {} (latest WGI year not after {}), scaled 2 * (2.5 - mean of the six estimates)",
      in.governance.year, in.year));
  std::vector<std::string> with_sourcing, without_sourcing;
  for (SupplyStage st : {SupplyStage::Extraction, SupplyStage::Processing}) {
    bool any = false;
    for (const auto& m : in.materials)
      for (const auto& s : m.stages) any |= s.stage == st && s.sourcing.has_value();
    (any ? with_sourcing : without_sourcing).emplace_back(stage_name(st));
  }
  const std::string fallback =
      without_sourcing.empty() ? std::string("sourcing shares are used at both stages")
                               : fmt::format("at {} the global supply term is used alone (GSonly)",
                                             stage_list(without_sourcing));
  in.notes.push_back(fmt::format(
      "Sourcing: the {} routes (routes.csv) record few import flows, so most perspectives have no "
      "sourcing shares. {} has observed import routes at: {}; {}.",
      in.year, in.perspective, stage_list(with_sourcing), fallback));
  if (in.members_with_lines.empty() && is_eu(in.perspective))
    in.notes.push_back(fmt::format(
        "IR: no {} member has a line in the {} balance ({} is not resolved downstream: its oxide "
        "and magnet use sits in the ROW pool), so IR is the EU 2023 published value "
        "(eu_crm_2023.csv), flagged per row; under GSonly IR does not enter SR.",
        in.perspective, in.year, in.perspective));
  else if (in.members_with_lines.empty())
    in.notes.push_back(fmt::format("IR: no {} member has a line in the {} balance; IR unavailable",
                                   in.perspective, in.year));
  else {
    std::vector<std::string> silent;
    auto has_lines = [&](const std::string& id) {
      return std::find(in.members_with_lines.begin(), in.members_with_lines.end(), id) !=
             in.members_with_lines.end();
    };
    for (const auto& m : in.members)
      if (!has_lines(m) && !has_lines(d.market_region(m))) silent.push_back(m);
    if (!silent.empty())
      in.notes.push_back(fmt::format(
          "IR and sourcing from the balance lines of {} only; {} have no line in the {} balance "
          "(their trade is not in routes.csv)",
          fmt::join(in.members_with_lines, ", "), fmt::join(silent, ", "), in.year));
  }
  if (!is_eu(in.perspective))
    in.notes.push_back(fmt::format(
        "EoL-RIR and SI_SR are the EU 2023 published values (EU-specific), used for {} as given; "
        "the EU's EI is not used for {}, so criticality is undecided",
        in.perspective, in.perspective));
  in.notes.push_back(
      "Published values: EU CRM 2023 assessment, EU27 perspective (eu-crm-2023-critmat); rounded "
      "to one decimal");
  for (const auto& s : in.skipped) in.notes.push_back("Not assessed: " + s);
}

}  // namespace

std::string_view ir_basis_name(IrBasis b) {
  switch (b) {
    case IrBasis::Balance:
      return "balance";
    case IrBasis::PublishedEu2023:
      return "published EU 2023";
    case IrBasis::Unavailable:
      return "unavailable";
  }
  return "";
}

std::vector<std::string> known_perspectives(const Dataset& d) {
  std::vector<std::string> out;
  for (const auto& r : d.regions)
    for (const auto& b : r.blocs)
      if (std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
  for (const auto& r : d.regions)
    if (r.kind != RegionKind::World) out.push_back(r.id);
  return out;
}

std::vector<int> criticality_years(const Dataset& d) {
  std::set<int> mine, mix, sep;
  for (const auto& p : d.production) {
    if (p.stage == ChainStage::Mine && p.value > 0) mine.insert(p.year);
    if (p.stage == ChainStage::Separation && p.value > 0) sep.insert(p.year);
  }
  for (const auto& m : d.mine_mix) mix.insert(m.year);
  std::vector<int> out;
  for (int y : mine)
    if (mix.contains(y) && sep.contains(y)) out.push_back(y);
  return out;
}

Result<Governance> governance_from_dataset(const Dataset& d, int year) {
  std::vector<WgiScores> rows;
  int best = 0;
  std::set<int> years;
  for (const auto& w : d.wgi) {
    rows.push_back({w.iso3, w.country, w.year, w.voice, w.stability, w.effectiveness, w.regulatory,
                    w.rule_of_law, w.corruption});
    years.insert(w.year);
    if (w.year <= year) best = std::max(best, w.year);
  }
  if (best == 0)
    return fail(fmt::format(
        "no WGI data for {} or earlier in wgi.csv; available: {}", year,
        years.empty() ? std::string("none") : fmt::format("{}", fmt::join(years, ", "))));
  return governance_for_year(rows, best);
}

Result<TradeFactorTable> trade_factors_from_dataset(const Dataset& d) {
  TradeFactorTable t;
  for (const auto& r : d.trade_factors) {
    auto stage = parse_stage(r.stage);
    if (!stage) return std::unexpected(stage.error());
    std::optional<SupplyTerm> term;
    if (r.scope == "global") term = SupplyTerm::Global;
    if (r.scope == "sourcing") term = SupplyTerm::Sourcing;
    t.rows.push_back({r.material, *stage, r.iso3, r.factor, term, r.source});
  }
  if (auto ok = validate(t); !ok) return std::unexpected(ok.error());
  return t;
}

std::vector<CountryAmount> world_output(const Balance& b, SupplyStage stage,
                                        const std::vector<Element>& elements) {
  std::vector<Element> els = elements;
  if (els.empty())
    for (const auto& i : element_table()) els.push_back(i.element);
  std::map<std::string, double> by_region;
  for (const auto& r : b.regions) by_region[r.region] += amount(stage_output(r, stage), els);
  return sorted_amounts(by_region);
}

std::vector<CountryShare> shares_of(const std::vector<CountryAmount>& amounts) {
  double total = 0.0;
  for (const auto& a : amounts) total += a.t;
  std::vector<CountryShare> out;
  if (total <= 0.0) return out;
  for (const auto& a : amounts) out.push_back({a.iso3, a.t / total});
  return out;
}

Result<CriticalityInputs> criticality_inputs(const Dataset& d, const Balance& b,
                                             std::string_view perspective) {
  auto p = resolve_perspective(perspective, known_perspectives(d));
  if (!p) return std::unexpected(p.error());
  CriticalityInputs in;
  in.perspective = *p;
  in.members = d.members(*p);
  in.year = b.year;
  for (const auto& m : balance_regions(d, in.members))
    if (b.region(m)) in.members_with_lines.push_back(m);
  auto g = governance_from_dataset(d, b.year);
  if (!g) return std::unexpected(g.error());
  in.governance = std::move(*g);
  auto t = trade_factors_from_dataset(d);
  if (!t) return std::unexpected(t.error());
  in.trade_factors = std::move(*t);

  Context c{d, b, in, balance_regions(d, in.members)};
  std::vector<Material> materials;
  for (const auto& i : element_table())
    materials.push_back({std::string(i.symbol), i.element, std::nullopt});
  materials.push_back({"LREE", std::nullopt, ElementGroup::LREE});
  materials.push_back({"HREE", std::nullopt, ElementGroup::HREE});
  for (const auto& m : materials)
    if (auto mi = material_inputs(c, m, in.skipped)) in.materials.push_back(std::move(*mi));
  add_notes(d, in);
  return in;
}

Result<CriticalityInputs> criticality_inputs(const Dataset& d, std::string_view perspective,
                                             int year) {
  if (auto p = resolve_perspective(perspective, known_perspectives(d)); !p)
    return std::unexpected(p.error());
  auto y = resolve_year(year, criticality_years(d),
                        "criticality input (mine output, ore mix, separation)");
  if (!y) return std::unexpected(y.error());
  auto b = build_balance(d, *y);
  if (!b) return std::unexpected(b.error());
  return criticality_inputs(d, *b, perspective);
}

}  // namespace rareflow::criticality
