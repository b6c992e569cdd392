// Enums written as words in files and outputs: one table of words per enum, in enum order, and
// these two lookups (stages, statuses, kinds).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace rareflow {

template <typename E, std::size_t N>
std::string_view enum_word(const std::array<std::string_view, N>& words, E e) {
  return words[static_cast<std::size_t>(e)];
}

template <typename E, std::size_t N>
std::optional<E> enum_from_word(const std::array<std::string_view, N>& words,
                                std::string_view word) {
  for (std::size_t i = 0; i < N; ++i)
    if (words[i] == word) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace rareflow
