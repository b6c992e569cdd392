#include "rareflow/data/embedded.hpp"

#include <span>
#include <utility>

namespace rareflow {
namespace detail {
std::span<const std::pair<std::string_view, std::string_view>> embedded_files();
}

std::optional<std::string_view> embedded_file(std::string_view path) {
  for (const auto& [p, content] : detail::embedded_files())
    if (p == path) return content;
  return std::nullopt;
}

std::vector<std::string> embedded_paths(std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& [p, content] : detail::embedded_files())
    if (p.starts_with(prefix)) out.emplace_back(p);
  return out;
}

}  // namespace rareflow
