// `rareflow balance`: the base-year material balance by stage, region and element.
#include <fmt/format.h>

#include "command.hpp"
#include "output.hpp"
#include "rareflow/data/balance_tables.hpp"

namespace rareflow::app {
namespace {

struct BalanceOptions {
  int year = 0;
  std::string region;
  FormatOption format;
  std::string out;
};

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<BalanceOptions>();
  auto* c = root.add_subcommand("balance", "base-year material balance (accounting, not a market)");
  c->add_option("--year", o->year, "year (default: the data package's base year)");
  c->add_option("--region", o->region, "one region's lines (ISO alpha-3 or ROW)");
  add_format_option(c, o->format);
  c->add_option("--out", o->out, "write to this file instead of stdout");
  c->callback([o, &g] {
    const Format f = o->format.get(o->out);
    const Dataset& d = dataset(g);
    int year = o->year ? o->year : d.schema.base_year;
    auto b = build_balance(d, year);
    if (!b) throw_error(b.error());
    emit_tables(value_or_throw(balance_tables(d, *b, o->region, f != Format::Table)), f, o->out,
                "balance", g);
  });
}

const bool kRegistered = register_command(20, setup);

}  // namespace
}  // namespace rareflow::app
