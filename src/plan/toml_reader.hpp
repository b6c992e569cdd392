// Checked reading of TOML tables: every problem becomes a Diagnostic that names the place
// (file:line:column), the field path and what was expected versus found. Unknown keys are
// reported with a "did you mean". Readers never throw; the caller collects and throws once.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "rareflow/core/elements.hpp"
#include "rareflow/core/error.hpp"
#include "rareflow/plan/plan_model.hpp"

namespace rareflow::plan::detail {

struct ParseContext {
  std::string file;
  Diagnostics diags;
  std::map<std::string, double> per_usd;  // currency rates known so far
  bool horizon_ok = false;                // first/last year read and sensible

  void error(const toml::source_region& where, const std::string& field, std::string message);
};

// "string \"abc\"", "integer 5", "table", ... for "found ..." messages.
std::string describe(const toml::node& n);

class TableReader {
 public:
  // `allowed` lists the keys this table may hold; others are reported.
  TableReader(ParseContext& ctx, const toml::table& t, std::string path,
              std::vector<std::string_view> allowed);
  // A reader whose keys were checked elsewhere (e.g. the file's root, read in several passes).
  static TableReader unchecked(ParseContext& ctx, const toml::table& t, std::string path);

  const toml::table& raw() const { return *t_; }
  ParseContext& ctx() { return *ctx_; }
  const std::string& path() const { return path_; }
  std::string field(std::string_view key) const;
  bool has(std::string_view key) const { return t_->get(key) != nullptr; }
  const toml::node* node(std::string_view key) const { return t_->get(key); }

  std::optional<double> number(std::string_view key, bool required = false);
  // A number that must lie in [lo, hi]; `what` describes the range for the message.
  std::optional<double> number_in(std::string_view key, double lo, double hi, std::string_view what,
                                  bool required = false);
  std::optional<int> integer(std::string_view key, bool required = false);
  std::optional<std::string> string(std::string_view key, bool required = false);
  std::optional<bool> boolean(std::string_view key);
  const toml::table* table(std::string_view key, bool required = false);
  const toml::array* array(std::string_view key, bool required = false);
  // Strings given as one string or an array of strings.
  std::optional<std::vector<std::string>> strings(std::string_view key, bool required = false);
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

  void error(std::string_view key, std::string message);
  void error_here(std::string message);  // about the table itself
  void expected(std::string_view key, std::string_view what);

 private:
  TableReader(ParseContext& ctx, const toml::table& t, std::string path)
      : ctx_(&ctx), t_(&t), path_(std::move(path)) {}

  ParseContext* ctx_;
  const toml::table* t_;
  std::string path_;
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
