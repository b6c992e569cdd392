#include "rareflow/core/iamc.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rareflow/core/limits.hpp"
#include "rareflow/core/table.hpp"

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
struct Field {
  std::string text;
  int column = 0;  // 1-based
};

// Splits one CSV record (RFC 4180, no embedded newlines in this format).
std::vector<Field> split_csv_line(const std::string& line) {
  std::vector<Field> out;
  Field cur{"", 1};
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur.text += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur.text += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(cur));
      cur = Field{"", static_cast<int>(i) + 2};
    } else if (c != '\r') {
      cur.text += c;
    }
  }
  out.push_back(std::move(cur));
  return out;
}

constexpr const char* kHeader = "model,scenario,region,variable,unit,year,value";
}  // namespace

Result<IamcTable> iamc_from_csv(const std::string& text, const std::string& file_name) {
  if (auto d = check_text_bounds(text, file_name); !d.message.empty()) return fail(d.str());
  IamcTable t;
  std::size_t pos = 0;
  int line_no = 0;
  auto error = [&](int column, const char* field, const std::string& message) {
    return fail(Diagnostic{file_name, line_no, column, field, message}.str());
  };
  while (pos < text.size()) {
    auto nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1) {
      if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
      if (line != kHeader)
        return error(1, "header", fmt::format("expected \"{}\", found {}", kHeader, echo(line)));
      continue;
    }
    if (line.empty()) continue;
    auto f = split_csv_line(line);
    if (f.size() != 7)
      return error(1, "row", fmt::format("expected 7 fields ({}), found {}", kHeader, f.size()));
    IamcRow r{f[0].text, f[1].text, f[2].text, f[3].text, f[4].text, 0, 0.0};
    const std::string& y = f[5].text;
    auto [p1, e1] = std::from_chars(y.data(), y.data() + y.size(), r.year);
    if (y.empty() || e1 != std::errc() || p1 != y.data() + y.size() || r.year < limits::kMinYear ||
        r.year > limits::kMaxYear)
      return error(f[5].column, "year",
                   fmt::format("expected a whole year in {}..{}, found {}", limits::kMinYear,
                               limits::kMaxYear, echo(y)));
    const std::string& v = f[6].text;
    auto [p2, e2] = std::from_chars(v.data(), v.data() + v.size(), r.value);
    if (v.empty() || e2 != std::errc() || p2 != v.data() + v.size() || !std::isfinite(r.value))
      return error(f[6].column, "value",
                   fmt::format("expected a finite number, found {}", echo(v)));
    t.rows.push_back(std::move(r));
  }
  if (line_no == 0)
    return fail(Diagnostic{file_name, 1, 1, "header",
                           fmt::format("expected \"{}\", found an empty file", kHeader)}
                    .str());
  return t;
}

}  // namespace rareflow
