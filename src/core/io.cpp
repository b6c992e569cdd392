#include "rareflow/core/io.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

namespace rareflow {

Result<std::string> read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return fail(fmt::format("{}: cannot open file for reading", p.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<void> write_file_atomic(const std::filesystem::path& p, const std::string& content) {
  std::error_code ec;
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
  auto tmp = p;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return fail(fmt::format("{}: cannot open file for writing", tmp.string()));
    out << content;
    if (!out.flush()) return fail(fmt::format("{}: write failed", tmp.string()));
  }
  std::filesystem::rename(tmp, p, ec);
  if (ec) return fail(fmt::format("{}: cannot rename into place: {}", p.string(), ec.message()));
  return {};
}

}  // namespace rareflow
