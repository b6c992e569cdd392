// Sankey layout (columns by stage, one px-per-tonne scale, barycentre ordering) and drawing.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "rareflow/report/sankey.hpp"
#include "rareflow/report/svg.hpp"

namespace rareflow::report {

namespace {
constexpr double kTop = 58.0;  // below the title and the stage headings
constexpr double kBottom = 12.0;
constexpr double kSide = 12.0;
constexpr double kLabelFont = 11.0;

double center(const SankeyNodeBox& b) {
  return b.y + b.height / 2.0;
}

// Stacks a column's nodes top to bottom and centres the stack vertically.
void place_column(std::vector<SankeyNodeBox>& boxes, const std::vector<std::size_t>& col,
                  double top, double avail, double pad) {
  double total = 0.0;
  for (auto i : col) total += boxes[i].height;
  if (col.size() > 1) total += pad * static_cast<double>(col.size() - 1);
  double y = top + std::max(0.0, (avail - total) / 2.0);
  for (auto i : col) {
    boxes[i].y = y;
    y += boxes[i].height + pad;
  }
}

std::string human(double v) {
  return format_number(v, v >= 100 ? 0 : (v >= 10 ? 1 : 2));
}
}  // namespace

Result<SankeyLayout> layout_sankey(const SankeyData& d, const SankeyOptions& o) {
  if (auto ok = validate_sankey(d); !ok) return std::unexpected(ok.error());
  SankeyLayout L;
  L.width = o.width;
  L.height = o.height;
  L.top = kTop;
  L.bottom = o.height - kBottom;
  double avail = L.bottom - L.top;
  std::map<std::string, std::size_t> at;
  int stages = 1;
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    at[d.nodes[i].id] = i;
    stages = std::max(stages, d.nodes[i].stage + 1);
  }
  auto flows = node_flows(d);
  std::vector<std::vector<std::size_t>> cols(static_cast<std::size_t>(stages));
  L.nodes.resize(d.nodes.size());
  for (std::size_t i = 0; i < d.nodes.size(); ++i) {
    L.nodes[i].node = i;
    L.nodes[i].in = flows[i].in;
    L.nodes[i].out = flows[i].out;
    cols[static_cast<std::size_t>(d.nodes[i].stage)].push_back(i);
  }
  // One scale for the whole diagram: the fullest column fills the height.
  double pad = o.node_padding;
  L.scale = 0.0;
  bool first = true;
  for (const auto& col : cols) {
    double sum = 0.0;
    for (auto i : col) sum += std::max(L.nodes[i].in, L.nodes[i].out);
    if (sum <= 0.0) continue;
    double room = avail - pad * static_cast<double>(col.empty() ? 0 : col.size() - 1);
    room = std::max(room, avail * 0.3);  // many nodes: padding gives way to flows
    double k = room / sum;
    L.scale = first ? k : std::min(L.scale, k);
    first = false;
  }
  for (auto& b : L.nodes) {
    b.width = o.node_width;
    b.height = std::max(b.in, b.out) * L.scale;
  }
  double span = o.width - 2 * kSide - o.node_width;
  for (std::size_t c = 0; c < cols.size(); ++c) {
    double x = kSide + (stages > 1 ? span * static_cast<double>(c) / (stages - 1) : 0.0);
    L.column_x.push_back(x);
    for (auto i : cols[c]) L.nodes[i].x = x;
  }
  // Effective per-column padding, shrunk when a column has many nodes.
  auto col_pad = [&](const std::vector<std::size_t>& col) {
    if (col.size() < 2) return pad;
    double h = 0.0;
    for (auto i : col) h += L.nodes[i].height;
    return std::min(pad, std::max(0.0, (avail - h) / static_cast<double>(col.size() - 1)));
  };
  for (const auto& col : cols) place_column(L.nodes, col, L.top, avail, col_pad(col));
  // Links with positive values, with their node indices.
  std::vector<std::pair<std::size_t, std::size_t>> ends(d.links.size());
  for (std::size_t l = 0; l < d.links.size(); ++l)
    ends[l] = {at[d.links[l].from], at[d.links[l].to]};
  // Barycentre sweeps: order each column by the weighted centre of its neighbours.
  auto sweep = [&](std::size_t c, bool use_sources) {
    std::vector<std::pair<double, std::size_t>> keys;
    for (auto i : cols[c]) {
      double wsum = 0.0, ysum = 0.0;
      for (std::size_t l = 0; l < d.links.size(); ++l) {
        auto [a, b] = ends[l];
        std::size_t other = use_sources ? a : b;
        if ((use_sources ? b : a) != i) continue;
        wsum += d.links[l].value;
        ysum += d.links[l].value * center(L.nodes[other]);
      }
      keys.push_back({wsum > 0.0 ? ysum / wsum : center(L.nodes[i]), i});
    }
    std::stable_sort(keys.begin(), keys.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (std::size_t k = 0; k < keys.size(); ++k) cols[c][k] = keys[k].second;
    place_column(L.nodes, cols[c], L.top, avail, col_pad(cols[c]));
  };
  for (int p = 0; p < o.relax_passes; ++p) {
    for (std::size_t c = 1; c < cols.size(); ++c) sweep(c, true);
    for (std::size_t c = cols.size() - 1; c-- > 0;) sweep(c, false);
  }
  // Bands stack down each side in the order of the node at the other end.
  std::vector<SankeyLinkBand> bands;
  for (std::size_t l = 0; l < d.links.size(); ++l) {
    if (!(d.links[l].value > 0.0)) continue;
    bands.push_back({l, ends[l].first, ends[l].second, d.links[l].value * L.scale, 0.0, 0.0});
  }
  std::vector<std::vector<std::size_t>> outs(d.nodes.size()), ins(d.nodes.size());
  for (std::size_t k = 0; k < bands.size(); ++k) {
    outs[bands[k].from].push_back(k);
    ins[bands[k].to].push_back(k);
  }
  for (std::size_t n = 0; n < d.nodes.size(); ++n) {
    auto by = [&](bool target) {
      return [&, target](std::size_t a, std::size_t b) {
        double ya = center(L.nodes[target ? bands[a].to : bands[a].from]);
        double yb = center(L.nodes[target ? bands[b].to : bands[b].from]);
        return ya != yb ? ya < yb : bands[a].link < bands[b].link;
      };
    };
    std::sort(outs[n].begin(), outs[n].end(), by(true));
    std::sort(ins[n].begin(), ins[n].end(), by(false));
    double y = L.nodes[n].y;
    for (auto k : outs[n]) {
      bands[k].y_from = y;
      y += bands[k].width;
    }
    y = L.nodes[n].y;
    for (auto k : ins[n]) {
      bands[k].y_to = y;
      y += bands[k].width;
    }
  }
  L.links = std::move(bands);
  return L;
}

namespace {
std::string stage_name(const SankeyData& d, std::size_t node) {
  auto s = static_cast<std::size_t>(d.nodes[node].stage);
  return s < d.stages.size() ? d.stages[s] : fmt::format("stage {}", s + 1);
}
}  // namespace

std::string render_sankey(const SankeyData& d, const SankeyLayout& L) {
  std::map<std::string, std::string> color;
  std::size_t next_color = 0;
  for (const auto& n : d.nodes) {
    if (color.contains(n.label)) continue;
    bool neutral = n.label == "Other" || n.label == "Losses" || n.label == "Stocks";
    color[n.label] = neutral ? "#9a9a9a" : palette_color(next_color++);
  }
  std::string unit = d.links.empty() ? "" : d.links.front().unit;
  std::string out = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" class="rf-svg" data-kind="sankey" )"
      R"(viewBox="0 0 {} {}" width="{}" height="{}" role="img" )"
      R"(font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12"><title>{}</title>)",
      coord(L.width), coord(L.height), coord(L.width), coord(L.height), xml_escape(d.title));
  out += fmt::format(R"(<text x="{}" y="22" font-size="14" font-weight="bold">{}</text>)",
                     coord(kSide), xml_escape(fit_text(d.title, 14, L.width - 2 * kSide)));
  std::size_t ncols = L.column_x.size();
  double node_w = L.nodes.empty() ? 0.0 : L.nodes.front().width;
  for (std::size_t c = 0; c < ncols && c < d.stages.size(); ++c) {
    const char* anchor = c == 0 ? "start" : (c + 1 == ncols ? "end" : "middle");
    double x = L.column_x[c] + (c == 0 ? 0.0 : (c + 1 == ncols ? node_w : node_w / 2.0));
    out += fmt::format(
        R"(<text x="{}" y="46" font-size="12" font-weight="bold" fill="#444" text-anchor="{}">{}</text>)",
        coord(x), anchor, xml_escape(d.stages[c]));
  }
  out += R"(<g class="rf-links" fill-opacity="0.4">)";
  for (const auto& b : L.links) {
    const auto& from = L.nodes[b.from];
    const auto& to = L.nodes[b.to];
    double x0 = from.x + from.width, x1 = to.x, xm = (x0 + x1) / 2.0;
    double t0 = b.y_from, t1 = b.y_to, b0 = b.y_from + b.width, b1 = b.y_to + b.width;
    const auto& link = d.links[b.link];
    std::string tip =
        fmt::format("{} ({}) \u2192 {} ({}): {} {}", d.nodes[b.from].label, stage_name(d, b.from),
                    d.nodes[b.to].label, stage_name(d, b.to), human(link.value), link.unit);
    out += fmt::format(
        R"(<path class="rf-link" d="M{} {}C{} {} {} {} {} {}L{} {}C{} {} {} {} {} {}Z" fill="{}">)"
        R"(<title>{}</title></path>)",
        coord(x0), coord(t0), coord(xm), coord(t0), coord(xm), coord(t1), coord(x1), coord(t1),
        coord(x1), coord(b1), coord(xm), coord(b1), coord(xm), coord(b0), coord(x0), coord(b0),
        color[d.nodes[b.from].label], xml_escape(tip));
  }
  out += "</g>";
  // Nodes, then labels; a label that would overprint the one above it is left to the tooltip.
  out += R"(<g class="rf-nodes">)";
  std::vector<double> last_label_bottom(ncols, -1e9);
  std::vector<std::size_t> order(L.nodes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return L.nodes[a].y < L.nodes[b].y; });
  std::string labels;
  for (auto i : order) {
    const auto& b = L.nodes[i];
    const auto& n = d.nodes[i];
    double v = std::max(b.in, b.out);
    std::string tip = fmt::format("{} ({}): in {} {}, out {} {}", n.label, stage_name(d, i),
                                  human(b.in), unit, human(b.out), unit);
    out += fmt::format(
        R"(<rect class="rf-node" x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#333" )"
        R"(stroke-width="0.4"><title>{}</title></rect>)",
        coord(b.x), coord(b.y), coord(b.width), coord(std::max(b.height, 1.0)), color[n.label],
        xml_escape(tip));
    auto c = static_cast<std::size_t>(n.stage);
    double cy = b.y + b.height / 2.0 + 4.0;
    if (c >= ncols || cy - 11.0 < last_label_bottom[c]) continue;
    last_label_bottom[c] = cy + 2.0;
    bool last = c + 1 == ncols && ncols > 1;
    double lx = last ? b.x - 5.0 : b.x + b.width + 5.0;
    labels += fmt::format(
        R"(<text x="{}" y="{}" font-size="{}" text-anchor="{}" fill="#111" )"
        R"(paint-order="stroke" stroke="#fff" stroke-width="3" stroke-linejoin="round">{} )"
        R"(<tspan fill="#555">{}</tspan></text>)",
        coord(lx), coord(cy), coord(kLabelFont), last ? "end" : "start",
        xml_escape(fit_text(n.label, kLabelFont, 150.0)), xml_escape(human(v)));
  }
  out += "</g>";
  out += R"(<g class="rf-labels">)" + labels + "</g>";
  return out + "</svg>";
}

Result<std::string> render_sankey(const SankeyData& d, const SankeyOptions& o) {
  auto L = layout_sankey(d, o);
  if (!L) return std::unexpected(L.error());
  return render_sankey(d, *L);
}

}  // namespace rareflow::report
