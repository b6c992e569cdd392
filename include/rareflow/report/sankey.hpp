// Sankey diagrams of the supply chain: the data (nodes in stage columns, links in tonnes), a
// builder from element-by-element chain flows, a balance check, a deterministic layout and the
// SVG drawing. Widths are proportional to the link values; one scale per diagram.
#pragma once

#include <string>
#include <vector>

#include "rareflow/core/elements.hpp"
#include "rareflow/core/error.hpp"

namespace rareflow::report {

struct SankeyNode {
  std::string id;     // unique within the diagram, e.g. "Separation|CHN"
  std::string label;  // printed, e.g. "CHN"
  int stage = 0;      // column, 0 = leftmost
};

struct SankeyLink {
  std::string from;  // node id
  std::string to;    // node id; its stage must be greater than the source's
  double value = 0.0;
  std::string unit;  // e.g. "t REO"; all links of a diagram share one unit
};

struct SankeyData {
  std::string name;  // short name for tabs, e.g. "Nd+Pr"
  std::string title;
  std::vector<std::string> stages;  // column headings; may be empty
  std::vector<SankeyNode> nodes;
  std::vector<SankeyLink> links;
};

// Structural checks: unique node ids, links between known nodes going rightwards, finite
// non-negative values, one unit. Every problem is listed in the error message.
Result<void> validate_sankey(const SankeyData& d);

struct NodeFlow {
  std::string id;
  double in = 0.0;   // sum of incoming link values
  double out = 0.0;  // sum of outgoing link values
};
// Inflow and outflow of every node, in node order.
std::vector<NodeFlow> node_flows(const SankeyData& d);
// Every node with both inflows and outflows passes on what it receives:
// |in - out| <= rel_tol * max(in, out). The error names each node that does not.
Result<void> check_sankey_balance(const SankeyData& d, double rel_tol = 1e-9);

// ---- building diagrams from the chain's element flows

// One flow of the base-year balance for one element, between two nodes of the chain.
struct ChainFlow {
  std::string from_stage;  // e.g. "Mine"
  std::string from_node;   // e.g. "CHN" (a region, a sector, or "Losses")
  std::string to_stage;    // e.g. "Separation"
  std::string to_node;
  Element element = Element::Nd;
  double value = 0.0;  // tonnes on one basis (see SankeyBuildOptions::unit)
};

struct ElementSelection {
  std::string name;  // "Nd+Pr"
  std::vector<Element> elements;
};
// The three diagrams a report shows: Nd+Pr, Dy+Tb and Ce+La.
std::vector<ElementSelection> key_element_groups();

struct SankeyBuildOptions {
  std::string unit = "t REO";  // basis of ChainFlow::value (oxide equivalent recommended)
  std::string title_prefix = "Base-year flows";  // title: "<prefix>, <group> [<unit>]"
  // Per stage, the largest nodes are kept and the rest merged into one "Other" node, so that
  // a diagram stays legible; 0 keeps all. Merging sums flows, so balances are kept.
  std::size_t max_nodes_per_stage = 8;
  std::vector<std::string> stage_order;  // empty: from the flows (mine -> ... -> end use)
};

// Stages in chain order: each flow goes from an earlier to a later stage. Ties keep the order
// of first appearance. Fails when the flows contain a cycle between stages.
Result<std::vector<std::string>> chain_stage_order(const std::vector<ChainFlow>& flows);

// Sums the selected elements' flows into one diagram. Node ids are "<stage>|<node>".
Result<SankeyData> sankey_from_flows(const std::vector<ChainFlow>& flows,
                                     const ElementSelection& selection,
                                     const SankeyBuildOptions& options = {});
// One diagram per key element group (skipping groups without flows).
Result<std::vector<SankeyData>> key_group_sankeys(const std::vector<ChainFlow>& flows,
                                                  const SankeyBuildOptions& options = {});

// Reads and writes chain flows as csv: from_stage,from_node,to_stage,to_node,element,value,unit
Result<std::vector<ChainFlow>> chain_flows_from_csv(const std::string& text,
                                                    const std::string& file_name,
                                                    std::string* unit = nullptr);
std::string chain_flows_to_csv(const std::vector<ChainFlow>& flows, const std::string& unit);

// sankey.json: {"diagrams": [{"name", "title", "stages", "nodes": [{id,label,stage}],
// "links": [{from,to,value,unit}]}]}
Result<std::vector<SankeyData>> sankeys_from_json(const std::string& text,
                                                  const std::string& file_name);
std::string sankeys_to_json(const std::vector<SankeyData>& diagrams);

// ---- layout and drawing

struct SankeyOptions {
  double width = 1160.0;
  double height = 460.0;
  double node_width = 14.0;
  double node_padding = 14.0;  // vertical gap between nodes of a column, px
  int relax_passes = 3;        // barycentre sweeps to reduce crossings
};

struct SankeyNodeBox {
  std::size_t node = 0;  // index into SankeyData::nodes
  double x = 0, y = 0, width = 0, height = 0;
  double in = 0.0, out = 0.0;  // flows, in the diagram's unit
};

struct SankeyLinkBand {
  std::size_t link = 0;          // index into SankeyData::links
  std::size_t from = 0, to = 0;  // node indices
  double width = 0.0;            // px: value * scale
  double y_from = 0.0;           // top of the band where it leaves the source
  double y_to = 0.0;             // top of the band where it enters the target
};

struct SankeyLayout {
  double width = 0, height = 0;
  double scale = 0.0;              // px per unit of value
  double top = 0.0, bottom = 0.0;  // vertical extent of the node area
  std::vector<double> column_x;
  std::vector<SankeyNodeBox> nodes;   // same order as SankeyData::nodes
  std::vector<SankeyLinkBand> links;  // links with value > 0, in SankeyData order
};

// Node height = scale * max(in, out); links stack down each node's side in the order of the
// node at their other end, so bands do not cross at a node.
Result<SankeyLayout> layout_sankey(const SankeyData& d, const SankeyOptions& o = {});
std::string render_sankey(const SankeyData& d, const SankeyLayout& layout);
Result<std::string> render_sankey(const SankeyData& d, const SankeyOptions& o = {});

}  // namespace rareflow::report
