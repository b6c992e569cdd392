// A build without MPI: every process is rank 0 of 1 (see rareflow/mpi/session.hpp).
#include <cstdlib>

#include "rareflow/mpi/session.hpp"

namespace rareflow::mpi {

Session::Session() = default;
Session::~Session() = default;
sweep::Ranks Session::ranks() const {
  return {};
}
void Session::abort(int code) const {
  std::exit(code);
}

}  // namespace rareflow::mpi
