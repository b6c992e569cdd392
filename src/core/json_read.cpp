#include "rareflow/core/json_read.hpp"

#include <fmt/format.h>

#include "rareflow/core/limits.hpp"

namespace rareflow {

namespace {
struct TooDeep {};

// Line and column of byte offset `pos` (1-based), for nlohmann's byte positions.
std::pair<int, int> line_column(const std::string& text, std::size_t pos) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}
}  // namespace

Result<nlohmann::json> parse_json(const std::string& text, const std::string& file) {
  if (auto b = check_text_bounds(text, file); !b.message.empty()) return fail(b.str());
  // Depth is checked as the parser goes, so a deep document is refused before it is built.
  auto bounded = [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth > limits::kMaxNesting) throw TooDeep{};
    return true;
  };
  try {
    return nlohmann::json::parse(text, bounded);
  } catch (const TooDeep&) {
    return fail(fmt::format("{}: arrays or objects nested deeper than {}; expected at most that",
                            file, limits::kMaxNesting));
  } catch (const nlohmann::json::parse_error& e) {
    auto [line, column] = line_column(text, e.byte > 0 ? e.byte - 1 : 0);
    return fail(
        Diagnostic{file, line, column, "", fmt::format("not valid json: {}", e.what())}.str());
  }
}

}  // namespace rareflow
