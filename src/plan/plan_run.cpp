#include "rareflow/plan/plan_run.hpp"

#include <fmt/format.h>

#include "rareflow/core/io.hpp"
#include "rareflow/plan/plan_io.hpp"
#include "rareflow/plan/plan_report.hpp"

namespace rareflow::plan {

Result<PlanRunResult> run_plan(const std::string& text, const std::string& file_name,
                               const PlanRunOptions& options) {
  PlanRunResult r;
  r.plan = parse_plan(text, file_name);
  if (options.on_phase) options.on_phase(0, "optimised");
  auto opt = solve_plan(r.plan, Strategy::Optimised, options.solve);
  if (!opt) return std::unexpected(opt.error());
  r.optimised = std::move(*opt);
  if (options.reference) {
    if (options.on_phase) options.on_phase(1, "reference");
    auto ref = solve_plan(r.plan, Strategy::Reference, options.solve);
    if (!ref) return std::unexpected(ref.error());
    r.reference = std::move(*ref);
  }
  const PlanSolution* ref = r.reference ? &*r.reference : nullptr;
  r.tables = plan_tables(r.plan, r.optimised, ref);
  r.iamc = plan_iamc(r.plan, r.optimised, ref);
  if (options.lp_text) r.lp = plan_lp_text(r.plan, Strategy::Optimised);
  return r;
}

namespace {
// "Costs per year, undiscounted (optimised strategy)" -> "costs_per_year".
std::string file_stem(const std::string& title) {
  std::string head = title.substr(0, title.find_first_of(":(,"));
  while (!head.empty() && head.back() == ' ') head.pop_back();
  for (char& c : head) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '-') c = '_';
  }
  return head;
}
}  // namespace

Result<void> write_plan_outputs(const PlanRunResult& result, const std::filesystem::path& dir) {
  std::vector<NamedText> files;
  for (const auto& t : result.tables) files.emplace_back(file_stem(t.title) + ".csv", to_csv(t));
  files.emplace_back("results.csv", iamc_to_csv(result.iamc));
  files.emplace_back("results.json", iamc_to_json(result.iamc));
  files.emplace_back("run.json", run_record_to_json(result.iamc.record));
  return write_dir_atomic(dir, files);
}

}  // namespace rareflow::plan
