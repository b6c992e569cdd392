// The roadmap planner's engine: builds the two-stage stochastic MILP of a PlanModel and solves
// it with COIN-OR Cbc. Build decisions (integer modules per project and decision year) are
// shared by all scenarios; operations, trade and unmet demand are chosen per scenario. The
// result is plain data: the roadmap, yearly metrics per scenario, the objective broken down,
// each goal's achievement and the solver's status and gap.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rareflow/core/error.hpp"
#include "rareflow/plan/plan_model.hpp"

namespace rareflow::plan {

enum class Strategy {
  Optimised,  // the least-cost roadmap
  Reference   // every announced project on its announced date (plus commitments); operations
              // optimised
};
std::string_view strategy_name(Strategy s);

// Extra bounds on a project's build decisions, e.g. to value it by forbidding or forcing it.
struct BuildBound {
  std::string project;
  int decision_year = 0;           // 0: every decision year (only max_modules applies then)
  int min_modules = 0;             // at least this many decided in decision_year
  std::optional<int> max_modules;  // at most this many in each decision year concerned
};

struct SolveOptions {
  std::optional<double> time_limit_s;  // default: the plan's [solver] time_limit
  std::optional<double> gap;           // relative gap target; default: the plan's [solver] gap
  bool marginal_costs = true;          // duals of goal rows from the LP with builds fixed
  std::vector<BuildBound> builds;      // applied on top of the strategy's own bounds
};

// One build of a roadmap. Plain data, so that the simulator can commit it as a project.
struct RoadmapBuild {
  std::string project;
  std::string name;
  ProjectType type = ProjectType::Mine;
  std::string deposit;  // mines: the deposit (its element distribution is in the PlanModel)
  int decision_year = 0;
  int online_year = 0;  // first year of output (decision + lead time)
  int modules = 0;
  double capacity = 0;  // modules x capacity per module, in capacity_unit(type)
  double capex_musd = 0;
  bool fixed = false;  // forced by a commitment (or, for the reference, an announcement)
};

struct Roadmap {
  std::string plan;
  std::string region;
  Strategy strategy = Strategy::Optimised;
  std::vector<RoadmapBuild> entries;  // by decision year, then project id
};

// Money in million USD. Export revenue and residual value are negative costs.
struct CostBreakdown {
  static constexpr std::size_t kKinds = 11;
  std::array<double, kKinds> by_kind{};  // order of cost_kind_names()
  double total() const;
};
const std::array<std::string_view, CostBreakdown::kKinds>& cost_kind_names();

// Flows of one element in one year, in t REO-equivalent (metal and magnets converted through
// the element table and the magnet recipe).
struct ElementYear {
  double demand = 0;
  double domestic = 0;  // demand met from domestic sources: demand - imports - shortfall
  double imports = 0;
  double shortfall = 0;
  double exports = 0;    // including the element's content of exported concentrate
  double mined = 0;      // content of concentrate mined
  double separated = 0;  // separated and recycled oxide output
  double residue = 0;    // concentrate disposed and separation residue
  double disposed = 0;   // separated oxide disposed
  double stock = 0;      // held at the end of the year
  double self_sufficiency() const { return demand > 0 ? domestic / demand : 0.0; }
};

struct PlanYear {
  int year = 0;
  std::array<ElementYear, kElementCount> elements{};
  std::vector<std::pair<std::string, double>> imports_by_supplier;  // t REO-eq, all elements
  std::vector<double> project_output;  // by plan.projects index, in capacity_unit units
  std::vector<double> project_capacity;
  double mined = 0, separated = 0, metal = 0, magnets = 0;  // stage outputs (t REO, t, t)
  std::vector<double> exports;    // by plan.exports index, t on the commodity's basis
  std::vector<double> shortfall;  // by plan.demand index
  CostBreakdown costs;            // spent in this year (undiscounted), MUSD
};

struct ScenarioResult {
  std::string name;
  double probability = 0;
  std::vector<PlanYear> years;
};

// A goal in one scenario and year (year 0: the whole horizon, for a total budget).
struct GoalYear {
  std::string goal;
  GoalKind kind = GoalKind::SelfSufficiency;
  bool hard = true;
  std::string scenario;  // "all" for first-stage goals (budgets)
  int year = 0;
  double achieved = 0;  // in `unit`
  double target = 0;
  double violation = 0;  // how far short of the target, in `unit`
  // Soft goals: the part of the target beyond the reach of every candidate project at full
  // size, in `unit`. Reported, not charged (`target` and `violation` exclude it).
  double unreachable = 0;
  std::string unit;
  std::optional<double> achieved_share;  // for share goals
  double target_share = 0;
  bool at_least = true;
  bool binding = false;  // met with no slack
  // Cost of tightening the target by one unit, from the duals of the LP with builds fixed, in
  // expected present value: USD per kg (quantity goals) or USD per USD (budgets).
  std::optional<double> marginal_cost;
  std::string marginal_unit;  // "USD/kg" or "USD/USD"
};

// How a solve ended when it gave a roadmap (no roadmap is a Result error instead).
enum class PlanStatus : std::uint8_t {
  Optimal,          // proven optimal within the gap target
  Feasible,         // stopped at the time limit with a solution
  HardGoalsRelaxed  // hard goals cannot all be met: least violation, then least cost
};
std::string_view status_name(PlanStatus s);  // "optimal", "feasible (time limit)", ...

struct SolverReport {
  PlanStatus status = PlanStatus::Optimal;
  double objective_musd = 0;
  double bound_musd = 0;
  double gap = 0;
  double gap_target = 0;  // the relative gap the solve was asked for
  double seconds = 0;
  long nodes = 0;
  int columns = 0, rows = 0, integer_columns = 0;
  bool hard_goals_relaxed = false;
  double max_balance_residual = 0;  // largest relative error of an element balance
};

struct PlanSolution {
  Strategy strategy = Strategy::Optimised;
  Roadmap roadmap;
  std::vector<ScenarioResult> scenarios;
  CostBreakdown objective;  // expected present value, MUSD
  SolverReport solver;
  std::vector<GoalYear> goals;
  // Plain-language findings: hard goals that cannot be met and by how much, binding goals,
  // projects that produce nothing.
  std::vector<std::string> messages;
  std::vector<std::string> idle_projects;  // ids of projects with capacity that make nothing
};

// The planner: holds a plan and the solver options; each solve builds the MILP of one strategy
// and solves it with Cbc.
class PlanEngine {
 public:
  explicit PlanEngine(PlanModel plan, SolveOptions options = {})
      : plan_(std::move(plan)), options_(std::move(options)) {}

  const PlanModel& plan() const { return plan_; }
  const SolveOptions& options() const { return options_; }

  // Fails (Result error) only when the solver gives no usable answer.
  Result<PlanSolution> solve(Strategy strategy) const;
  // The model in CPLEX LP format with readable row and column names (for --dump-lp).
  std::string lp_text(Strategy strategy) const;

 private:
  PlanModel plan_;
  SolveOptions options_;
};

// One solve with its own options (ranking, sweeps and futures vary them per solve):
// PlanEngine(plan, opt).solve(strategy), and PlanEngine(plan).lp_text(strategy).
Result<PlanSolution> solve_plan(const PlanModel& plan, Strategy strategy, const SolveOptions& opt);
std::string plan_lp_text(const PlanModel& plan, Strategy strategy);

}  // namespace rareflow::plan
