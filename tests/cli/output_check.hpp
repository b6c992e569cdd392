// Checks on what a run wrote (issue 13, "a test over every shipped scenario and plan and the
// demo"): every csv and json file parses completely, and no number in it is nan or infinite.
#pragma once

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli_run.hpp"

namespace rareflow::cli_test {

// Splits csv text into records of fields (RFC 4180 quoting, quoted newlines allowed).
inline std::vector<std::vector<std::string>> csv_records(const std::string& text) {
  std::vector<std::vector<std::string>> out(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      out.back().push_back(std::move(field));
      field.clear();
      out.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !out.back().empty()) out.back().push_back(field);
  if (out.back().empty()) out.pop_back();
  return out;
}

// A field that reads as a number but is not a finite one ("nan", "inf", "-inf", "1e400").
inline bool non_finite_number(const std::string& f) {
  if (f.empty()) return false;
  char* end = nullptr;
  double v = std::strtod(f.c_str(), &end);
  return end == f.c_str() + f.size() && !std::isfinite(v);
}

inline bool json_non_finite(const nlohmann::json& j) {
  if (j.is_number_float()) return !std::isfinite(j.get<double>());
  if (j.is_string()) return non_finite_number(j.get<std::string>());
  if (j.is_structured())
    for (const auto& x : j)
      if (json_non_finite(x)) return true;
  return false;
}

// Problems of every .csv and .json file in `dir`, one per line ("" when all are sound): a file
// that does not parse, a csv row whose field count differs from its header's, a non-finite
// number. An empty directory is a problem too.
inline std::string output_problems(const std::filesystem::path& dir) {
  std::string out;
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    auto p = e.path();
    std::string name = p.filename().string();
    if (p.extension() == ".csv") {
      ++files;
      auto recs = csv_records(slurp(p));
      if (recs.empty()) out += name + ": empty\n";
      for (std::size_t i = 0; i < recs.size(); ++i) {
        if (recs[i].size() != recs[0].size())
          out += name + ":" + std::to_string(i + 1) + ": field count differs from the header\n";
        for (const auto& f : recs[i])
          if (non_finite_number(f)) out += name + ":" + std::to_string(i + 1) + ": " + f + "\n";
      }
    } else if (p.extension() == ".json") {
      ++files;
      auto j = nlohmann::json::parse(slurp(p), nullptr, false);
      if (j.is_discarded())
        out += name + ": not valid json\n";
      else if (json_non_finite(j))
        out += name + ": a non-finite number\n";
    }
  }
  if (files == 0) out += dir.string() + ": no csv or json file\n";
  return out;
}

// scripts/browser_check on a report (DOM and screenshot into `out`): its exit code, 77 when
// Chromium is not installed.
inline int browser_check(const std::filesystem::path& html, const std::filesystem::path& out) {
  int status = std::system(("bash " RAREFLOW_SOURCE_DIR "/scripts/browser_check " + html.string() +
                            " " + out.string() + " >/dev/null 2>&1")
                               .c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Occurrences of `what` in `s`.
inline std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

// The html of one <section id="...">, up to the next section.
inline std::string section(const std::string& dom, const std::string& id) {
  auto start = dom.find("id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  auto end = dom.find("<section", start);
  return dom.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// Text of `html` with tags removed.
inline std::string strip_tags(const std::string& html) {
  std::string out;
  bool tag = false;
  for (char c : html) {
    if (c == '<') tag = true;
    if (!tag) out += c;
    if (c == '>') tag = false;
  }
  return out;
}

// Every legend label of every chart has a <title> with its full name, and no two labels of
// one legend read the same while naming different series ("" when so).
inline std::string legend_problems(const std::string& dom) {
  std::string out;
  int legends = 0;
  for (auto g = dom.find("class=\"rf-legend\""); g != std::string::npos;
       g = dom.find("class=\"rf-legend\"", g + 1)) {
    ++legends;
    auto end = dom.find("</g>", g);
    std::string legend = dom.substr(g, end - g);
    std::vector<std::pair<std::string, std::string>> labels;  // shown, full
    for (auto t = legend.find("<text"); t != std::string::npos; t = legend.find("<text", t + 1)) {
      auto close = legend.find("</text>", t);
      std::string inner = legend.substr(legend.find('>', t) + 1, close - legend.find('>', t) - 1);
      auto title = inner.find("<title>");
      std::string shown = strip_tags(inner.substr(0, title));
      if (shown.starts_with("+")) continue;  // "+3 more"
      if (title == std::string::npos) {
        out += "legend label without a title: " + shown + "\n";
        continue;
      }
      std::string full = strip_tags(inner.substr(title));
      for (const auto& [s, f] : labels)
        if (s == shown && f != full)
          out += "two series read \"" + shown + "\": " + f + ", " + full + "\n";
      labels.emplace_back(shown, full);
    }
  }
  if (legends == 0) out += "no legend found\n";
  return out;
}

// Cells of table columns headed "... year ..." (not "years", no unit) that hold a thousands
// separator, e.g. "2,025" ("" when none).
inline std::string year_separator_problems(const std::string& html) {
  std::string out;
  for (auto t = html.find("<table"); t != std::string::npos; t = html.find("<table", t + 1)) {
    auto end = html.find("</table>", t);
    std::string table = html.substr(t, end - t);
    std::vector<bool> year_col;
    for (auto h = table.find("<th"); h != std::string::npos; h = table.find("<th", h + 1)) {
      if (table.compare(h, 6, "<thead") == 0) continue;
      auto close = table.find("</th>", h);
      std::string raw = table.substr(h, close - h);
      std::string name = strip_tags(raw);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      year_col.push_back(name.find("year") != std::string::npos &&
                         name.find("years") == std::string::npos &&
                         raw.find("rf-unit") == std::string::npos);
    }
    for (auto r = table.find("<tr", table.find("<tbody")); r != std::string::npos;
         r = table.find("<tr", r + 1)) {
      auto rend = table.find("</tr>", r);
      std::size_t k = 0;
      for (auto d = table.find("<td", r); d != std::string::npos && d < rend;
           d = table.find("<td", d + 1), ++k) {
        std::string cell = strip_tags(table.substr(d, table.find("</td>", d) - d));
        if (k < year_col.size() && year_col[k] && cell.find(',') != std::string::npos)
          out += "year cell \"" + cell + "\"\n";
      }
    }
  }
  return out;
}

}  // namespace rareflow::cli_test
