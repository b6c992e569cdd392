#include <mpi.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>

#include <fmt/format.h>

#include "rareflow/mpi/session.hpp"

namespace rareflow::mpi {

namespace {

constexpr int kRowTag = 1;
constexpr int kFailureTag = 2;

using Failures = std::vector<std::pair<std::size_t, std::string>>;

// Failures as text, one "run<TAB>message" per line (messages hold no newline: core/error.hpp).
std::string encode(const Failures& failures) {
  std::string s;
  for (const auto& [run, message] : failures) s += fmt::format("{}\t{}\n", run, message);
  return s;
}

void decode(const std::string& s, Failures& out) {
  for (std::size_t at = 0; at < s.size();) {
    auto tab = s.find('\t', at), end = s.find('\n', at);
    std::size_t run = 0;
    std::from_chars(s.data() + at, s.data() + tab, run);
    out.emplace_back(run, s.substr(tab + 1, end - tab - 1));
    at = end + 1;
  }
}

// Rank 0 receives every other rank's rows (rank by rank, each in run order), one row in memory
// at a time, and writes them into its store; the others send theirs.
Result<void> gather(sweep::RunStore& store, int rank, int size) {
  const auto columns = static_cast<int>(store.columns());
  const auto step = static_cast<std::size_t>(size);
  if (rank != 0) {
    for (auto r = static_cast<std::size_t>(rank); r < store.runs(); r += step) {
      auto row = store.row(r);
      if (!row) return std::unexpected(row.error());
      MPI_Send(row->data(), columns, MPI_DOUBLE, 0, kRowTag, MPI_COMM_WORLD);
    }
    std::string f = encode(store.failures);
    MPI_Send(f.data(), static_cast<int>(f.size()), MPI_CHAR, 0, kFailureTag, MPI_COMM_WORLD);
    return {};
  }
  std::vector<double> row(store.columns());
  for (int k = 1; k < size; ++k) {
    for (auto r = static_cast<std::size_t>(k); r < store.runs(); r += step) {
      MPI_Recv(row.data(), columns, MPI_DOUBLE, k, kRowTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      if (auto w = store.write_row(r, row); !w) return w;
    }
    MPI_Status st;
    MPI_Probe(k, kFailureTag, MPI_COMM_WORLD, &st);
    int n = 0;
    MPI_Get_count(&st, MPI_CHAR, &n);
    std::string f(static_cast<std::size_t>(n), '\0');
    MPI_Recv(f.data(), n, MPI_CHAR, k, kFailureTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    decode(f, store.failures);
  }
  std::sort(store.failures.begin(), store.failures.end());
  return {};
}

std::size_t sum(std::size_t n) {
  auto mine = static_cast<std::uint64_t>(n), total = mine;
  MPI_Reduce(&mine, &total, 1, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank == 0 ? static_cast<std::size_t>(total) : n;
}

}  // namespace

Session::Session() {
  if (!std::getenv("OMPI_COMM_WORLD_SIZE") && !std::getenv("PMI_SIZE")) return;
  // Only the main thread calls MPI; the worker threads only evaluate runs.
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  active_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

Session::~Session() {
  if (active_) MPI_Finalize();
}

sweep::Ranks Session::ranks() const {
  sweep::Ranks r;
  r.rank = rank_;
  r.size = size_;
  if (size_ > 1) {
    r.gather = [rank = rank_, size = size_](sweep::RunStore& s) { return gather(s, rank, size); };
    r.sum = sum;
  }
  return r;
}

void Session::abort(int code) const {
  if (active_) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

}  // namespace rareflow::mpi
