// `rareflow compare A B`: differences in key results (prices by region group, China's
// production shares, shortfalls) between two scenarios, each given as a scenario (name or
// .toml) that is run now, or as a results directory written by `rareflow simulate --out`.
#include <filesystem>

#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/scenario/market_adapter.hpp"
#include "rareflow/workflow/results_dir.hpp"

namespace rareflow::app {
namespace {

namespace fs = std::filesystem;

struct CompareOptions {
  std::string a, b;
  std::string years;
  FormatOption format;
  std::string out;
};

IamcTable results_of(const std::string& what, const scenario::RunOptions& ro, GlobalOptions& g) {
  // A results directory needs no data package: load it only for a scenario.
  std::error_code ec;
  auto r = fs::is_directory(what, ec) ? workflow::read_results_dir(what)
                                      : workflow::results_of(dataset(g), what, ro);
  if (!r) throw_error(r.error());
  return std::move(*r);
}

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<CompareOptions>();
  auto* c = root.add_subcommand(
      "compare", "differences in key results between two scenarios or two results directories");
  c->add_option("A", o->a, "scenario (name or .toml) or results directory (with results.csv)")
      ->required();
  c->add_option("B", o->b, "scenario (name or .toml) or results directory (with results.csv)")
      ->required();
  c->add_option("--years", o->years, "years to run and show, FIRST..LAST");
  add_format_option(c, o->format);
  c->add_option("--out", o->out, "write to this file instead of stdout");
  c->callback([o, &g] {
    const Format f = o->format.get(o->out);
    scenario::RunOptions ro;
    std::vector<int> years;
    if (!o->years.empty()) {
      auto y = scenario::parse_year_range(o->years);
      if (!y) throw option_error("--years", y.error().message);
      ro.first_year = y->first;
      ro.last_year = y->second;
      for (int v = y->first; v <= y->second; ++v) years.push_back(v);
    }
    IamcTable a = results_of(o->a, ro, g);
    IamcTable b = results_of(o->b, ro, g);
    auto tables = scenario::compare_tables(a, b, years);
    if (!tables) throw_error(tables.error());
    emit_tables(*tables, f, o->out, "compare", g);
  });
}

const bool kRegistered = register_command(55, setup);

}  // namespace
}  // namespace rareflow::app
