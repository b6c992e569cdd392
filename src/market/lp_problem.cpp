#include "lp_problem.hpp"

namespace rareflow::market::detail {

std::string LpProblem::sanitize(std::string s) {
  for (char& ch : s) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '.';
    if (!ok) ch = '_';
  }
  return s;
}

}  // namespace rareflow::market::detail
