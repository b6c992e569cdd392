#include <fmt/format.h>

#include "rareflow/data/balance_tables.hpp"
#include "rareflow/report/balance_flows.hpp"
#include "rareflow/report/report.hpp"

namespace rareflow::report {

Result<void> add_base_year(ReportInputs& in, const Dataset& d) {
  auto b = build_balance(d, d.schema.base_year);
  if (!b) return std::unexpected(b.error());
  if (in.sankeys.empty()) {
    auto s = key_group_sankeys(chain_flows_from_balance(*b));
    if (!s) return std::unexpected(s.error());
    in.sankeys = std::move(*s);
  }
  auto tables = balance_tables(d, *b, "", true);
  if (!tables) return std::unexpected(tables.error());
  for (auto& t : *tables) in.tables.push_back(std::move(t));
  if (in.sources.rows.empty()) in.sources = sources_table(d);
  in.results.record.entries["data_version"] = fmt::format("{} {}", d.schema.name, d.schema.version);
  in.results.record.entries["base_year"] = std::to_string(d.schema.base_year);
  return {};
}

ReportInputs merge_inputs(std::vector<ReportInputs> parts) {
  if (parts.empty()) return {};
  ReportInputs out = std::move(parts.front());
  for (std::size_t i = 1; i < parts.size(); ++i) {
    auto& p = parts[i];
    out.results.rows.insert(out.results.rows.end(), p.results.rows.begin(), p.results.rows.end());
    for (const auto& [k, v] : p.results.record.entries)
      out.results.record.entries.emplace(fmt::format("{}.{}", i, k), v);
    if (out.sankeys.empty()) out.sankeys = std::move(p.sankeys);
    for (auto& t : p.tables) out.tables.push_back(std::move(t));
    if (out.sources.rows.empty()) out.sources = std::move(p.sources);
  }
  return out;
}

}  // namespace rareflow::report
