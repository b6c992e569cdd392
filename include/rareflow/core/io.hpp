// File I/O at the boundary. Output files are written to a temporary name and renamed, so an
// interrupted run never leaves a half-written result.
#pragma once

#include <filesystem>
#include <string>

#include "rareflow/core/error.hpp"

namespace rareflow {

Result<std::string> read_file(const std::filesystem::path& p);
Result<void> write_file_atomic(const std::filesystem::path& p, const std::string& content);

}  // namespace rareflow
