#include "rareflow/core/table.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "rareflow/core/limits.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow {

std::string format_name(Format f) {
  switch (f) {
    case Format::Table:
      return "table";
    case Format::Csv:
      return "csv";
    case Format::Json:
      return "json";
    case Format::Xlsx:
      return "xlsx";
    case Format::Html:
      return "html";
  }
  return "";
}

Result<Format> parse_format(std::string_view text, const std::vector<Format>& accepted) {
  std::vector<std::string> names;
  for (Format f : accepted) {
    if (format_name(f) == text) return f;
    names.push_back(format_name(f));
  }
  return fail(fmt::format("expected one of {}, found {}{}", join(names), echo(text),
                          suggestion(std::string(text), names)));
}

std::string csv_escape(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string format_double(double v) {
  if (std::isnan(v)) return "NaN";
  if (v == 0.0) return "0";
  return fmt::format("{}", v);
}

namespace {
std::string header_of(const Column& c) {
  return c.unit.empty() ? c.name : fmt::format("{} [{}]", c.name, c.unit);
}

std::string cell_text(const Cell& c, int precision) {
  if (std::holds_alternative<std::string>(c)) return std::get<std::string>(c);
  if (std::holds_alternative<long long>(c)) return fmt::format("{}", std::get<long long>(c));
  if (std::holds_alternative<double>(c)) {
    double v = std::get<double>(c);
    if (std::isnan(v)) return "-";
    std::string s = fmt::format("{:.{}f}", v, precision);
    // Thousands separators for readability of tonnages.
    auto dot = s.find('.');
    std::size_t end = dot == std::string::npos ? s.size() : dot;
    std::size_t start = (s[0] == '-') ? 1 : 0;
    for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(end) - 3;
         i > static_cast<std::ptrdiff_t>(start); i -= 3)
      s.insert(static_cast<std::size_t>(i), ",");
    return s;
  }
  return "";
}

std::string cell_csv(const Cell& c) {
  if (std::holds_alternative<std::string>(c)) return csv_escape(std::get<std::string>(c));
  if (std::holds_alternative<long long>(c)) return fmt::format("{}", std::get<long long>(c));
  if (std::holds_alternative<double>(c)) {
    double v = std::get<double>(c);
    return std::isnan(v) ? "" : format_double(v);  // empty cell = no value
  }
  return "";
}

nlohmann::ordered_json cell_json(const Cell& c) {
  if (std::holds_alternative<std::string>(c)) return std::get<std::string>(c);
  if (std::holds_alternative<long long>(c)) return std::get<long long>(c);
  if (std::holds_alternative<double>(c)) {
    double v = std::get<double>(c);
    if (std::isnan(v)) return nullptr;
    return v;
  }
  return nullptr;
}

nlohmann::ordered_json table_json(const Table& t) {
  nlohmann::ordered_json j;
  j["title"] = t.title;
  auto cols = nlohmann::ordered_json::array();
  for (const auto& c : t.columns) cols.push_back({{"name", c.name}, {"unit", c.unit}});
  j["columns"] = cols;
  auto rows = nlohmann::ordered_json::array();
  for (const auto& r : t.rows) {
    nlohmann::ordered_json o;
    for (std::size_t i = 0; i < t.columns.size() && i < r.size(); ++i)
      o[t.columns[i].name] = cell_json(r[i]);
    rows.push_back(o);
  }
  j["rows"] = rows;
  if (!t.notes.empty()) j["notes"] = t.notes;
  return j;
}
}  // namespace

std::string to_text(const Table& t) {
  std::vector<std::string> head;
  std::vector<std::size_t> width;
  for (const auto& c : t.columns) {
    head.push_back(header_of(c));
    width.push_back(head.back().size());
  }
  std::vector<std::vector<std::string>> body;
  for (const auto& r : t.rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      line.push_back(i < r.size() ? cell_text(r[i], t.columns[i].precision) : "");
      width[i] = std::max(width[i], line.back().size());
    }
    body.push_back(std::move(line));
  }
  std::string out;
  if (!t.title.empty()) out += t.title + "\n";
  auto emit = [&](const std::vector<std::string>& line, bool is_head) {
    std::string s;
    for (std::size_t i = 0; i < line.size(); ++i) {
      bool numeric = !is_head && !t.rows.empty() && i > 0;
      std::string pad(width[i] - line[i].size(), ' ');
      bool right = numeric && !line[i].empty() &&
                   (std::isdigit(static_cast<unsigned char>(line[i].back())) || line[i] == "-");
      s += right ? pad + line[i] : line[i] + pad;
      if (i + 1 < line.size()) s += "  ";
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    out += s + "\n";
  };
  emit(head, true);
  std::size_t total = 0;
  for (auto w : width) total += w + 2;
  out += std::string(total > 2 ? total - 2 : 0, '-') + "\n";
  for (const auto& line : body) emit(line, false);
  for (const auto& n : t.notes) out += "note: " + n + "\n";
  return out;
}

std::string to_csv(const Table& t) {
  std::string out;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += ',';
    out += csv_escape(header_of(t.columns[i]));
  }
  out += '\n';
  for (const auto& r : t.rows) {
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      if (i) out += ',';
      if (i < r.size()) out += cell_csv(r[i]);
    }
    out += '\n';
  }
  return out;
}

std::string to_json(const Table& t, int indent) {
  return table_json(t).dump(indent) + "\n";
}

std::string render(const Table& t, Format f) {
  switch (f) {
    case Format::Table:
    case Format::Xlsx:
    case Format::Html:
      return to_text(t);
    case Format::Csv:
      return to_csv(t);
    case Format::Json:
      return to_json(t);
  }
  return "";
}

std::string render(const std::vector<Table>& ts, Format f) {
  if (f == Format::Json) {
    auto arr = nlohmann::ordered_json::array();
    for (const auto& t : ts) arr.push_back(table_json(t));
    return arr.dump(2) + "\n";
  }
  std::string out;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    if (i) out += "\n";
    if (f == Format::Csv && !ts[i].title.empty()) out += "# " + ts[i].title + "\n";
    out += f == Format::Csv ? to_csv(ts[i]) : to_text(ts[i]);
  }
  return out;
}

}  // namespace rareflow
