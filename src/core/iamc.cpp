#include "rareflow/core/iamc.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rareflow/core/csv.hpp"
#include "rareflow/core/limits.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow {

std::string iamc_to_csv(const IamcTable& t) {
  std::string out = "model,scenario,region,variable,unit,year,value\n";
  for (const auto& r : t.rows) {
    out += fmt::format("{},{},{},{},{},{},{}\n", csv_escape(r.model), csv_escape(r.scenario),
                       csv_escape(r.region), csv_escape(r.variable), csv_escape(r.unit), r.year,
                       format_double(r.value));
  }
  return out;
}

std::string iamc_to_json(const IamcTable& t) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& r : t.rows) {
    arr.push_back({{"model", r.model},
                   {"scenario", r.scenario},
                   {"region", r.region},
                   {"variable", r.variable},
                   {"unit", r.unit},
                   {"year", r.year},
                   {"value", r.value}});
  }
  return arr.dump(1) + "\n";
}

std::string run_record_to_json(const RunRecord& r) {
  nlohmann::ordered_json j;
  j["command"] = r.command;
  nlohmann::ordered_json e;
  for (const auto& [k, v] : r.entries) e[k] = v;
  j["entries"] = e;
  return j.dump(2) + "\n";
}

namespace {
constexpr const char* kHeader = "model,scenario,region,variable,unit,year,value";
constexpr std::size_t kColumns = 7;
}  // namespace

Result<IamcTable> iamc_from_csv(const std::string& text, const std::string& file_name) {
  auto doc = read_csv(text, file_name);
  if (!doc) return std::unexpected(doc.error());
  auto error = [&](int line, int column, const char* field, const std::string& message) {
    return fail(Diagnostic{file_name, line, column, field, message}.str());
  };
  if (doc->header.fields.empty())
    return error(1, 1, "header", fmt::format("expected \"{}\", found an empty file", kHeader));
  if (std::string header = join(field_texts(doc->header), ",");
      doc->header.line != 1 || header != kHeader)
    return error(1, 1, "header", fmt::format("expected \"{}\", found {}", kHeader, echo(header)));
  IamcTable t;
  for (const auto& rec : doc->records) {
    const auto& f = rec.fields;
    if (f.size() != kColumns)
      return error(rec.line, 1, "row",
                   fmt::format("expected 7 fields ({}), found {}", kHeader, f.size()));
    IamcRow r{f[0].text, f[1].text, f[2].text, f[3].text, f[4].text, 0, 0.0};
    const std::string& y = f[5].text;
    auto [p1, e1] = std::from_chars(y.data(), y.data() + y.size(), r.year);
    if (y.empty() || e1 != std::errc() || p1 != y.data() + y.size() || r.year < limits::kMinYear ||
        r.year > limits::kMaxYear)
      return error(rec.line, f[5].column, "year",
                   fmt::format("expected a whole year in {}..{}, found {}", limits::kMinYear,
                               limits::kMaxYear, echo(y)));
    const std::string& v = f[6].text;
    auto [p2, e2] = std::from_chars(v.data(), v.data() + v.size(), r.value);
    if (v.empty() || e2 != std::errc() || p2 != v.data() + v.size() || !std::isfinite(r.value))
      return error(rec.line, f[6].column, "value",
                   fmt::format("expected a finite number, found {}", echo(v)));
    t.rows.push_back(std::move(r));
  }
  return t;
}

}  // namespace rareflow
