#include "progress.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace rareflow::app {

report::Progress stderr_progress(report::ProgressOptions o) {
  const char* env = std::getenv("RAREFLOW_PROGRESS");
  if (env && std::string_view(env) == "0") o.enabled = false;
  return report::Progress(
      std::move(o), isatty(fileno(stderr)) != 0,
      [](std::string_view s) {
        // What the command already printed goes out first, so that a progress line never
        // lands inside a half-flushed table line when both streams share a terminal or file.
        std::fflush(stdout);
        std::fwrite(s.data(), 1, s.size(), stderr);
        std::fflush(stderr);
      },
      [] {
        using namespace std::chrono;
        return duration<double>(steady_clock::now().time_since_epoch()).count();
      });
}

}  // namespace rareflow::app
