// File I/O at the boundary. Output files are written to a temporary name and renamed, so an
// interrupted run never leaves a half-written result; a results directory is written into a
// temporary directory and swapped in with one rename. Missing parent directories are an error,
// never created silently, and read-only files are never replaced.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "rareflow/core/error.hpp"

namespace rareflow {

// Reads a whole file; refuses files larger than limits::kMaxFileBytes.
Result<std::string> read_file(const std::filesystem::path& p);
Result<void> write_file_atomic(const std::filesystem::path& p, const std::string& content);

// Checks, before any work starts, that `p` can be written as a file: its parent directory
// exists, and `p` is not a directory or a read-only file.
Result<void> check_output_file(const std::filesystem::path& p);
// The same for a results directory: the parent exists; `dir`, if it exists, is a writable
// directory that is empty or holds a previous results directory (run.json or results.csv), so
// that replacing it never removes files rareflow did not write.
Result<void> check_output_dir(const std::filesystem::path& dir);

// Writes `files` (name -> content) as the directory `dir`, as a unit: into a temporary sibling
// directory first, then swapped in with one rename (the previous directory, if any, removed).
// On any failure the temporary directory is removed and `dir` is left as it was.
using NamedText = std::pair<std::string, std::string>;
Result<void> write_dir_atomic(const std::filesystem::path& dir,
                              const std::vector<NamedText>& files);

}  // namespace rareflow
