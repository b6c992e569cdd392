// Where each block of a yearly LP lives: balance rows and the terms that enter them, facility
// columns and capacity rows, trade flows, demand steps, stocks, policy rows. Filled by the
// builders, read by the solution extraction and the mass-balance check.
#pragma once

#include <cassert>
#include <cstdint>
#include <utility>
#include <vector>

#include "lp_problem.hpp"

namespace rareflow::market::detail {

// How a column enters a (commodity, region) balance. Supply kinds come first.
enum class Term : std::uint8_t {
  Production,
  Import,
  StockDraw,
  StockpileRelease,
  Recycling,  // oxide returned by magnet making's scrap
  InputUse,
  Consumption,
  Export,
  StockBuild,
  StockpileFill,
  Disposal,
};
inline constexpr std::size_t kTermCount = 11;
inline bool is_supply(Term t) {
  return t <= Term::Recycling;
}

struct BalanceTerm {
  int col;
  double coef;  // t of the commodity per unit of the column, > 0
  Term kind;
};

struct SepColumn {
  std::size_t plant, source;
  int col;
};
struct MetalColumn {
  std::size_t plant, element;
  int col;
};
struct MagnetColumn {
  std::size_t plant, route;  // route: index into Topology::routes
  int col;
};
struct FlowColumn {
  std::size_t commodity, from, to, arc;
  int col;
  double tax_usd_per_kg;
};
// A policy's limit row; row = -1 when the policy is not in force this year: no row is added
// (an inactive row would still change the simplex path and so the choice among equal-cost
// solutions), and its activity is summed from `cols` after the solve.
struct PolicyRowIndex {
  std::size_t policy, commodity;
  int row;
  double bound;
  std::vector<std::pair<int, double>> cols;  // only when row = -1
};

struct LpIndex {
  std::vector<int> balance;                     // per (c, r); -1 when absent
  std::vector<std::vector<BalanceTerm>> terms;  // per (c, r)
  std::vector<int> mine;                        // per ore source
  std::vector<SepColumn> sep;                   // grouped by plant
  std::vector<int> sep_capacity;                // per plant; -1 when the plant has no feed
  std::vector<MetalColumn> metal;
  std::vector<int> metal_capacity;
  std::vector<MagnetColumn> magnet;  // grouped by plant
  std::vector<int> magnet_capacity;  // per plant
  std::vector<FlowColumn> flows;
  std::vector<int> demand_first, demand_count;         // per demand: its step columns
  std::vector<double> demand_reference;                // per demand, t
  std::vector<int> draw, build, disposal;              // per (c, r); -1 when absent
  std::vector<int> stockpile_fill, stockpile_release;  // per policy; -1 for other kinds
  std::vector<PolicyRowIndex> policy_rows;
};

// Adds column `col` to the balance of cell (c, r) with quantity `coef` of kind `kind`.
inline void add_term(LpProblem& lp, LpIndex& ix, std::size_t cell, int col, double coef,
                     Term kind) {
  int row = ix.balance[cell];
  assert(row >= 0 && "the topology must create every balance a builder touches");
  lp.add(row, col, is_supply(kind) ? coef : -coef);
  ix.terms[cell].push_back({col, coef, kind});
}

}  // namespace rareflow::market::detail
