// Shared by the fuzz targets: the input as text, and a private scratch file for readers that
// take a path. A reader's clean refusal (an error Result, or any exception) is a pass; a crash,
// sanitizer report or hang is a finding.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace rareflow::fuzz {

inline std::string text_of(const uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Writes `text` to a per-process file under the temporary directory and returns its path.
inline std::filesystem::path scratch_file(const std::string& text, const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("rareflow-fuzz-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto p = dir / name;
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
  return p;
}

}  // namespace rareflow::fuzz
