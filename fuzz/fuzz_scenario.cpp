// Fuzz target: a scenario file (TOML). Loaded against the embedded world package; when it
// loads, its first two years are simulated, so values that pass the reader but break the
// market LP are found too.
#include <algorithm>
#include <exception>

#include "fuzz_input.hpp"
#include "rareflow/scenario/market_adapter.hpp"
#include "rareflow/scenario/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  static const rareflow::Dataset d = rareflow::value_or_throw(rareflow::load_default_dataset());
  auto path = rareflow::fuzz::scratch_file(rareflow::fuzz::text_of(data, size), "scenario.toml");
  try {
    auto loaded = rareflow::scenario::load_scenario(path.string(), d);
    if (!loaded) return 0;
    const auto& s = *loaded;
    rareflow::scenario::RunOptions o;
    o.first_year = s.first_year;
    o.last_year = std::min(s.last_year, s.first_year + 1);
    (void)rareflow::scenario::run_scenario(d, s, o);
  } catch (const std::exception&) {
  }
  return 0;
}
