#include <gtest/gtest.h>

#include "rareflow/report/progress.hpp"

namespace rareflow::report {
namespace {

struct Fake {
  double now = 0.0;
  std::string out;
  Progress make(ProgressOptions o, bool terminal) {
    return Progress(
        std::move(o), terminal, [this](std::string_view s) { out += s; }, [this] { return now; });
  }
};

TEST(Progress, QuickRunsPrintNothing) {
  Fake f;
  {
    auto p = f.make({"simulate", 27}, false);
    for (long i = 1; i <= 27; ++i) {
      f.now += 0.03;  // 0.81 s in all: under the one-second delay
      p.update(i, "year");
    }
  }
  EXPECT_EQ(f.out, "");
}

TEST(Progress, PipesGetOccasionalLines) {
  Fake f;
  {
    auto p = f.make({"simulate", 27}, false);
    for (long i = 1; i <= 27; ++i) {
      f.now += 0.5;  // a year every half second: 13.5 s in all
      p.update(i, "year " + std::to_string(2023 + i));
    }
  }
  // Lines at 1.0 s (the first after the delay), then at most every 5 s: 6.0 s and 11.0 s;
  // then the final line.
  EXPECT_EQ(f.out,
            "simulate: year 2025 (2/27, 1.0 s)\n"
            "simulate: year 2035 (12/27, 6.0 s)\n"
            "simulate: year 2045 (22/27, 11.0 s)\n"
            "simulate: done, 27/27 in 13.5 s\n");
}

TEST(Progress, TerminalsGetARedrawnBar) {
  Fake f;
  ProgressOptions o{"plan", 4};
  o.bar_width = 10;
  {
    auto p = f.make(o, true);
    f.now = 1.2;
    p.update(1, "scenario a");
    f.now = 3.0;
    p.update(2, "b");
  }
  // 1/4: 2.5 + 0.5 -> 3 of 10 cells, eta 1.2 s * 3 / 1 = 3.6 -> 4 s. 2/4: 5 cells, eta 3 s.
  // Each redraw starts with \r and pads with spaces over the longer line before it.
  auto pad = [](std::string s, std::size_t n) {
    return s + std::string(n > s.size() ? n - s.size() : 0, ' ');
  };
  std::string l1 = "plan [###.......]  25% 1/4 eta 4 s  scenario a";
  std::string l2 = "plan [#####.....]  50% 2/4 eta 3 s  b";
  std::string l3 = "plan done, 2/4 in 3.0 s";
  EXPECT_EQ(f.out, "\r" + l1 + "\r" + pad(l2, l1.size()) + "\r" + pad(l3, l2.size()) + "\n");
}

TEST(Progress, DisabledNeverPrints) {
  Fake f;
  ProgressOptions o{"x", 2};
  o.enabled = false;
  {
    auto p = f.make(o, false);
    f.now = 10;
    p.update(1);
  }
  EXPECT_EQ(f.out, "");
}

}  // namespace
}  // namespace rareflow::report
