#include "rareflow/market/simulator.hpp"

#include <fmt/format.h>

#include "dynamics.hpp"
#include "rareflow/market/engine.hpp"

namespace rareflow::market {

namespace {

void record_year(const MarketModel& m, const YearResult& y, RunRecord& rec) {
  rec.entries[fmt::format("market.status.{}", y.year)] = std::string(status_name(y.status));
  rec.entries[fmt::format("market.iterations.{}", y.year)] = std::to_string(y.iterations);
  rec.entries[fmt::format("market.warm_start.{}", y.year)] = y.warm_started ? "yes" : "no";
  bool floors = false;
  for (const auto& p : m.policies) floors |= std::holds_alternative<PriceFloor>(p);
  if (floors)
    rec.entries[fmt::format("market.price_floor.{}", y.year)] = fmt::format(
        "{} solves, {}", y.floor_iterations, y.floor_converged ? "converged" : "not converged");
}

}  // namespace

Result<SimulationResult> simulate(const MarketModel& model, const SimulationOptions& opt) {
  if (opt.first_year > opt.last_year)
    return fail(fmt::format("simulation years: first year {} is after last year {}", opt.first_year,
                            opt.last_year));
  auto engine = MarketEngine::create(model);
  if (!engine) return std::unexpected(engine.error());
  const MarketModel& m = engine->model();
  YearState state = engine->initial_state();
  SimulationResult out;
  RunRecord& rec = out.table.record;
  rec.command = "simulate";
  rec.entries["scenario"] = opt.scenario;
  rec.entries["market.years"] = fmt::format("{}..{}", opt.first_year, opt.last_year);
  rec.entries["market.warm_start"] = opt.warm_start ? "yes" : "no";

  // The year before the run: the policy-free equilibrium of the first year gives last year's
  // prices (ad valorem taxes, price floors) and the normal flows of policies in force at once.
  auto reference = engine->solve(opt.first_year, state, {opt.warm_start, false});
  if (!reference) return std::unexpected(reference.error());
  if (reference->status != SolveStatus::Optimal)
    return fail(fmt::format("market reference equilibrium for {}: solver status {}", opt.first_year,
                            status_name(reference->status)));
  state.last_price = reference->price;
  // Every year's LP has the same shape (see topology.hpp).
  rec.entries["market.lp.rows"] = std::to_string(reference->rows);
  rec.entries["market.lp.columns"] = std::to_string(reference->columns);
  rec.entries["market.lp.nonzeros"] = std::to_string(reference->nonzeros);

  for (int year = opt.first_year; year <= opt.last_year; ++year) {
    detail::record_reference_flows(m, out.years.empty() ? *reference : out.years.back(), year,
                                   state);
    detail::adjust_intensity(m, out.years, year, state);
    if (!opt.dump_dir.empty()) {
      auto file = opt.dump_dir / fmt::format("market_{}.{}", year, opt.dump_mps ? "mps" : "lp");
      if (auto w = engine->write_lp(year, state, file); !w) return std::unexpected(w.error());
    }
    auto y = engine->solve(year, state, {opt.warm_start, true});
    if (!y) return fail(fmt::format("year {}: {}", year, y.error().message));
    record_year(m, *y, rec);
    if (y->status != SolveStatus::Optimal)
      return fail(
          fmt::format("market equilibrium for {}: solver status {}", year, status_name(y->status)));
    append_iamc(m, *y, opt.scenario, out.table);
    state.stock = y->stock_close;
    state.stockpile_level = y->stockpile_level;
    state.last_price = y->price;
    out.years.push_back(std::move(*y));
    detail::decide_investments(m, out.years, year, state, out.investments);
    if (opt.on_year) opt.on_year(year);
  }
  for (const auto& d : out.investments)
    rec.entries[fmt::format("market.investment.{}.{}", facility_kind_name(d.facility.kind),
                            m.facility(d.facility).id)] =
        fmt::format("decided {}, online {}, {} t/yr", d.decision_year, d.online_year, d.capacity_t);
  return out;
}

}  // namespace rareflow::market
