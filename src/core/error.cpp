#include "rareflow/core/error.hpp"

#include "rareflow/core/text.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <fmt/format.h>

namespace rareflow {

std::string Diagnostic::str() const {
  // A message echoes what it found; a huge found value must not flood the terminal.
  constexpr std::size_t kMaxMessage = 1000;
  std::string text =
      message.size() <= kMaxMessage
          ? message
          : fmt::format("{}... ({} characters)", message.substr(0, kMaxMessage), message.size());
  std::string where = file;
  if (line > 0) where += fmt::format(":{}", line);
  if (line > 0 && column > 0) where += fmt::format(":{}", column);
  if (field.empty()) return fmt::format("{}: {}", where, text);
  return fmt::format("{}: {}: {}", where, field, text);
}

void throw_error(const Error& e) {
  if (!e.diagnostics.empty()) throw InputError(e.diagnostics);
  throw std::runtime_error(e.message);
}

std::string Diagnostics::str() const {
  std::string out;
  for (const auto& d : items_) {
    out += d.str();
    out += '\n';
  }
  return out;
}

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  // Bounded: a long word is no typo of an id, and the quadratic distance is computed only for
  // candidates whose length is close enough to win (a 5 MB word took 14 s before).
  constexpr std::size_t kMaxWord = 100;
  constexpr std::size_t kMaxCandidates = 100000;
  std::string best;
  if (word.size() > kMaxWord) return best;
  std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
  std::size_t seen = 0;
  for (const auto& c : candidates) {
    if (++seen > kMaxCandidates) break;
    std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap >= best_d) continue;
    std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string suggestion(const std::string& word, const std::vector<std::string>& candidates) {
  // Case is the commonest slip ("nd" for "Nd"), so it is ignored when comparing.
  const std::string w = lower(word);
  std::vector<std::string> lowered;
  lowered.reserve(candidates.size());
  for (const auto& c : candidates) {
    if (lower(c) == w) return fmt::format(" (did you mean \"{}\"?)", c);
    lowered.push_back(lower(c));
  }
  const std::string best = closest_match(w, lowered);
  if (best.empty()) return "";
  for (std::size_t i = 0; i < lowered.size(); ++i)
    if (lowered[i] == best) return fmt::format(" (did you mean \"{}\"?)", candidates[i]);
  return "";
}

}  // namespace rareflow
