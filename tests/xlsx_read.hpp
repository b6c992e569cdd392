// Reading an xlsx workbook back in tests (unit and CLI): members unzipped with the `unzip`
// command, cells of a sheet by row and column with shared strings resolved.
#pragma once

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rareflow::xlsx_read {

inline bool have_unzip() {
  return std::system("command -v unzip >/dev/null 2>&1") == 0;
}

inline std::string unzip_member(const std::filesystem::path& zip, const std::string& member) {
  std::string cmd = "unzip -p '" + zip.string() + "' '" + member + "' 2>/dev/null";
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  return out;
}

inline std::string unescape(std::string s) {
  const std::pair<const char*, const char*> kEnt[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (auto [from, to] : kEnt)
    for (auto p = s.find(from); p != std::string::npos; p = s.find(from, p + 1))
      s.replace(p, std::strlen(from), to);
  return s;
}

// Sheet cells by (row, column), 1-based; shared strings resolved. Numbers keep their text.
struct Sheet {
  std::map<std::pair<int, int>, std::string> cells;
  std::map<std::pair<int, int>, bool> is_number;
};

inline Sheet read_sheet(const std::string& xml, const std::vector<std::string>& shared) {
  Sheet s;
  for (auto p = xml.find("<c r=\""); p != std::string::npos; p = xml.find("<c r=\"", p + 1)) {
    auto q = xml.find('"', p + 6);
    std::string ref = xml.substr(p + 6, q - p - 6);
    int col = 0;
    std::size_t k = 0;
    while (k < ref.size() && std::isalpha(static_cast<unsigned char>(ref[k])))
      col = col * 26 + (ref[k++] - 'A' + 1);
    int row = std::stoi(ref.substr(k));
    auto tag_end = xml.find('>', p);
    std::string tag = xml.substr(p, tag_end - p);
    bool shared_str = tag.find("t=\"s\"") != std::string::npos;
    auto v = xml.find("<v>", tag_end);
    auto cend = xml.find("</c>", tag_end);
    if (xml[tag_end - 1] == '/' || v == std::string::npos || v > cend) continue;
    std::string val = xml.substr(v + 3, xml.find("</v>", v) - v - 3);
    s.cells[{row, col}] = shared_str ? shared.at(std::stoul(val)) : val;
    s.is_number[{row, col}] = !shared_str;
  }
  return s;
}

inline std::vector<std::string> shared_strings(const std::string& xml) {
  std::vector<std::string> out;
  for (auto p = xml.find("<si>"); p != std::string::npos; p = xml.find("<si>", p + 1)) {
    auto t = xml.find("<t", p);
    auto gt = xml.find('>', t);
    out.push_back(unescape(xml.substr(gt + 1, xml.find("</t>", gt) - gt - 1)));
  }
  return out;
}

inline std::vector<std::string> sheet_names(const std::string& workbook) {
  std::vector<std::string> out;
  for (auto p = workbook.find("<sheet name=\""); p != std::string::npos;
       p = workbook.find("<sheet name=\"", p + 1))
    out.push_back(unescape(workbook.substr(p + 13, workbook.find('"', p + 13) - p - 13)));
  return out;
}

}  // namespace rareflow::xlsx_read
