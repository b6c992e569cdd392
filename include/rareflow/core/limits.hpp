// Bounds every reader applies to its input, so that no input can make rareflow run for minutes
// or echo megabytes: file size, line length, field length, row count, nesting depth, the year
// range of any dated input, and the length of values echoed in messages.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "rareflow/core/error.hpp"

namespace rareflow::limits {

inline constexpr std::size_t kMaxFileBytes = std::size_t{256} << 20;  // 256 MiB
inline constexpr std::size_t kMaxLineBytes = 64 * 1024;
inline constexpr std::size_t kMaxFieldBytes = 16 * 1024;
inline constexpr std::size_t kMaxRows = 2'000'000;
inline constexpr int kMaxNesting = 32;             // json arrays/objects inside each other
inline constexpr std::size_t kMaxNameChars = 200;  // scenario, policy and plan names
inline constexpr std::size_t kMaxEchoChars = 80;   // of a found value quoted in a message
// Largest magnitude a coefficient, cost, bound or right-hand side may have when it reaches Clp
// or Cbc (infinite bounds excepted): Clp aborts on |cost| >= 1e25, and values near 1e15 already
// swamp its 1e-7 tolerances. The model's own numbers stay below 1e10 (USD million, t, USD/kg).
inline constexpr double kMaxSolverValue = 1e15;
// Years any dated input may name (data, scenarios, dsm series, results): wide enough for
// historical series and long scenarios, narrow enough that year arithmetic never overflows.
inline constexpr int kMinYear = 1800;
inline constexpr int kMaxYear = 2300;

}  // namespace rareflow::limits

namespace rareflow {

// `s` quoted for a message, cut to kMaxEchoChars with the length said when longer.
std::string echo(std::string_view s);

// The first bound `text` breaks (file size, line length, row count) as a diagnostic of `file`
// with its line; an empty message when it keeps them all.
Diagnostic check_text_bounds(std::string_view text, const std::string& file);

// "" when a solver can take `v` (finite with |v| <= kMaxSolverValue, or, for a bound, an
// infinite one); otherwise what is wrong with it.
std::string solver_value_problem(double v, bool bound);

}  // namespace rareflow
