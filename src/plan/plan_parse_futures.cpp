// [futures]: the distributions `plan --futures N` samples (plan_model.hpp FuturesSpec). Read
// with the uncertainty layer's reader (core/distribution.hpp), so a number or any distribution
// table is accepted and checked with file:line:column.
#include "plan_parse.hpp"

namespace rareflow::plan::detail {

void parse_futures(ParseContext& ctx, const toml::table& root, PlanModel& plan) {
  TableReader top = TableReader::unchecked(ctx, root, "");
  const toml::table* t = top.table("futures");
  if (!t) return;
  TableReader r(ctx, *t, "futures", with_note({"from_year", "import_price", "demand"}));
  FuturesSpec f;
  f.from_year = r.integer("from_year", true).value_or(plan.first_year);
  if (r.has("from_year")) check_year_in_horizon(r, "from_year", f.from_year, plan);
  // Factors, dimensionless: 0 to 10 times the plan's prices or demand.
  const DeclaredRange factor{0.0, 10.0, false, ""};
  for (auto [key, dist] : {std::pair{"import_price", &f.import_price}, {"demand", &f.demand}}) {
    const toml::node* n = r.node(key);
    if (!n) continue;
    if (auto d = read_distribution(*n, ctx.file, r.field(key), factor, ctx.diags)) *dist = *d;
  }
  f.note = r.note();
  plan.futures = std::move(f);
}

}  // namespace rareflow::plan::detail
