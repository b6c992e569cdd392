#include "rareflow/data/balance_tables.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

namespace rareflow {

namespace {

double sum(const ElementShares& a) {
  return total(a);
}

// Percentage of the world's `value` held by `region` (0 when the world has none).
template <class F>
double share_of(const Balance& b, const std::string& region, F value) {
  double world = 0, mine = 0;
  for (const auto& r : b.regions) {
    world += value(r);
    if (r.region == region) mine = value(r);
  }
  return world > 0 ? 100 * mine / world : 0;
}

std::vector<Element> shown_elements(bool all) {
  std::vector<Element> out;
  if (all) {
    for (const auto& e : element_table()) out.push_back(e.element);
    return out;
  }
  return {Element::La, Element::Ce, Element::Pr, Element::Nd, Element::Sm,
          Element::Gd, Element::Tb, Element::Dy, Element::Y};
}

Table mining_table(const Dataset& d, const Balance& b) {
  Table t;
  t.title = fmt::format("Mining, {}", b.year);
  t.columns = {{"region", ""}, {"name", ""}, {"mined", "t REO", 0}, {"share", "%", 1}};
  double world = 0;
  for (const auto& r : b.regions) world += sum(r.mined);
  for (const auto& r : b.regions)
    if (sum(r.mined) > 0)
      t.add_row({r.region, d.region(r.region)->name, sum(r.mined), 100 * sum(r.mined) / world});
  t.add_row({std::string("World"), std::string(""), world, 100.0});
  return t;
}

Table separation_table(const Dataset& d, const Balance& b) {
  Table t;
  t.title = fmt::format("Separation and recycling, {}", b.year);
  t.columns = {{"region", ""},
               {"name", ""},
               {"separated", "t REO", 0},
               {"share", "%", 1},
               {"feed_not_separated", "t REO", 0},
               {"recycled", "t REO", 0}};
  double world = 0;
  for (const auto& r : b.regions) world += sum(r.separated);
  for (const auto& r : b.regions) {
    double gap = 0;
    for (const auto& l : r.lines)
      if (l.gap && l.stage == ChainStage::Separation && l.sign < 0) gap += l.total();
    if (sum(r.separated) > 0 || sum(r.recycled) > 0)
      t.add_row({r.region, d.region(r.region)->name, sum(r.separated),
                 100 * sum(r.separated) / world, gap, sum(r.recycled)});
  }
  t.add_row({std::string("World"), std::string(""), world, 100.0, kNaN, kNaN});
  t.notes.push_back(
      "separated = reported output (China: the official smelting quota); the "
      "feed not separated is a named gap, see the gaps table");
  return t;
}

Table magnets_table(const Dataset& d, const Balance& b) {
  Table t;
  t.title = fmt::format("Metal and NdFeB magnets, {}", b.year);
  t.columns = {{"region", ""},
               {"name", ""},
               {"magnets", "t magnet", 0},
               {"share", "%", 1},
               {"metal_for_magnets", "t metal", 0},
               {"magnet_REE_content", "t REO", 0}};
  double world = 0;
  for (const auto& r : b.regions) world += r.magnets_t;
  for (const auto& r : b.regions)
    if (r.magnets_t > 0)
      t.add_row({r.region, d.region(r.region)->name, r.magnets_t, 100 * r.magnets_t / world,
                 r.metal_t, sum(r.magnet_reo)});
  t.notes.push_back(fmt::format(
      "NdFeB recipe: {:.1f} wt% rare-earth metal (Nd {:.2f}, Pr {:.2f}, Dy {:.2f}, Tb {:.3f}, "
      "Gd {:.2f} wt%)",
      100 * sum(b.magnet_recipe_metal), 100 * b.magnet_recipe_metal[index(Element::Nd)],
      100 * b.magnet_recipe_metal[index(Element::Pr)],
      100 * b.magnet_recipe_metal[index(Element::Dy)],
      100 * b.magnet_recipe_metal[index(Element::Tb)],
      100 * b.magnet_recipe_metal[index(Element::Gd)]));
  return t;
}

// World totals per element by kind of line; trade cancels out at world level.
Table world_element_table(const Balance& b) {
  Table t;
  t.title = fmt::format("World balance by element, {} (t REO equivalent)", b.year);
  t.columns = {{"element", ""},
               {"mined", "t REO", 0},
               {"recycled", "t REO", 0},
               {"separated", "t REO", 0},
               {"into_magnets", "t REO", 0},
               {"other_uses", "t REO", 0},
               {"gap_concentrate_and_intermediate", "t REO", 0},
               {"gap_separation", "t REO", 0},
               {"gap_oxide_residual", "t REO", 0},
               {"closure", "t REO", 9}};
  for (const auto& e : element_table()) {
    std::size_t i = index(e.element);
    double mined = 0, rec = 0, sep = 0, mag = 0, other = 0, g1 = 0, g2 = 0, g3 = 0, clo = 0;
    for (const auto& r : b.regions) {
      mined += r.mined[i];
      rec += r.recycled[i];
      sep += r.separated[i];
      mag += r.magnet_reo[i];
      clo += b.closure(r)[i];
      for (const auto& l : r.lines) {
        if (l.stage == ChainStage::Use && l.other_unit.empty()) other += l.t_reo[i];
        if (!l.gap) continue;
        if (l.stage == ChainStage::Concentrate || l.stage == ChainStage::Intermediate)
          g1 += l.t_reo[i];
        else if (l.stage == ChainStage::Separation)
          g2 += l.t_reo[i];
        else
          g3 += l.t_reo[i];
      }
    }
    t.add_row({std::string(e.symbol), mined, rec, sep, mag, other, g1, g2, g3, clo});
  }
  t.notes.push_back(
      "closure = inputs - outputs over every region's lines; it is zero to a "
      "relative 1e-9 (checked when the balance is built)");
  t.notes.push_back(
      "gap_oxide_residual < 0: use above recorded separated supply (output outside "
      "quotas, unrecorded imports or stock draw); > 0: stock build or unrecorded use");
  return t;
}

Table sector_table(const Balance& b, bool all) {
  Table t;
  t.title = fmt::format("End use by sector, world, {} (t REO equivalent)", b.year);
  t.columns = {{"sector", ""}, {"total", "t REO", 0}};
  auto els = shown_elements(all);
  for (Element e : els) t.columns.push_back({std::string(info(e).symbol), "t REO", 0});
  std::map<std::string, ElementShares> by;
  std::vector<std::string> order;
  for (const auto& r : b.regions)
    for (const auto& l : r.lines)
      if (l.stage == ChainStage::Use) {
        if (!by.contains(l.item)) order.push_back(l.item);
        for (std::size_t i = 0; i < kElementCount; ++i) by[l.item][i] += l.t_reo[i];
      }
  for (const auto& item : order) {
    std::vector<Cell> row{item.substr(5), sum(by[item])};
    for (Element e : els) row.emplace_back(by[item][index(e)]);
    t.add_row(std::move(row));
  }
  t.notes.push_back(
      fmt::format("total REO demand {:.0f} t, scaled from magnet use and the magnets' "
                  "share of demand",
                  b.total_reo_demand));
  return t;
}

Table trade_table(const Balance& b) {
  Table t;
  t.title = fmt::format("Trade between regions, {}", b.year);
  t.columns = {{"stage", ""},        {"from", ""},     {"to", ""},    {"quantity", "t REO", 0},
               {"own_basis", "", 0}, {"own_unit", ""}, {"source", ""}};
  for (const auto& r : b.regions)
    for (const auto& l : r.lines)
      if (l.sign < 0 && !l.partner.empty())
        t.add_row({std::string(chain_stage_key(l.stage)), r.region, l.partner, l.total(), l.other,
                   l.other_unit, l.source});
  return t;
}

Table gaps_table(const Balance& b) {
  Table t;
  t.title = fmt::format("Named gaps where public figures do not add up, {}", b.year);
  t.columns = {{"region", ""}, {"stage", ""}, {"line", ""}, {"size", "t REO", 0}};
  for (const auto& r : b.regions)
    for (const auto& l : r.lines)
      if (l.gap)
        t.add_row({r.region, std::string(chain_stage_key(l.stage)), l.item.substr(5), l.total()});
  return t;
}

Table region_table(const Dataset& d, const Balance& b, const RegionBalance& r, bool all) {
  Table t;
  t.title = fmt::format(
      "Balance of {} ({}), {} (t REO equivalent; sign: + enters, - leaves, 0 "
      "inside)",
      r.region, d.region(r.region)->name, b.year);
  t.columns = {{"stage", ""}, {"line", ""}, {"sign", ""}, {"total", "t REO", 0}};
  auto els = shown_elements(all);
  for (Element e : els) t.columns.push_back({std::string(info(e).symbol), "t REO", 0});
  t.columns.push_back({"own_basis", "", 0});
  t.columns.push_back({"own_unit", ""});
  for (const auto& l : r.lines) {
    std::vector<Cell> row{std::string(chain_stage_key(l.stage)), l.item,
                          static_cast<long long>(l.sign), l.total()};
    for (Element e : els) row.emplace_back(l.t_reo[index(e)]);
    row.emplace_back(l.other);
    row.emplace_back(l.other_unit);
    t.add_row(std::move(row));
  }
  ElementShares c = b.closure(r);
  std::vector<Cell> row{std::string("closure"), std::string("inputs - outputs"),
                        static_cast<long long>(0), sum(c)};
  for (Element e : els) row.emplace_back(c[index(e)]);
  row.emplace_back(kNaN);
  row.emplace_back(std::string(""));
  t.add_row(std::move(row));
  if (!all) t.notes.push_back("key elements shown; --format csv or json lists all 17");
  return t;
}

}  // namespace

double separation_share(const Balance& b, const std::string& region) {
  return share_of(b, region, [](const RegionBalance& r) { return sum(r.separated); });
}

double magnet_share(const Balance& b, const std::string& region) {
  return share_of(b, region, [](const RegionBalance& r) { return r.magnets_t; });
}

Result<std::vector<Table>> balance_tables(const Dataset& d, const Balance& b,
                                          const std::string& region, bool all_elements) {
  if (!region.empty()) {
    const RegionBalance* r = b.region(region);
    if (!r) {
      std::vector<std::string> ids;
      for (const auto& x : b.regions) ids.push_back(x.region);
      std::string all;
      for (const auto& x : ids) all += (all.empty() ? "" : ", ") + x;
      Diagnostics diags;
      diags.add("--region", 0, 0, "region",
                fmt::format("expected a region with flows in {} ({}), found \"{}\"{}", b.year, all,
                            region, suggestion(region, ids)));
      return fail(std::move(diags));
    }
    return std::vector<Table>{region_table(d, b, *r, all_elements)};
  }
  Table sep = separation_table(d, b);
  sep.notes.push_back(
      fmt::format("China's share of separation: {:.1f}% (IEA: 91% in 2024, 92% in "
                  "2023)",
                  separation_share(b, "CHN")));
  Table mag = magnets_table(d, b);
  mag.notes.push_back(fmt::format("China's share of NdFeB magnet making: {:.1f}% (IEA: 94%)",
                                  magnet_share(b, "CHN")));
  return std::vector<Table>{
      mining_table(d, b), sep,          mag, world_element_table(b), sector_table(b, all_elements),
      trade_table(b),     gaps_table(b)};
}

}  // namespace rareflow
