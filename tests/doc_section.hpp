// Generated sections of the docs: the text between "<!-- generated: NAME -->" and
// "<!-- end generated: NAME -->" in a file under docs/ is produced by code, and a test fails
// when it is out of date. RAREFLOW_UPDATE_DOCS=1 rewrites the section instead.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace rareflow::test {

inline void expect_doc_section(const std::string& doc, const std::string& name,
                               const std::string& generated) {
  const std::string path = std::string(RAREFLOW_SOURCE_DIR) + "/docs/" + doc;
  std::stringstream buf;
  buf << std::ifstream(path).rdbuf();
  std::string text = buf.str();
  const std::string begin = "<!-- generated: " + name + " -->\n";
  const std::string end = "<!-- end generated: " + name + " -->";
  const auto b = text.find(begin);
  const auto e = text.find(end);
  ASSERT_NE(b, std::string::npos) << path << " has no " << begin;
  ASSERT_NE(e, std::string::npos) << path << " has no " << end;
  const std::string current = text.substr(b + begin.size(), e - b - begin.size());
  if (current == generated) return;
  if (std::getenv("RAREFLOW_UPDATE_DOCS")) {
    text.replace(b + begin.size(), e - b - begin.size(), generated);
    std::ofstream(path) << text;
    return;
  }
  ADD_FAILURE() << path << ": section " << name
                << " is out of date; run the test with RAREFLOW_UPDATE_DOCS=1 to rewrite it";
}

}  // namespace rareflow::test
