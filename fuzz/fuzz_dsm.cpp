// Fuzz target: a dsm CSV (year,value), run through `rareflow dsm` as an inflow series and as
// a stock series with a normal lifetime.
#include <exception>

#include "fuzz_input.hpp"
#include "rareflow/workflow/dsm.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  auto path = rareflow::fuzz::scratch_file(rareflow::fuzz::text_of(data, size), "series.csv");
  for (bool stock : {false, true}) {
    rareflow::workflow::DsmRequest r;
    (stock ? r.stock_file : r.inflow_file) = path.string();
    r.lifetime = "normal:12,3";
    r.negative_inflow_correction = stock;
    r.by_cohort = true;
    try {
      (void)rareflow::workflow::run_dsm(r);
    } catch (const std::exception&) {
    }
  }
  return 0;
}
