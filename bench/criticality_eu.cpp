// Cost of a full EU assessment: 17 elements, two stages, both terms, 30 supplier countries each,
// with explain text and the audit tables (what `rareflow criticality --format table` does).
#include <benchmark/benchmark.h>

#include <string>

#include "rareflow/criticality/report.hpp"

namespace {
using namespace rareflow::criticality;

std::vector<CountryShare> shares(int n, int shift) {
  std::vector<CountryShare> s;
  double total = 0.0;
  for (int i = 0; i < n; ++i) total += 1.0 / (i + 1 + shift);
  for (int i = 0; i < n; ++i) s.push_back({"C" + std::to_string(i), 1.0 / (i + 1 + shift) / total});
  return s;
}

struct Fixture {
  Governance g;
  TradeFactorTable t;
  std::vector<EuMaterialInput> in;
  Fixture() {
    g.year = 2023;
    for (int i = 0; i < 30; ++i) g.scaled["C" + std::to_string(i)] = 1.0 + 0.25 * i;
    t.rows.push_back({"REE", SupplyStage::Processing, "C0", 1.1, std::nullopt, "bench"});
    for (int e = 0; e < 17; ++e) {
      EuMaterialInput m;
      m.material = "M" + std::to_string(e);
      m.eol_rir = 0.01;
      m.si_sr = 0.95;
      for (SupplyStage s : {SupplyStage::Extraction, SupplyStage::Processing}) {
        EuStageInput st;
        st.stage = s;
        st.global_supply = shares(30, e);
        st.sourcing = shares(30, e + 1);
        st.import_reliance = 0.8;
        m.stages.push_back(st);
      }
      m.economic_importance_given = 4.0;
      in.push_back(std::move(m));
    }
  }
};

void BM_AssessEuAll(benchmark::State& state) {
  Fixture f;
  for (auto _ : state) benchmark::DoNotOptimize(assess_eu_all(f.in, f.g, f.t));
}
BENCHMARK(BM_AssessEuAll);

void BM_AssessExplainAndTables(benchmark::State& state) {
  Fixture f;
  for (auto _ : state) {
    auto r = assess_eu_all(f.in, f.g, f.t);
    std::string text = explain(r->front());
    auto csv = rareflow::to_csv(eu_table(*r)) + rareflow::to_csv(eu_terms_table(*r));
    benchmark::DoNotOptimize(text);
    benchmark::DoNotOptimize(csv);
  }
}
BENCHMARK(BM_AssessExplainAndTables);

}  // namespace

BENCHMARK_MAIN();
