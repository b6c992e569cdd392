// Fuzz target: a plan file (TOML), parsed, validated and solved (optimised strategy only,
// with a short time limit), as `rareflow plan` does.
#include <exception>

#include "fuzz_input.hpp"
#include "rareflow/plan/plan_run.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  rareflow::plan::PlanRunOptions o;
  o.reference = false;
  o.solve.time_limit_s = 2.0;
  try {
    (void)rareflow::plan::run_plan(rareflow::fuzz::text_of(data, size), "plan.toml", o);
  } catch (const std::exception&) {
  }
  return 0;
}
