// Progress display for commands that run longer than a second: a redrawn bar on a terminal,
// occasional one-line updates ("simulate: year 2030 (7/27, 4.1 s)") when stderr is a file or
// pipe. Silent for quick runs. Not thread-safe: call from the thread that does the work.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace rareflow::report {

struct ProgressOptions {
  std::string label;             // e.g. "simulate"
  long total = 0;                // number of steps; 0 when unknown
  double delay_s = 1.0;          // nothing is shown before this much time has passed
  double line_interval_s = 5.0;  // not a terminal: at most one line per interval
  double redraw_interval_s = 0.1;
  int bar_width = 28;
  bool enabled = true;  // false: never prints (e.g. --quiet)
};

class Progress {
 public:
  using Sink = std::function<void(std::string_view)>;
  using Clock = std::function<double()>;  // monotonic seconds

  // Terminal mode (a redrawn bar) or line mode, the sink the text goes to and a clock. The
  // command line's progress on stderr is made in app/ (app/progress.hpp): the library prints
  // nothing itself.
  Progress(ProgressOptions o, bool terminal, Sink sink, Clock clock);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // `done` steps of `total` finished; `what` names the current one (e.g. "year 2030").
  void update(long done, std::string_view what = {});
  // Ends the display: a final line when anything was shown. Called by the destructor.
  void finish();

  bool shown() const { return shown_; }

 private:
  std::string status(long done, std::string_view what, double elapsed) const;

  ProgressOptions o_;
  bool terminal_ = false;
  Sink sink_;
  Clock clock_;
  double start_ = 0.0;
  double last_ = -1e300;
  long done_ = 0;
  std::size_t last_len_ = 0;
  bool shown_ = false;
  bool finished_ = false;
};

}  // namespace rareflow::report
