// Writes the embedded default package to a fresh temporary folder so that a test can break
// one file and load the result.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "rareflow/data/embedded.hpp"

namespace rareflow::testing {

class PackageDir {
 public:
  PackageDir() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("rareflow_pkg_" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    for (const auto& p : embedded_paths("data/world/")) {
      std::ofstream out(dir_ / p.substr(std::string("data/world/").size()), std::ios::binary);
      out << *embedded_file(p);
    }
  }
  ~PackageDir() { std::filesystem::remove_all(dir_); }
  const std::filesystem::path& path() const { return dir_; }

  std::string read(const std::string& file) const {
    std::ifstream in(dir_ / file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  void write(const std::string& file, const std::string& text) const {
    std::ofstream out(dir_ / file, std::ios::binary | std::ios::trunc);
    out << text;
  }
  // Replaces the first occurrence of `from`; fails the test if absent.
  void replace(const std::string& file, const std::string& from, const std::string& to) const {
    std::string t = read(file);
    auto p = t.find(from);
    ASSERT_NE(p, std::string::npos) << file << " lacks: " << from;
    t.replace(p, from.size(), to);
    write(file, t);
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace rareflow::testing
