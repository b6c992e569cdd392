// Checked reading of TOML tables, shared by the data package's schema, scenarios and plans:
// every problem becomes a Diagnostic that names the place (file:line:column), the field path
// and what was expected versus found. Unknown keys get one wording, with a suggestion().
// Readers never throw; the caller collects the diagnostics and throws once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "rareflow/core/error.hpp"
#include "rareflow/core/params.hpp"

namespace rareflow::data {

// The file being read and the problems found in it.
struct TomlContext {
  std::string file;
  Diagnostics diags;

  void error(const toml::source_region& where, const std::string& field, std::string message);
};

// "string \"abc\"", "integer 5", "a table", ... for "found ..." messages.
std::string describe(const toml::node& n);

// Reports each key of `t` not in `allowed`, at its value: "unknown key (did you mean "x"?);
// expected one of a, b, c". `path` prefixes the field ("policy[0]" -> "policy[0].x").
void check_keys(TomlContext& ctx, const toml::table& t, const std::string& path,
                const std::vector<std::string_view>& allowed);

class TableReader {
 public:
  // `allowed` lists the keys this table may hold; others are reported.
  TableReader(TomlContext& ctx, const toml::table& t, std::string path,
              const std::vector<std::string_view>& allowed);
  // A reader whose keys were checked elsewhere (e.g. the file's root, read in several passes).
  static TableReader unchecked(TomlContext& ctx, const toml::table& t, std::string path);

  const toml::table& raw() const { return *t_; }
  const std::string& path() const { return path_; }
  std::string field(std::string_view key) const;
  bool has(std::string_view key) const { return t_->get(key) != nullptr; }
  const toml::node* node(std::string_view key) const { return t_->get(key); }

  std::optional<double> number(std::string_view key, bool required = false);
  // A number that must lie in [lo, hi]; `what` describes the range for the message.
  std::optional<double> number_in(std::string_view key, double lo, double hi, std::string_view what,
                                  bool required = false);
  // The declared parameter `p`: its type and range checked ("expected <param_expectation>,
  // found ..."); a missing key is an error when required, else its default (or nullopt).
  std::optional<double> param(const ParamSpec& p);
  std::optional<int> integer(std::string_view key, bool required = false);
  std::optional<std::string> string(std::string_view key, bool required = false);
  std::optional<bool> boolean(std::string_view key);
  const toml::table* table(std::string_view key, bool required = false);
  const toml::array* array(std::string_view key, bool required = false);
  // Strings given as one string or an array of strings.
  std::optional<std::vector<std::string>> strings(std::string_view key, bool required = false);

  void error(std::string_view key, std::string message);
  void error_here(std::string message);  // about the table itself
  void expected(std::string_view key, std::string_view what);

 protected:
  TableReader(TomlContext& ctx, const toml::table& t, std::string path)
      : ctx_(&ctx), t_(&t), path_(std::move(path)) {}
  TomlContext& context() { return *ctx_; }

 private:
  TomlContext* ctx_;
  const toml::table* t_;
  std::string path_;
};

}  // namespace rareflow::data
