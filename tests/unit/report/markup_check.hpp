// Test helper: a small well-formedness check for the SVG and HTML the report writes (balanced
// tags, quoted attributes, known entities), and counts of elements. Not a full XML parser: it
// accepts what the report is meant to produce and rejects the usual slips.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace rareflow::report::testing {

inline bool is_void_html(const std::string& name) {
  static const std::vector<std::string> kVoid{"meta", "br", "hr", "img", "input", "link"};
  return std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
}

// Returns "" when `text` is well formed, else a description of the first problem.
// html: void elements need no end tag, and <script>/<style> bodies are skipped.
inline std::string check_markup(const std::string& text, bool html) {
  std::vector<std::string> stack;
  std::size_t i = 0;
  auto where = [&](std::size_t at) { return " at offset " + std::to_string(at); };
  while (i < text.size()) {
    char c = text[i];
    if (c == '&') {
      auto semi = text.find(';', i);
      if (semi == std::string::npos || semi - i > 8) return "bare '&'" + where(i);
      std::string ent = text.substr(i + 1, semi - i - 1);
      static const std::vector<std::string> kNamed{"amp",  "lt",  "gt",   "quot",
                                                   "apos", "#39", "#8211"};
      if (std::find(kNamed.begin(), kNamed.end(), ent) == kNamed.end() && ent[0] != '#')
        return "unknown entity &" + ent + ";" + where(i);
      i = semi + 1;
      continue;
    }
    if (c == '>') return "bare '>' in text" + where(i);
    if (c != '<') {
      ++i;
      continue;
    }
    if (text.compare(i, 9, "<!DOCTYPE") == 0) {
      i = text.find('>', i) + 1;
      continue;
    }
    if (text.compare(i, 4, "<!--") == 0) {
      auto e = text.find("-->", i);
      if (e == std::string::npos) return "unclosed comment" + where(i);
      i = e + 3;
      continue;
    }
    bool closing = i + 1 < text.size() && text[i + 1] == '/';
    std::size_t j = i + (closing ? 2 : 1);
    std::size_t name_start = j;
    while (j < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '-' || text[j] == ':'))
      ++j;
    std::string name = text.substr(name_start, j - name_start);
    if (name.empty()) return "'<' not starting a tag" + where(i);
    // Attributes: name="value" or name='value'; '<' inside a value is an error.
    bool self_closing = false;
    while (j < text.size() && text[j] != '>') {
      if (text[j] == '"' || text[j] == '\'') {
        char q = text[j];
        auto e = text.find(q, j + 1);
        if (e == std::string::npos) return "unclosed attribute value" + where(j);
        if (text.substr(j, e - j).find('<') != std::string::npos)
          return "'<' in attribute value" + where(j);
        j = e + 1;
        continue;
      }
      if (text[j] == '=' && j + 1 < text.size() && text[j + 1] != '"' && text[j + 1] != '\'')
        return "unquoted attribute value in <" + name + ">" + where(j);
      if (text[j] == '/' && j + 1 < text.size() && text[j + 1] == '>') self_closing = true;
      if (text[j] == '<') return "'<' inside tag <" + name + ">" + where(j);
      ++j;
    }
    if (j >= text.size()) return "unterminated tag <" + name + ">" + where(i);
    i = j + 1;
    if (closing) {
      if (stack.empty() || stack.back() != name)
        return "</" + name + "> closes <" + (stack.empty() ? "nothing" : stack.back()) + ">" +
               where(i);
      stack.pop_back();
      continue;
    }
    if (self_closing || (html && is_void_html(name))) continue;
    if (html && (name == "script" || name == "style")) {
      auto e = text.find("</" + name + ">", i);
      if (e == std::string::npos) return "unclosed <" + name + ">" + where(i);
      i = e + name.size() + 3;
      continue;
    }
    stack.push_back(name);
  }
  if (!stack.empty()) return "unclosed <" + stack.back() + ">";
  return "";
}

inline std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

// The html of one <section id="...">, or "" when absent.
inline std::string section_html(const std::string& doc, const std::string& id) {
  auto start = doc.find("<section class=\"rf-section\" id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  auto end = doc.find("</section>", start);
  return doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace rareflow::report::testing
