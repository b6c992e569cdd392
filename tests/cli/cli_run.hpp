// Runs the built rareflow binary and captures exit code, stdout and stderr, for end-to-end
// tests of the commands.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace rareflow::cli_test {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// `args` is appended to the binary path as is (quote paths yourself).
inline CliRun run(const std::string& args) {
  std::random_device rd;
  auto base = std::filesystem::temp_directory_path() / ("rareflow_cli_" + std::to_string(rd()));
  std::string cmd = std::string(RAREFLOW_BIN) + " " + args + " >" + base.string() + ".out 2>" +
                    base.string() + ".err";
  CliRun r;
  int status = std::system(cmd.c_str());
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(base.string() + ".out");
  r.err = slurp(base.string() + ".err");
  std::filesystem::remove(base.string() + ".out");
  std::filesystem::remove(base.string() + ".err");
  return r;
}

}  // namespace rareflow::cli_test

namespace rareflow::cli_test {

// Runs a shell command and returns its stdout.
inline std::string run_shell(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

}  // namespace rareflow::cli_test
