// Small ASCII text helpers shared by the readers and the command line (case-insensitive
// matching of codes, names and keywords; lists in messages).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rareflow {

// ASCII lower and upper case copies (other bytes unchanged).
std::string lower(std::string_view s);
std::string upper(std::string_view s);

// A space or a tab: the blanks hand-written files may put around a value.
inline bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// "a, b, c" (or with another separator).
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace rareflow
