// The plan's TOML reader: the data layer's checked reader (rareflow/data/toml_reader.hpp) plus
// the plan's value kinds, and the sane ranges of plan quantities.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "rareflow/core/elements.hpp"
#include "rareflow/core/error.hpp"
#include "rareflow/data/toml_reader.hpp"
#include "rareflow/plan/plan_model.hpp"

namespace rareflow::plan::detail {

using data::describe;

// The plan file's context: its diagnostics plus what later sections need from earlier ones.
struct ParseContext : data::TomlContext {
  std::map<std::string, double> per_usd;  // currency rates known so far
  bool horizon_ok = false;                // first/last year read and sensible
};

// The data layer's reader plus the plan's own value kinds (money, year paths, shares, notes).
class TableReader : public data::TableReader {
 public:
  TableReader(ParseContext& ctx, const toml::table& t, std::string path,
              const std::vector<std::string_view>& allowed)
      : data::TableReader(ctx, t, std::move(path), allowed), ctx_(&ctx) {}
  static TableReader unchecked(ParseContext& ctx, const toml::table& t, std::string path) {
    return TableReader(ctx, t, std::move(path));
  }

  ParseContext& ctx() { return *ctx_; }

  // Money: a number in million USD, or { value = 7, unit = "RUB billion" }.
  std::optional<double> money_musd(std::string_view key, bool required = false);
  // A number (constant) or a table { 2025 = 1.0, 2030 = 2.0 }, every value in [lo, hi]
  // (`what` names the unit and range for the message). Values the solver cannot take (e.g.
  // 1e308 t) are refused here, at load, with the file's line and column.
  std::optional<YearPath> year_path(std::string_view key, bool required, double lo, double hi,
                                    std::string_view what);
  // { La = 25.0, Ce = 50.5, ... } in percent (or shares) of the total; normalised to 1.
  std::optional<ElementShares> element_shares(std::string_view key, bool normalise,
                                              bool required = false);
  // source / confidence / reason of this entry.
  SourceNote note();

 private:
  TableReader(ParseContext& ctx, const toml::table& t, std::string path)
      : data::TableReader(ctx, t, std::move(path)), ctx_(&ctx) {}

  ParseContext* ctx_;
};

// The keys every entry may carry for its source note.
// Sane ranges by unit, wide enough for any country's rare-earth chain and narrow enough that
// coefficients stay far inside what Clp/Cbc accept (they abort on |objective| >= 1e25).
inline constexpr double kMaxTonnesPerYear = 1e8;  // 100 Mt/yr: ~250x world REO output 2024
inline constexpr double kMaxUsdPerKg = 1e6;       // prices, costs and penalties
inline constexpr double kMaxMusd = 1e7;           // 10 trillion USD
inline constexpr std::string_view kTonnesRange = "t/yr between 0 and 1e8";

inline constexpr std::string_view kNoteKeys[] = {"source", "confidence", "reason"};
std::vector<std::string_view> with_note(std::vector<std::string_view> keys);

}  // namespace rareflow::plan::detail
