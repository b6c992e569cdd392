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
  std::string format = "table";
  std::string out;
};

void setup(CLI::App& root, GlobalOptions& g) {
  auto o = std::make_shared<BalanceOptions>();
  auto* c = root.add_subcommand("balance", "base-year material balance (accounting, not a market)");
  c->add_option("--year", o->year, "year (default: the data package's base year)");
  c->add_option("--region", o->region, "one region's lines (ISO alpha-3 or ROW)");
  c->add_option("--format", o->format, "table, csv, json or xlsx (xlsx needs --out)");
  c->add_option("--out", o->out, "write to this file instead of stdout");
  c->callback([o, &g] {
    const Dataset& d = dataset(g);
    int year = o->year ? o->year : d.schema.base_year;
    auto b = build_balance(d, year);
    if (!b) throw std::runtime_error(b.error().message);
    emit_tables(balance_tables(d, *b, o->region, o->format != "table"), o->format, o->out,
                "balance", g);
  });
}

const bool kRegistered = register_command(20, setup);

}  // namespace
}  // namespace rareflow::app
