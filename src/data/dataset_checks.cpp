#include "data/dataset_checks.hpp"

#include <cmath>
#include <map>
#include <tuple>

#include <fmt/format.h>

namespace rareflow::detail {

namespace {

// Relative tolerance on shares that must add up to 100%.
constexpr double kShareTolerance = 1e-6;

struct Where {
  const RawTable* table;
  void add(Diagnostics& diags, std::size_t row, std::string_view col, std::string msg) const {
    const RawRow& r = table->rows[row];
    int i = table->spec->column_index(col);
    diags.add(table->file, r.line, i >= 0 ? r.columns[i] : 0, std::string(col), std::move(msg));
  }
};

void check_distributions(const Dataset& d, std::string_view name,
                         const std::vector<Distribution>& dists, Diagnostics& diags) {
  Where w{d.raw_table(name)};
  for (std::size_t i = 0; i < dists.size(); ++i) {
    double sum = dists[i].remainder_pct;
    for (double x : dists[i].listed_pct) sum += x;
    if (std::abs(sum - 100.0) > 100.0 * kShareTolerance)
      w.add(diags, i, "remainder",
            fmt::format("expected the element shares plus remainder to sum to 100 (% of TREO), "
                        "found {:.6g}; set remainder to {:.6g}",
                        sum, dists[i].remainder_pct + 100.0 - sum));
  }
}

std::string expected_unit(ChainStage stage) {
  if (stage == ChainStage::Magnet) return "t magnet";
  if (stage == ChainStage::Metal) return "t metal";
  return "t REO";
}

void check_units(const Dataset& d, Diagnostics& diags) {
  Where p{d.raw_table("production")};
  std::map<std::tuple<ChainStage, std::string, int, std::string>, int> seen;
  for (std::size_t i = 0; i < d.production.size(); ++i) {
    const auto& x = d.production[i];
    if (x.unit != expected_unit(x.stage))
      p.add(diags, i, "unit",
            fmt::format("expected \"{}\" for stage {}, found \"{}\"", expected_unit(x.stage),
                        chain_stage_key(x.stage), x.unit));
    auto [it, fresh] =
        seen.emplace(std::tuple{x.stage, x.region, x.year, x.element_text}, p.table->rows[i].line);
    if (!fresh)
      p.add(diags, i, "region",
            fmt::format("duplicate {} output for {} in {} (first on line {})",
                        chain_stage_key(x.stage), x.region, x.year, it->second));
  }
  Where r{d.raw_table("routes")};
  for (std::size_t i = 0; i < d.routes.size(); ++i) {
    const auto& x = d.routes[i];
    std::string want = expected_unit(x.stage);
    if (x.unit != want)
      r.add(diags, i, "unit",
            fmt::format("expected \"{}\" for stage {}, found \"{}\"", want,
                        chain_stage_key(x.stage), x.unit));
    if (x.from == x.to)
      r.add(diags, i, "to", fmt::format("expected a region other than {}", x.from));
  }
  Where f{d.raw_table("facilities")};
  for (std::size_t i = 0; i < d.facilities.size(); ++i) {
    const auto& x = d.facilities[i];
    if (!x.deposit.empty() && x.stage != ChainStage::Mine)
      f.add(diags, i, "deposit",
            fmt::format("expected no deposit for a {} facility", chain_stage_key(x.stage)));
    bool ok = (x.stage == ChainStage::Mine && x.unit == "t REO") ||
              (x.stage == ChainStage::Separation && (x.unit == "t REO" || x.unit == "t NdPr")) ||
              (x.stage == ChainStage::Metal && x.unit == "t metal") ||
              (x.stage == ChainStage::Magnet && x.unit == "t magnet") ||
              (x.stage == ChainStage::Recycling && (x.unit == "t REO" || x.unit == "t magnet"));
    if (!ok)
      f.add(diags, i, "unit",
            fmt::format("unit \"{}\" does not fit stage {}", x.unit, chain_stage_key(x.stage)));
  }
}

void check_shares(const Dataset& d, Diagnostics& diags) {
  // Mine mix: shares per (region, year) add up to 100, and every producer has a mix.
  std::map<std::pair<std::string, int>, double> mix;
  std::map<std::pair<std::string, int>, std::size_t> last_row;
  for (std::size_t i = 0; i < d.mine_mix.size(); ++i) {
    mix[{d.mine_mix[i].region, d.mine_mix[i].year}] += d.mine_mix[i].share_pct;
    last_row[{d.mine_mix[i].region, d.mine_mix[i].year}] = i;
  }
  Where m{d.raw_table("mine_mix")};
  for (const auto& [k, sum] : mix)
    if (std::abs(sum - 100.0) > 100.0 * kShareTolerance)
      m.add(diags, last_row[k], "share_pct",
            fmt::format("expected the shares of {} in {} to sum to 100 (%), found {:.6g}", k.first,
                        k.second, sum));
  int base = d.schema.base_year;
  Where p{d.raw_table("production")};
  for (std::size_t i = 0; i < d.production.size(); ++i) {
    const auto& x = d.production[i];
    if (x.stage == ChainStage::Mine && x.year == base && x.value > 0 &&
        !mix.contains({x.region, base}))
      p.add(diags, i, "region",
            fmt::format("{} mined {} t REO in {} but mine_mix.csv gives no ore mix for it",
                        x.region, x.value, base));
  }
  // Demand shares per (year, region, basis) add up to 100.
  std::map<std::tuple<int, std::string, std::string>, double> dem;
  std::map<std::tuple<int, std::string, std::string>, std::size_t> dem_row;
  for (std::size_t i = 0; i < d.demand.size(); ++i) {
    const auto& x = d.demand[i];
    dem[{x.year, x.region, x.basis}] += x.share_pct;
    dem_row[{x.year, x.region, x.basis}] = i;
  }
  Where dm{d.raw_table("demand")};
  // Present: check_dataset runs this only after check_parameters found no problem.
  const double magnet_pct = d.parameter("magnet_share_of_reo_demand").value_or(kNaN);
  for (const auto& [k, sum] : dem) {
    double want = std::get<2>(k) == "NdFeB use" ? 100.0 : 100.0 - magnet_pct;
    if (std::abs(sum - want) > 100.0 * kShareTolerance)
      dm.add(diags, dem_row[k], "share_pct",
             fmt::format("expected the {} shares of {} in {} to sum to {:.6g} (%), found {:.6g}",
                         std::get<2>(k), std::get<1>(k), std::get<0>(k), want, sum));
  }
}

void check_parameters(const Dataset& d, Diagnostics& diags) {
  static const char* kRequired[] = {"ndfeb_re_content", "magnet_share_of_reo_demand",
                                    "china_magnet_share", "china_nonmagnet_use_share"};
  const RawTable* t = d.raw_table("parameters");
  for (const char* id : kRequired) {
    bool found = false;
    for (const auto& p : d.parameters) found |= p.id == id;
    if (!found)
      diags.add(t ? t->file : "parameters.csv", 0, 0, "id",
                fmt::format("missing parameter \"{}\" needed by the base-year balance", id));
  }
}

void check_sectors(const Dataset& d, Diagnostics& diags) {
  Where w{d.raw_table("sectors")};
  for (std::size_t i = 0; i < d.sectors.size(); ++i) {
    const auto& s = d.sectors[i];
    bool needs_sd = s.lifetime_model != "fixed";
    if (needs_sd && s.lifetime_mean_y > 0 && !(s.lifetime_sd_y > 0))
      w.add(diags, i, "lifetime_sd_y",
            fmt::format("expected a positive value for a {} lifetime, found {}", s.lifetime_model,
                        s.lifetime_sd_y));
  }
}

// A market region is a region of its own (one level: no chains) and not the world; regional
// use names an oxide sector (or all of them) of a region that is not China's.
void check_regions(const Dataset& d, Diagnostics& diags) {
  Where w{d.raw_table("regions")};
  for (std::size_t i = 0; i < d.regions.size(); ++i) {
    const auto& r = d.regions[i];
    if (r.market_region.empty()) continue;
    const Region* m = d.region(r.market_region);
    if (m && (m->kind == RegionKind::World || !m->market_region.empty() || m->id == r.id))
      w.add(diags, i, "market_region",
            fmt::format("expected a region that is resolved on its own (not the world, not "
                        "itself, no market_region of its own), found \"{}\"",
                        r.market_region));
  }
  Where u{d.raw_table("regional_use")};
  for (std::size_t i = 0; i < d.regional_use.size(); ++i) {
    const auto& x = d.regional_use[i];
    const Sector* s = d.sector(x.sector);
    if (x.sector != RegionalUse::kNonMagnet && (!s || s->commodity != "oxide"))
      u.add(diags, i, "sector",
            fmt::format("expected an oxide sector id or \"{}\", found \"{}\"",
                        RegionalUse::kNonMagnet, x.sector));
    if (d.market_region(x.region) != x.region || x.region == "CHN" || x.region == "WLD")
      u.add(diags, i, "region",
            fmt::format("expected a market region other than CHN (whose use is "
                        "china_nonmagnet_use_share) and WLD, found \"{}\"",
                        x.region));
  }
}

}  // namespace

void check_dataset(const Dataset& d, Diagnostics& diags) {
  check_distributions(d, "distributions", d.distributions, diags);
  check_distributions(d, "sector_recipes", d.sector_recipes, diags);
  check_units(d, diags);
  check_parameters(d, diags);
  if (!diags.empty()) return;  // share checks read parameters
  check_shares(d, diags);
  check_sectors(d, diags);
  check_regions(d, diags);
}

}  // namespace rareflow::detail
