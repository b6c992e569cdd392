// `rareflow data check|show|schema`: look at the data package.
#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/data/balance.hpp"
#include "rareflow/data/summaries.hpp"
#include "rareflow/scenario/market_adapter.hpp"

namespace rareflow::app {
namespace {

struct DataOptions {
  std::string dir;
  std::string table;
  FormatOption format;
  std::string out;
  int year = 0;
};

void setup(CLI::App& root, GlobalOptions& g) {
  auto* data = root.add_subcommand("data", "check, show and describe the data package");
  data->require_subcommand(1);
  auto o = std::make_shared<DataOptions>();

  auto* check =
      data->add_subcommand("check", "validate a data package (default: the embedded one)");
  check->add_option("dir", o->dir, "data package directory");
  check->callback([o, &g] {
    if (!o->dir.empty()) g.data_dir = o->dir;
    const Dataset& d = dataset(g);
    // What the commands compute from the package alone must work too: a package that passes
    // here must not fail later in `balance` or `simulate` (issue 13).
    std::string later;
    if (auto b = build_balance(d, d.schema.base_year); !b)
      later += fmt::format("\n  balance {}: {}", d.schema.base_year, b.error().message);
    auto baseline = scenario::load_scenario("baseline", d);
    if (!baseline)
      later += fmt::format("\n  simulate baseline: {}", baseline.error().message);
    else if (auto m = scenario::build_market(d, *baseline); !m)
      later += fmt::format("\n  simulate baseline: {}", m.error().message);
    if (!later.empty())
      throw std::runtime_error(
          fmt::format("{}: the package loads, but commands would fail on it:{}", d.origin, later));
    std::size_t rows = 0;
    for (const auto& t : d.raw) rows += t.rows.size();
    fmt::print("ok: {} {} ({}): {} tables, {} rows, {} sources, every row cites a source\n",
               d.schema.name, d.schema.version, d.origin, d.raw.size(), rows, d.sources.size());
  });

  auto* show = data->add_subcommand("show", "human summaries of the data package");
  show->add_option("table", o->table,
                   "a table name, or one of: production, reserves, deposits, elements, sources "
                   "(default: production, reserves and deposits)");
  add_format_option(show, o->format);
  show->add_option("--out", o->out, "write to this file instead of stdout");
  show->add_option("--year", o->year, "year for production shares (default: base year)");
  show->callback([o, &g] {
    const Format f = o->format.get(o->out);
    const Dataset& d = dataset(g);
    emit_tables(value_or_throw(data_show(d, o->table, o->year)), f, o->out, "data show", g);
  });

  auto* schema = data->add_subcommand("schema", "tables and columns of the data package");
  add_format_option(schema, o->format);
  schema->add_option("--out", o->out, "write to this file instead of stdout");
  schema->callback([o, &g] {
    const Format f = o->format.get(o->out);
    emit_table(schema_table(dataset(g).schema), f, o->out, "data schema", g);
  });
}

const bool kRegistered = register_command(10, setup);

}  // namespace
}  // namespace rareflow::app
