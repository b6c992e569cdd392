#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "rareflow/core/io.hpp"
#include "rareflow/report/sankey.hpp"
#include "unit/report/markup_check.hpp"

namespace rareflow::report {
namespace {

using E = Element;

// A small balanced chain, t REO, by hand: CHN mines 100 Nd, 30 Pr, 5 Dy; AUS mines 20 Nd, 6 Pr.
// CHN separates all of its own ore and 10 Nd + 3 Pr of AUS's; MYS separates the rest of AUS's
// (10 Nd, 3 Pr). Separated oxide goes to magnets in CHN and JPN and on to end uses.
std::vector<ChainFlow> chain() {
  return {
      {"Mine", "CHN", "Separation", "CHN", E::Nd, 100},
      {"Mine", "CHN", "Separation", "CHN", E::Pr, 30},
      {"Mine", "CHN", "Separation", "CHN", E::Dy, 5},
      {"Mine", "AUS", "Separation", "CHN", E::Nd, 10},
      {"Mine", "AUS", "Separation", "CHN", E::Pr, 3},
      {"Mine", "AUS", "Separation", "MYS", E::Nd, 10},
      {"Mine", "AUS", "Separation", "MYS", E::Pr, 3},
      // CHN separation (Nd 110, Pr 33, Dy 5) -> CHN magnets all but 2 Nd lost.
      {"Separation", "CHN", "Magnet", "CHN", E::Nd, 108},
      {"Separation", "CHN", "End use", "Losses", E::Nd, 2},
      {"Separation", "CHN", "Magnet", "CHN", E::Pr, 33},
      {"Separation", "CHN", "Magnet", "CHN", E::Dy, 5},
      {"Separation", "MYS", "Magnet", "JPN", E::Nd, 10},
      {"Separation", "MYS", "Magnet", "JPN", E::Pr, 3},
      {"Magnet", "CHN", "End use", "EV", E::Nd, 60},
      {"Magnet", "CHN", "End use", "Wind", E::Nd, 48},
      {"Magnet", "CHN", "End use", "EV", E::Pr, 33},
      {"Magnet", "CHN", "End use", "EV", E::Dy, 5},
      {"Magnet", "JPN", "End use", "EV", E::Nd, 10},
      {"Magnet", "JPN", "End use", "EV", E::Pr, 3},
  };
}

double link_value(const SankeyData& d, const std::string& from, const std::string& to) {
  for (const auto& l : d.links)
    if (l.from == from && l.to == to) return l.value;
  return NAN;
}

TEST(Sankey, StageOrderFollowsTheChain) {
  auto f = chain();
  // Put an end-use flow first: the order must still be the chain's.
  std::rotate(f.begin(), f.begin() + 13, f.end());
  auto order = chain_stage_order(f);
  ASSERT_TRUE(order.has_value()) << order.error().message;
  EXPECT_EQ(*order, (std::vector<std::string>{"Mine", "Separation", "Magnet", "End use"}));
}

TEST(Sankey, GroupLinksAreSumsOfTheirElements) {
  auto d = sankey_from_flows(chain(), {"Nd+Pr", {E::Nd, E::Pr}});
  ASSERT_TRUE(d.has_value()) << d.error().message;
  EXPECT_EQ(d->name, "Nd+Pr");
  EXPECT_EQ(d->title, "Base-year flows, Nd+Pr [t REO]");
  // By hand: Mine CHN -> Separation CHN = 100 Nd + 30 Pr = 130 (Dy is not selected).
  EXPECT_DOUBLE_EQ(link_value(*d, "Mine|CHN", "Separation|CHN"), 130.0);
  EXPECT_DOUBLE_EQ(link_value(*d, "Mine|AUS", "Separation|MYS"), 13.0);
  EXPECT_DOUBLE_EQ(link_value(*d, "Separation|CHN", "Magnet|CHN"), 141.0);  // 108 + 33
  EXPECT_DOUBLE_EQ(link_value(*d, "Magnet|CHN", "End use|EV"), 93.0);       // 60 + 33
  EXPECT_EQ(d->stages, (std::vector<std::string>{"Mine", "Separation", "Magnet", "End use"}));
  for (const auto& l : d->links) EXPECT_EQ(l.unit, "t REO");
}

TEST(Sankey, FlowsOutEqualFlowsInAtEveryIntermediateNode) {
  for (const auto& g : key_element_groups()) {
    auto d = sankey_from_flows(chain(), g);
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(check_sankey_balance(*d, 1e-9).has_value()) << g.name;
    for (const auto& f : node_flows(*d))
      if (f.in > 0 && f.out > 0) {
        EXPECT_NEAR(f.in, f.out, 1e-9 * f.in) << f.id;
      }
  }
  // Separation CHN receives 143 t Nd+Pr (110 + 33) and passes on 141 + 2 lost.
  auto d = sankey_from_flows(chain(), {"Nd+Pr", {E::Nd, E::Pr}});
  for (const auto& f : node_flows(*d))
    if (f.id == "Separation|CHN") {
      EXPECT_DOUBLE_EQ(f.in, 143.0);
      EXPECT_DOUBLE_EQ(f.out, 143.0);
    }
}

TEST(Sankey, BalanceCheckNamesTheNodeThatLeaks) {
  auto f = chain();
  f[7].value = 107;  // Separation CHN -> Magnet CHN, Nd: one tonne disappears
  auto d = sankey_from_flows(f, {"Nd", {E::Nd}});
  ASSERT_TRUE(d.has_value());
  auto ok = check_sankey_balance(*d, 1e-9);
  ASSERT_FALSE(ok.has_value());
  EXPECT_NE(ok.error().message.find("'Separation|CHN' receives 110 but passes on 109"),
            std::string::npos)
      << ok.error().message;
}

TEST(Sankey, SmallNodesMergeIntoOtherKeepingBalance) {
  SankeyBuildOptions o;
  o.max_nodes_per_stage = 1;  // one box per stage: everything else becomes "Other"
  auto d = sankey_from_flows(chain(), {"Nd+Pr", {E::Nd, E::Pr}}, o);
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(check_sankey_balance(*d).has_value());
  // One box per stage: each column is a single "Other" node carrying the whole flow.
  for (const auto& n : d->nodes) EXPECT_EQ(n.label, "Other") << n.id;
  o.max_nodes_per_stage = 2;  // the largest node and "Other"
  d = sankey_from_flows(chain(), {"Nd+Pr", {E::Nd, E::Pr}}, o);
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(check_sankey_balance(*d).has_value());
  // End use has EV (60 + 33 + 10 + 3 = 106), Wind (48) and Losses (2): EV stays, the other
  // two merge; the total reaching end use is unchanged (156 mined).
  EXPECT_DOUBLE_EQ(link_value(*d, "Magnet|CHN", "End use|Other"), 48.0);
  EXPECT_DOUBLE_EQ(link_value(*d, "Separation|CHN", "End use|Other"), 2.0);
  EXPECT_DOUBLE_EQ(link_value(*d, "Magnet|CHN", "End use|EV"), 93.0);
  double end_use_in = 0;
  for (const auto& l : d->links)
    if (l.to.starts_with("End use|")) end_use_in += l.value;
  EXPECT_DOUBLE_EQ(end_use_in, 156.0);
  // Mine (CHN, AUS) and Separation (CHN, MYS) have two nodes each and keep them.
  EXPECT_FALSE(std::isnan(link_value(*d, "Mine|AUS", "Separation|MYS")));
}

TEST(Sankey, ValidationListsEveryProblem) {
  SankeyData d;
  d.nodes = {{"a", "A", 0}, {"b", "B", 1}, {"a", "A again", 2}};
  d.links = {{"a", "c", 1, "t"}, {"b", "a", 1, "t"}, {"a", "b", -1, "kt"}};
  auto ok = validate_sankey(d);
  ASSERT_FALSE(ok.has_value());
  const auto& m = ok.error().message;
  EXPECT_NE(m.find("node id 'a' appears twice"), std::string::npos);
  EXPECT_NE(m.find("link to unknown node 'c'"), std::string::npos);
  EXPECT_NE(m.find("not a finite non-negative"), std::string::npos);
  EXPECT_NE(m.find("mix units"), std::string::npos);
  // A cycle between stages cannot be drawn left to right.
  std::vector<ChainFlow> cyc{{"A", "x", "B", "y", E::Nd, 1}, {"B", "y", "A", "x", E::Nd, 1}};
  EXPECT_FALSE(chain_stage_order(cyc).has_value());
}

// Node heights are the scale times max(in, out); the bands entering and leaving a balanced
// node add up to its height, so the picture keeps the balance.
TEST(Sankey, LayoutHeightsFollowTheFlows) {
  auto d = sankey_from_flows(chain(), {"Nd+Pr", {E::Nd, E::Pr}});
  ASSERT_TRUE(d.has_value());
  auto L = layout_sankey(*d);
  ASSERT_TRUE(L.has_value()) << L.error().message;
  ASSERT_GT(L->scale, 0.0);
  std::vector<double> in_w(d->nodes.size(), 0.0), out_w(d->nodes.size(), 0.0);
  for (const auto& b : L->links) {
    EXPECT_NEAR(b.width, d->links[b.link].value * L->scale, 1e-9);
    out_w[b.from] += b.width;
    in_w[b.to] += b.width;
    // Bands start and end inside their nodes.
    EXPECT_GE(b.y_from, L->nodes[b.from].y - 1e-9);
    EXPECT_LE(b.y_from + b.width, L->nodes[b.from].y + L->nodes[b.from].height + 1e-6);
    EXPECT_GE(b.y_to, L->nodes[b.to].y - 1e-9);
    EXPECT_LE(b.y_to + b.width, L->nodes[b.to].y + L->nodes[b.to].height + 1e-6);
  }
  for (std::size_t i = 0; i < d->nodes.size(); ++i) {
    const auto& n = L->nodes[i];
    EXPECT_NEAR(n.height, L->scale * std::max(n.in, n.out), 1e-9);
    if (n.in > 0 && n.out > 0) {
      EXPECT_NEAR(in_w[i], n.height, 1e-9 * n.height) << d->nodes[i].id;
      EXPECT_NEAR(out_w[i], n.height, 1e-9 * n.height) << d->nodes[i].id;
    }
    // Nodes stay inside the drawing.
    EXPECT_GE(n.y, L->top - 1e-9);
    EXPECT_LE(n.y + n.height, L->bottom + 1e-6);
  }
  // Nodes of a column do not overlap.
  for (std::size_t i = 0; i < d->nodes.size(); ++i)
    for (std::size_t j = i + 1; j < d->nodes.size(); ++j)
      if (d->nodes[i].stage == d->nodes[j].stage) {
        const auto &a = L->nodes[i], &b = L->nodes[j];
        EXPECT_TRUE(a.y + a.height <= b.y + 1e-9 || b.y + b.height <= a.y + 1e-9);
      }
}

TEST(Sankey, SvgIsWellFormedAndDeterministic) {
  auto d = sankey_from_flows(chain(), {"Nd+Pr", {E::Nd, E::Pr}});
  auto svg = render_sankey(*d);
  ASSERT_TRUE(svg.has_value());
  EXPECT_EQ(testing::check_markup(*svg, false), "");
  EXPECT_EQ(testing::count(*svg, "class=\"rf-node\""), d->nodes.size());
  EXPECT_EQ(testing::count(*svg, "class=\"rf-link\""), d->links.size());
  EXPECT_EQ(*svg, *render_sankey(*d));
  EXPECT_NE(svg->find(">Separation<"), std::string::npos);  // stage heading
}

TEST(Sankey, CsvAndJsonRoundTrip) {
  auto f = chain();
  std::string unit;
  auto back = chain_flows_from_csv(chain_flows_to_csv(f, "t REO"), "flows.csv", &unit);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(unit, "t REO");
  ASSERT_EQ(back->size(), f.size());
  for (std::size_t i = 0; i < f.size(); ++i) {
    EXPECT_EQ((*back)[i].from_node, f[i].from_node);
    EXPECT_EQ((*back)[i].element, f[i].element);
    EXPECT_EQ((*back)[i].value, f[i].value);
  }
  auto ds = key_group_sankeys(f);
  ASSERT_TRUE(ds.has_value());
  EXPECT_EQ(ds->size(), 2u);  // Nd+Pr and Dy+Tb; no Ce or La flows
  auto json = sankeys_to_json(*ds);
  auto again = sankeys_from_json(json, "sankey.json");
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_EQ(sankeys_to_json(*again), json);
  auto bad = chain_flows_from_csv(
      "from_stage,from_node,to_stage,to_node,element,value,unit\nMine,CHN,Sep,CHN,Xx,1,t\n",
      "f.csv");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("f.csv:2: element: 'Xx'"), std::string::npos);
  // 2147483647 t of Dy was drawn before (issue 13); a flow is at most 10 Mt (1e7 t), row 3 here.
  auto huge = chain_flows_from_csv(
      "from_stage,from_node,to_stage,to_node,element,value,unit\nMine,CHN,Sep,CHN,Dy,1,t\n"
      "Mine,CHN,Sep,CHN,Dy,2147483647,t\n",
      "f.csv");
  ASSERT_FALSE(huge.has_value());
  EXPECT_NE(huge.error().message.find(
                "f.csv:3: value: expected a number in [0, 10000000] (t), found 2147483647"),
            std::string::npos)
      << huge.error().message;
}

// The demo fixture: every diagram built from its base-year flows balances to 1e-9.
TEST(Sankey, DemoFlowsBalance) {
  auto text = read_file(std::string(RAREFLOW_TEST_DATA) + "/report/demo/flows.csv");
  ASSERT_TRUE(text.has_value());
  auto f = chain_flows_from_csv(*text, "flows.csv");
  ASSERT_TRUE(f.has_value()) << f.error().message;
  auto ds = key_group_sankeys(*f);
  ASSERT_TRUE(ds.has_value()) << ds.error().message;
  ASSERT_EQ(ds->size(), 3u);
  for (const auto& d : *ds) {
    EXPECT_TRUE(check_sankey_balance(d, 1e-9).has_value())
        << check_sankey_balance(d).error().message;
    // Each diagram carries all of its elements' mine output: the first column's outflow equals
    // the sum of the csv's Mine rows for those elements.
    auto groups = key_element_groups();
    auto g =
        std::find_if(groups.begin(), groups.end(), [&](const auto& s) { return s.name == d.name; });
    double mined = 0;
    for (const auto& x : *f)
      if (x.from_stage == "Mine" &&
          std::find(g->elements.begin(), g->elements.end(), x.element) != g->elements.end())
        mined += x.value;
    double out = 0;
    for (const auto& l : d.links)
      if (l.from.starts_with("Mine|")) out += l.value;
    EXPECT_NEAR(out, mined, 1e-9 * mined) << d.name;
  }
}

}  // namespace
}  // namespace rareflow::report
