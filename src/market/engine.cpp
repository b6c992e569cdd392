#include "rareflow/market/engine.hpp"

#include <cmath>

#include <fmt/format.h>

#include "builders.hpp"
#include "clp_solver.hpp"
#include "extract.hpp"
#include "rareflow/market/demand_curve.hpp"
#include "rareflow/market/mass_balance.hpp"
#include "rareflow/market/validate.hpp"
#include "topology.hpp"

namespace rareflow::market {

struct MarketEngine::Impl {
  MarketModel model;
  detail::Topology topo;
  std::vector<std::vector<DemandStep>> base_steps;
  std::vector<unsigned char> basis;  // of the last solve
  int basis_rows = -1, basis_columns = -1;
};

MarketEngine::MarketEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MarketEngine::MarketEngine(MarketEngine&&) noexcept = default;
MarketEngine& MarketEngine::operator=(MarketEngine&&) noexcept = default;
MarketEngine::~MarketEngine() = default;

Result<MarketEngine> MarketEngine::create(MarketModel model) {
  Diagnostics d = validate(model);
  if (!d.empty()) return fail("invalid market model:\n" + d.str());
  auto impl = std::make_unique<Impl>();
  impl->topo = detail::make_topology(model);
  for (const auto& dem : model.demands) {
    auto steps = demand_steps(dem, model.settings);
    if (!steps) return std::unexpected(steps.error());
    impl->base_steps.push_back(std::move(*steps));
  }
  impl->model = std::move(model);
  return MarketEngine(std::move(impl));
}

const MarketModel& MarketEngine::model() const {
  return impl_->model;
}

YearState MarketEngine::initial_state() const {
  const MarketModel& m = impl_->model;
  const auto& t = impl_->topo;
  YearState s;
  s.stock.assign(t.commodities * t.regions, 0.0);
  for (const auto& st : m.stocks) s.stock[t.cell(t.set.index(st.commodity), st.region)] += st.t;
  s.stockpile_level.assign(m.policies.size(), 0.0);
  for (std::size_t p = 0; p < m.policies.size(); ++p)
    if (const auto* sp = std::get_if<StockpileProgram>(&m.policies[p]))
      s.stockpile_level[p] = sp->initial_level_t;
  for (std::size_t k = 0; k < kFacilityKindCount; ++k) {
    auto kind = static_cast<FacilityKind>(k);
    std::size_t n = m.facility_count(kind);
    s.online_year[k].resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Lifecycle& l = m.facility({kind, i}).life;
      s.online_year[k][i] = l.candidate ? kNever : l.online_year;
    }
  }
  for (const auto& p : m.policies)
    if (const auto* d = std::get_if<ProjectDelay>(&p)) {
      int& y = s.online_year[static_cast<std::size_t>(d->facility.kind)][d->facility.index];
      if (y != kAlways && y != kNever) y += d->delay_years;
    }
  s.intensity.assign(m.demands.size(), 1.0);
  s.last_price.assign(t.commodities * t.regions, std::nan(""));
  return s;
}

namespace {

std::string check_state(const MarketModel& m, const detail::Topology& t, const YearState& s) {
  const std::size_t n = t.commodities * t.regions;
  if (s.stock.size() != n || s.last_price.size() != n) return "stock or price grid size";
  if (s.intensity.size() != m.demands.size()) return "intensity size";
  if (s.stockpile_level.size() != m.policies.size()) return "stockpile level size";
  for (std::size_t k = 0; k < kFacilityKindCount; ++k)
    if (s.online_year[k].size() != m.facility_count(static_cast<FacilityKind>(k)))
      return "online year size";
  return "";
}

double max_change(const std::vector<ElementArray>& a, const std::vector<ElementArray>& b) {
  double d = 0.0;
  for (std::size_t p = 0; p < a.size(); ++p)
    for (std::size_t e = 0; e < kElementCount; ++e) d = std::max(d, std::abs(a[p][e] - b[p][e]));
  return d;
}

bool has_active_floor(const detail::YearContext& ctx) {
  for (std::size_t p = 0; p < ctx.model.policies.size(); ++p)
    if (std::holds_alternative<PriceFloor>(ctx.model.policies[p]) && ctx.share[p] > 0.0)
      return true;
  return false;
}

// Start the price-floor fixed point from last year's prices.
void initial_subsidies(detail::YearContext& ctx) {
  const auto& m = ctx.model;
  for (std::size_t p = 0; p < m.policies.size(); ++p) {
    const auto* pf = std::get_if<PriceFloor>(&m.policies[p]);
    if (pf == nullptr || ctx.share[p] <= 0.0) continue;
    std::size_t r = m.separation[pf->plant].region;
    for (Element e : pf->elements) {
      double last = ctx.state.last_price[ctx.topo.cell(ctx.topo.set.index(Commodity::oxide(e)), r)];
      if (std::isnan(last)) continue;
      double& s = ctx.floor_subsidy[pf->plant][index(e)];
      s = std::max(s, ctx.share[p] * std::max(0.0, pf->floor_usd_per_kg - last));
    }
  }
}

}  // namespace

Result<YearResult> MarketEngine::solve(int year, const YearState& state, const SolveOptions& opt) {
  const MarketModel& m = impl_->model;
  if (auto bad = check_state(m, impl_->topo, state); !bad.empty())
    return fail(fmt::format("market state does not fit the model ({})", bad));
  auto ctx =
      detail::make_context(m, impl_->topo, state, impl_->base_steps, year, opt.apply_policies);
  const bool floors = has_active_floor(ctx);
  if (floors) initial_subsidies(ctx);
  auto built = detail::build_lp(ctx, false);
  if (!built) return std::unexpected(built.error());
  auto& [lp, ix] = *built;
  if (auto limits = detail::check_solver_limits(lp); !limits) {
    // Rebuilt with names only now, so that the message names the row or column.
    auto named = detail::build_lp(ctx, true);
    auto why = named ? detail::check_solver_limits(named->lp) : limits;
    return fail(fmt::format("year {}: the market LP holds a value the solver cannot take: {}", year,
                            (why ? limits : why).error().message));
  }

  detail::ClpRun run(lp);
  const bool warm = opt.warm_start && impl_->basis_rows == lp.rows() &&
                    impl_->basis_columns == lp.columns() && !impl_->basis.empty();
  if (warm) run.set_basis(impl_->basis);
  auto outcome = run.solve(warm);
  int iterations = outcome.iterations;
  double seconds = outcome.seconds;
  int floor_iterations = 1;
  bool converged = true;
  // Price floors: pay the producer the gap between floor and market price; the gap depends on
  // the price, so iterate to a fixed point (each re-solve starts from the last basis).
  if (floors && outcome.status == SolveStatus::Optimal) {
    converged = false;
    while (floor_iterations < m.settings.price_floor_max_iterations) {
      auto next = detail::floor_subsidies(ctx, ix, run);
      if (max_change(next, ctx.floor_subsidy) <= m.settings.price_floor_tolerance_usd_per_kg) {
        converged = true;
        break;
      }
      ctx.floor_subsidy = std::move(next);
      for (const auto& sc : ix.sep)
        lp.cost[static_cast<std::size_t>(sc.col)] =
            detail::separation_column_cost(ctx, sc.plant, sc.source);
      run.set_costs(lp.cost);
      outcome = run.solve(true);
      iterations += outcome.iterations;
      seconds += outcome.seconds;
      ++floor_iterations;
      if (outcome.status != SolveStatus::Optimal) break;
    }
    if (!converged && outcome.status == SolveStatus::Optimal)
      converged = max_change(detail::floor_subsidies(ctx, ix, run), ctx.floor_subsidy) <=
                  m.settings.price_floor_tolerance_usd_per_kg;
  }
  outcome.iterations = iterations;
  outcome.seconds = seconds;
  if (outcome.status != SolveStatus::Optimal) {
    YearResult y;
    y.year = year;
    y.status = outcome.status;
    y.iterations = iterations;
    y.rows = lp.rows();
    y.columns = lp.columns();
    y.nonzeros = lp.nonzeros();
    impl_->basis.clear();
    return y;
  }
  YearResult y = detail::extract(ctx, lp, ix, run, outcome);
  y.warm_started = warm;
  y.floor_iterations = floor_iterations;
  y.floor_converged = converged;
  if (auto mb = check_mass_balance(m, y, m.settings.mass_balance_tolerance); !mb)
    return std::unexpected(mb.error());
  impl_->basis = run.basis();
  impl_->basis_rows = lp.rows();
  impl_->basis_columns = lp.columns();
  return y;
}

Result<void> MarketEngine::write_lp(int year, const YearState& state,
                                    const std::filesystem::path& file,
                                    const SolveOptions& opt) const {
  const MarketModel& m = impl_->model;
  if (auto bad = check_state(m, impl_->topo, state); !bad.empty())
    return fail(fmt::format("market state does not fit the model ({})", bad));
  auto ctx =
      detail::make_context(m, impl_->topo, state, impl_->base_steps, year, opt.apply_policies);
  if (has_active_floor(ctx)) initial_subsidies(ctx);
  auto built = detail::build_lp(ctx, true);
  if (!built) return std::unexpected(built.error());
  return detail::write_lp_file(built->lp, file);
}

LpSize MarketEngine::lp_size(int year, const YearState& state) const {
  // Policies keep their rows when not applied, so the policy-free build has the same shape and
  // needs no normal flows or last prices.
  auto ctx = detail::make_context(impl_->model, impl_->topo, state, impl_->base_steps, year, false);
  auto built = detail::build_lp(ctx, false);
  if (!built) return {};
  return {built->lp.rows(), built->lp.columns(), built->lp.nonzeros()};
}

void MarketEngine::forget_basis() {
  impl_->basis.clear();
  impl_->basis_rows = impl_->basis_columns = -1;
}

std::string_view status_name(SolveStatus s) {
  switch (s) {
    case SolveStatus::Optimal:
      return "optimal";
    case SolveStatus::Infeasible:
      return "infeasible";
    case SolveStatus::Unbounded:
      return "unbounded";
    case SolveStatus::Stopped:
      return "stopped";
    case SolveStatus::Failed:
      break;
  }
  return "failed";
}

}  // namespace rareflow::market
