#include "rareflow/report/progress.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rareflow::report {

Progress::Progress(ProgressOptions o, bool terminal, Sink sink, Clock clock)
    : o_(std::move(o)), terminal_(terminal), sink_(std::move(sink)), clock_(std::move(clock)) {
  start_ = clock_();
}

Progress::~Progress() {
  finish();
}

std::string Progress::status(long done, std::string_view what, double elapsed) const {
  std::string s = o_.label;
  if (!what.empty()) s += fmt::format(": {}", what);
  if (o_.total > 0)
    s += fmt::format(" ({}/{}, {:.1f} s)", done, o_.total, elapsed);
  else
    s += fmt::format(" ({:.1f} s)", elapsed);
  return s;
}

void Progress::update(long done, std::string_view what) {
  done_ = done;
  if (!o_.enabled || finished_) return;
  double now = clock_();
  double elapsed = now - start_;
  if (elapsed < o_.delay_s) return;
  if (terminal_) {
    if (now - last_ < o_.redraw_interval_s) return;
    std::string line = o_.label + " ";
    if (o_.total > 0) {
      double f = std::clamp(static_cast<double>(done) / static_cast<double>(o_.total), 0.0, 1.0);
      auto filled = static_cast<int>(f * o_.bar_width + 0.5);
      line += "[" + std::string(static_cast<std::size_t>(filled), '#') +
              std::string(static_cast<std::size_t>(o_.bar_width - filled), '.') + "]";
      line += fmt::format(" {:3.0f}% {}/{}", f * 100.0, done, o_.total);
      if (done > 0 && done < o_.total)
        line += fmt::format(" eta {:.0f} s", elapsed * static_cast<double>(o_.total - done) /
                                                 static_cast<double>(done));
    }
    if (!what.empty()) line += fmt::format("  {}", what);
    std::size_t len = line.size();
    if (len < last_len_) line += std::string(last_len_ - len, ' ');  // clear the old tail
    last_len_ = len;
    sink_("\r" + line);
  } else {
    if (now - last_ < o_.line_interval_s) return;
    sink_(status(done, what, elapsed) + "\n");
  }
  last_ = now;
  shown_ = true;
}

void Progress::finish() {
  if (finished_) return;
  finished_ = true;
  if (!o_.enabled || !shown_) return;
  double elapsed = clock_() - start_;
  std::string done = o_.total > 0 ? fmt::format("done, {}/{} in {:.1f} s", done_, o_.total, elapsed)
                                  : fmt::format("done in {:.1f} s", elapsed);
  if (terminal_) {
    std::string line = o_.label + " " + done;
    if (line.size() < last_len_) line += std::string(last_len_ - line.size(), ' ');
    sink_("\r" + line + "\n");
  } else {
    sink_(o_.label + ": " + done + "\n");
  }
}

}  // namespace rareflow::report
