#include "rareflow/core/io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "rareflow/core/limits.hpp"

namespace rareflow {

namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& p) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec) && fs::file_size(p, ec) > limits::kMaxFileBytes)
    return fail(fmt::format("{}: file of {} bytes; expected at most {} bytes", p.string(),
                            fs::file_size(p, ec), limits::kMaxFileBytes));
  std::ifstream in(p, std::ios::binary);
  if (!in) return fail(fmt::format("{}: cannot open file for reading", p.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

namespace {

fs::path parent_of(const fs::path& p) {
  return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

Result<void> check_parent(const fs::path& p) {
  std::error_code ec;
  fs::path parent = parent_of(p);
  if (!fs::is_directory(parent, ec))
    return fail(fmt::format("{}: directory {} does not exist (create it first)", p.string(),
                            parent.string()));
  return {};
}

// By its permission bits, not access(2): root may write anything, but a file nobody may write
// was made read-only on purpose and is not replaced.
bool writable(const fs::path& p) {
  std::error_code ec;
  auto perms = fs::status(p, ec).permissions();
  if (ec) return false;
  constexpr auto kWrite = fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write;
  return (perms & kWrite) != fs::perms::none && ::access(p.c_str(), W_OK) == 0;
}

// A temporary name beside `p`, hidden and unique to this process.
fs::path temporary_beside(const fs::path& p) {
  return parent_of(p) / fmt::format(".{}.tmp-{}", p.filename().string(), ::getpid());
}

}  // namespace

Result<void> check_output_file(const fs::path& p) {
  if (auto ok = check_parent(p); !ok) return ok;
  std::error_code ec;
  if (fs::is_directory(p, ec))
    return fail(fmt::format("{}: is a directory; expected a file name", p.string()));
  if (fs::exists(p, ec) && !writable(p))
    return fail(fmt::format("{}: read-only file; not replaced", p.string()));
  return {};
}

Result<void> check_output_dir(const fs::path& dir) {
  if (auto ok = check_parent(dir); !ok) return ok;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return {};
  if (!fs::is_directory(dir, ec))
    return fail(fmt::format("{}: exists and is not a directory", dir.string()));
  if (!writable(dir) || !writable(parent_of(dir)))
    return fail(fmt::format("{}: read-only directory; not replaced", dir.string()));
  bool results = fs::exists(dir / "run.json", ec) || fs::exists(dir / "results.csv", ec);
  if (!results && !fs::is_empty(dir, ec))
    return fail(fmt::format(
        "{}: holds files but no run.json or results.csv; expected a new or empty directory or a "
        "previous results directory (it is replaced as a whole)",
        dir.string()));
  return {};
}

Result<void> write_file_atomic(const fs::path& p, const std::string& content) {
  if (auto ok = check_output_file(p); !ok) return ok;
  std::error_code ec;
  fs::path tmp = temporary_beside(p);
  auto failed = [&](std::string message) {
    fs::remove(tmp, ec);
    return fail(std::move(message));
  };
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return failed(fmt::format("{}: cannot open file for writing", tmp.string()));
    out << content;
    if (!out.flush()) return failed(fmt::format("{}: write failed", tmp.string()));
  }
  fs::rename(tmp, p, ec);
  if (ec) return failed(fmt::format("{}: cannot rename into place: {}", p.string(), ec.message()));
  return {};
}

Result<void> write_dir_atomic(const fs::path& dir, const std::vector<NamedText>& files) {
  if (auto ok = check_output_dir(dir); !ok) return ok;
  std::error_code ec;
  fs::path tmp = temporary_beside(dir);
  fs::remove_all(tmp, ec);
  auto failed = [&](std::string message) {
    std::error_code ignore;
    fs::remove_all(tmp, ignore);
    return fail(std::move(message));
  };
  if (!fs::create_directory(tmp, ec))
    return failed(fmt::format("{}: cannot create a temporary directory: {}", tmp.string(),
                              ec ? ec.message() : "it exists"));
  for (const auto& [name, content] : files) {
    std::ofstream out(tmp / name, std::ios::binary | std::ios::trunc);
    if (!out) return failed(fmt::format("{}: cannot open file for writing", (dir / name).string()));
    out << content;
    if (!out.flush()) return failed(fmt::format("{}: write failed", (dir / name).string()));
  }
  bool exists = fs::exists(dir, ec);
  // One rename: a new directory moves into place; an existing one is exchanged atomically
  // with the new (renameat2, Linux >= 3.15), and the old, now at the temporary name, removed.
  int rc = exists ? ::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE)
                  : ::rename(tmp.c_str(), dir.c_str());
  if (rc != 0)
    return failed(fmt::format("{}: cannot rename into place: {}", dir.string(),
                              std::error_code(errno, std::generic_category()).message()));
  fs::remove_all(tmp, ec);
  return {};
}

}  // namespace rareflow
