// Helpers for the criticality tests: a small CSV reader for the data files and common fixtures.
#pragma once

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "rareflow/criticality/governance.hpp"

namespace rareflow::criticality::testing {

// Rows of a CSV file as maps column -> text (RFC 4180 quoting; no newlines inside fields).
inline std::vector<std::map<std::string, std::string>> read_csv(const std::string& path,
                                                                std::vector<std::string>* header) {
  std::ifstream in(path);
  std::vector<std::map<std::string, std::string>> rows;
  std::string line;
  auto split = [](const std::string& l) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < l.size(); ++i) {
      const char c = l[i];
      if (quoted) {
        if (c == '"' && i + 1 < l.size() && l[i + 1] == '"') {
          out.back() += '"';
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          out.back() += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.emplace_back();
      } else {
        out.back() += c;
      }
    }
    return out;
  };
  if (!std::getline(in, line)) return rows;
  const auto cols = split(line);
  if (header) *header = cols;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto cells = split(line);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < cols.size(); ++i) row[cols[i]] = i < cells.size() ? cells[i] : "";
    rows.push_back(std::move(row));
  }
  return rows;
}

inline std::string world_file(const std::string& name) {
  return std::string(RAREFLOW_SOURCE_DIR) + "/data/world/" + name;
}

// Published rounding of the EU tables: one decimal, halves away from zero.
inline double round1(double v) {
  return std::round(v * 10.0) / 10.0;
}

// A governance table with the given scaled WGI values (year 2023 as a label).
inline Governance governance(std::map<std::string, double, std::less<>> scaled) {
  Governance g;
  g.year = 2023;
  g.scaled = std::move(scaled);
  return g;
}

}  // namespace rareflow::criticality::testing
