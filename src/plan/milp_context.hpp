// Internal: the plan resolved into dense per-scenario, per-year arrays, and the index of every
// column of the MILP, shared by the blocks that build it (milp_blocks.hpp) and by the code
// that reads the solution back.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "linear_model.hpp"
#include "rareflow/plan/plan_model.hpp"

namespace rareflow::plan::detail {

// Money is in million USD; a price in USD/kg times a quantity in t is 1e-3 MUSD.
inline constexpr double kMusdPerTonneAtOneUsdPerKg = 1e-3;

template <class T>
using Grid2 = std::vector<std::vector<T>>;
template <class T>
using Grid3 = std::vector<Grid2<T>>;

struct Prepared {
  const PlanModel* plan = nullptr;
  int years = 0;                                 // T
  int scenarios = 0;                             // S
  std::vector<double> discount;                  // df by year index: (1+r)^-(t - first_year)
  double discount_after_horizon = 1.0;           // df(last_year + 1), for residual values
  std::vector<bool> element_used;                // by Element index
  Grid3<double> import_price;                    // [o][s][t] USD/kg
  Grid3<double> import_available;                // [o][s][t] t/yr (kInf: unlimited)
  Grid3<double> import_licensed;                 // [o][s][t] 1: purchases capped by end use
  Grid3<double> export_price;                    // [x][s][t]
  Grid3<double> export_cap;                      // [x][s][t]
  Grid3<double> demand;                          // [d][s][t] t/yr
  Grid2<double> feed_available;                  // [f][t]
  std::vector<std::vector<int>> decision_years;  // [p] year indices at which p can be decided
  std::vector<std::string> suppliers;            // distinct, in order of first mention
  // Years (from the first) in which every scenario has the same data: nobody can yet tell
  // the scenarios apart, so their operations must be the same (non-anticipativity).
  int shared_years = 0;

  // Ids of the plan resolved to indices once, so that the blocks' loops over scenarios and
  // years do not look them up by string. -1: none.
  std::vector<int> project_deposit;  // [p] the deposit a mine works
  std::vector<int> project_feed;     // [p] the feed a recycling plant takes
  std::vector<int> project_magnet;   // [p] the magnet type a magnet plant makes
  std::vector<int> export_item;      // [x] element (oxide, metal) or magnet type of an export
  std::vector<bool> deposit_mined;   // [d] some mine project works deposit d
  // [p][d]: separation plant p may take deposit d's concentrate (it accepts d and d is mined).
  std::vector<std::vector<bool>> separation_takes;
  Grid2<double> import_oxide_eq;  // [o][e] oxide_equivalent of import option o
  Grid2<double> demand_oxide_eq;  // [d][e] oxide_equivalent of demand path d
  // The options that trade one commodity, in plan order, and its demand path (the first).
  struct Trade {
    std::vector<std::size_t> imports, exports;
    int demand = -1;
  };
  // [stage][item]: item is the deposit (concentrate), element (oxide, metal) or magnet type.
  std::array<std::vector<Trade>, kStageCount> trade;

  int year(int t) const { return plan->first_year + t; }
};

Prepared prepare(const PlanModel& plan);

// t REO-equivalent of element e in one unit of commodity c (oxide: 1 for its element; metal:
// oxide per metal; magnet: recipe times oxide per metal).
double oxide_equivalent(const PlanModel& plan, const Commodity& c, Element e);

enum class CostKind {
  Capex,
  Residual,
  Fixed,
  Variable,
  Feed,
  Imports,
  Exports,
  Storage,
  Disposal,
  Shortfall,
  GoalPenalty
};
inline constexpr int kCostKinds = 11;
std::string_view cost_kind_name(CostKind k);

// One term of the objective: coef * x[col] (col -1: a constant) as money spent in `year` of
// scenario s (-1: first stage, the same in every scenario), weighted in the objective by
// `weight` (discount factor times probability).
struct CostTerm {
  int col = -1;
  double coef = 0.0;  // MUSD per unit of the column, undiscounted
  double weight = 0.0;
  CostKind kind = CostKind::Capex;
  int scenario = -1;
  int year = 0;  // year index
};

// A goal's constraint in one scenario and year: measure (>= or <=) target, plus or minus a
// violation column that is fixed at 0 for hard goals unless they are being relaxed.
struct GoalRow {
  int goal = 0;
  int scenario = -1;  // -1: first stage (budgets)
  int year = -1;      // -1: whole horizon (total budget)
  LinExpr measure;
  LinExpr target;
  LinExpr base;  // denominator when the goal is a share (empty otherwise)
  bool at_least = true;
  double scale = 1.0;  // typical size, to compare violations of different goals
  // Soft goals: the part of the target beyond what every candidate project at full size could
  // reach (t); it is reported, not charged (a constant penalty would steer nothing).
  double unreachable = 0.0;
  double weight = 0.0;  // of the violation's penalty: probability x discount factor
  int row = -1;
  int violation = -1;
};

enum class BuildMode { Optimise, Reference };

struct MilpContext {
  const PlanModel& plan;
  const Prepared& prep;
  BuildMode mode;
  LinearModel lp;
  std::vector<CostTerm> costs;
  std::vector<GoalRow> goal_rows;

  // First stage.
  Grid2<int> build;             // [p][t]: modules decided in year t, or -1
  Grid2<int> capacity;          // [p][t]: capacity online, or -1 when none can be
  std::vector<int> capex_paid;  // [t]: MUSD of capex spent in year t
  // Second stage, [s][...][t].
  Grid3<int> output;                  // [s][p][t] project output in its unit
  std::vector<Grid3<int>> sep_feed;   // [s][p][d][t] concentrate of deposit d into plant p
  std::vector<Grid3<int>> metal_out;  // [s][p][e][t] t metal of element e from plant p
  Grid3<int> imports;                 // [s][o][t]
  Grid3<int> exports;                 // [s][x][t]
  Grid3<int> shortfall;               // [s][d][t]
  Grid3<int> stock;                   // [s][e][t] domestic oxide held at the end of year t
  Grid3<int> stock_imported;          // [s][e][t] imported oxide held at the end of year t
  Grid3<int> dispose_oxide;           // [s][e][t]
  Grid3<int> dispose_concentrate;     // [s][deposit][t]

  MilpContext(const PlanModel& p, const Prepared& pr, BuildMode m) : plan(p), prep(pr), mode(m) {}

  void cost(int col, double coef, double weight, CostKind kind, int scenario, int year) {
    if (coef != 0.0) costs.push_back({col, coef, weight, kind, scenario, year});
  }
  // Probability times discount factor: the weight of a second-stage cost.
  double weight(int s, int t) const {
    return plan.scenarios[static_cast<std::size_t>(s)].probability *
           prep.discount[static_cast<std::size_t>(t)];
  }
};

}  // namespace rareflow::plan::detail
