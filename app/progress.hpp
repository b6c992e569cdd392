// The command line's progress display: report::Progress writing to stderr, a redrawn bar when
// stderr is a terminal. RAREFLOW_PROGRESS=0 disables it.
#pragma once

#include "rareflow/report/progress.hpp"

namespace rareflow::app {

report::Progress stderr_progress(report::ProgressOptions o);

}  // namespace rareflow::app
