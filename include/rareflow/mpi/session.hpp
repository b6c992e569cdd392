// `mpirun -n K rareflow sweep ...`: a sweep's runs shared between K processes. Rank k evaluates
// the runs r with r % K == k (sweep::Ranks); the rows and the failures then go to rank 0, which
// writes the one store and computes the percentiles as a single process would, so the output
// bytes do not depend on K. Built with MPI when CMake finds it (src/mpi/session_mpi.cpp);
// otherwise every process is rank 0 of 1 (session_single.cpp).
#pragma once

#include "rareflow/sweep/sweep.hpp"

namespace rareflow::mpi {

// MPI for the life of the object when the process was started by mpirun (Open MPI sets
// OMPI_COMM_WORLD_SIZE, other launchers PMI_SIZE); otherwise no MPI call is made and the
// process is rank 0 of 1.
class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  // This process's share of a sweep and, with more than one rank, the gather to rank 0.
  sweep::Ranks ranks() const;
  // Ends every rank with `code`: after an error on one rank the others would wait forever.
  [[noreturn]] void abort(int code) const;

 private:
  bool active_ = false;
  int rank_ = 0, size_ = 1;
};

}  // namespace rareflow::mpi
