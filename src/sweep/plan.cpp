#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "rareflow/sweep/sweep.hpp"

namespace rareflow::sweep {

namespace {

std::optional<double> number(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

}  // namespace

Plan sample_plan(const std::vector<Input>& inputs, std::uint64_t seed, std::size_t runs) {
  Plan p;
  std::vector<std::uint64_t> streams;
  for (const auto& in : inputs) {
    p.names.push_back(in.name);
    streams.push_back(Rng::hash(in.name.c_str()));
  }
  p.values.resize(runs);
  for (std::size_t r = 0; r < runs; ++r)
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      Rng rng(seed, r, streams[i]);
      p.values[r].push_back(sample(inputs[i].dist, rng));
    }
  return p;
}

Result<GridAxis> parse_grid(const std::string& text) {
  auto bad = [&] {
    return fail(fmt::format(
        "expected NAME=FROM:TO:COUNT (e.g. share=0.2:0.6:5) or NAME=V1,V2,... , found \"{}\"",
        text));
  };
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) return bad();
  GridAxis a{text.substr(0, eq), {}};
  std::string_view rest = std::string_view(text).substr(eq + 1);
  if (rest.find(':') != std::string_view::npos) {
    auto c1 = rest.find(':'), c2 = rest.find(':', c1 + 1);
    if (c2 == std::string_view::npos) return bad();
    auto from = number(rest.substr(0, c1)), to = number(rest.substr(c1 + 1, c2 - c1 - 1));
    auto count = number(rest.substr(c2 + 1));
    if (!from || !to || !count || *count < 2 || *count != std::floor(*count) || *count > 1e6)
      return bad();
    auto n = static_cast<std::size_t>(*count);
    for (std::size_t k = 0; k < n; ++k)
      a.values.push_back(
          std::lerp(*from, *to, static_cast<double>(k) / static_cast<double>(n - 1)));
    return a;
  }
  std::size_t start = 0;
  while (start <= rest.size()) {
    auto comma = rest.find(',', start);
    auto v =
        number(rest.substr(start, comma == std::string_view::npos ? rest.npos : comma - start));
    if (!v) return bad();
    a.values.push_back(*v);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return a;
}

Plan grid_plan(const std::vector<GridAxis>& axes) {
  Plan p;
  std::size_t total = axes.empty() ? 0 : 1;
  for (const auto& a : axes) {
    p.names.push_back(a.name);
    total *= a.values.size();
  }
  for (std::size_t k = 0; k < total; ++k) {
    // Mixed-radix digits of k, the last axis fastest.
    std::vector<double> point(axes.size());
    std::size_t rest = k;
    for (std::size_t i = axes.size(); i-- > 0;) {
      point[i] = axes[i].values[rest % axes[i].values.size()];
      rest /= axes[i].values.size();
    }
    p.values.push_back(std::move(point));
  }
  return p;
}

}  // namespace rareflow::sweep
