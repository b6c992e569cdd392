#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "rareflow/sweep/sweep.hpp"

namespace rareflow::sweep {

namespace {

// Closes a POSIX file descriptor on scope exit.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

RunStore::RunStore(std::filesystem::path file, std::size_t runs, std::size_t columns)
    : file_(std::move(file)), runs_(runs), columns_(columns) {}

Result<void> RunStore::write_row(std::size_t run, const std::vector<double>& row) const {
  Fd f{::open(file_.c_str(), O_WRONLY)};
  if (f.fd < 0) return fail(fmt::format("cannot open {}", file_.string()));
  auto bytes = static_cast<std::size_t>(columns_ * sizeof(double));
  auto at = static_cast<off_t>(run * bytes);
  if (row.size() != columns_ ||
      ::pwrite(f.fd, row.data(), bytes, at) != static_cast<ssize_t>(bytes))
    return fail(fmt::format("cannot write run {} to {}", run, file_.string()));
  return {};
}

Result<std::vector<double>> RunStore::read_columns(std::size_t first, std::size_t count) const {
  Fd f{::open(file_.c_str(), O_RDONLY)};
  if (f.fd < 0) return fail(fmt::format("cannot open {}", file_.string()));
  std::vector<double> out(count * runs_), seg(count);
  auto bytes = static_cast<std::size_t>(count * sizeof(double));
  for (std::size_t r = 0; r < runs_; ++r) {
    auto at = static_cast<off_t>((r * columns_ + first) * sizeof(double));
    if (::pread(f.fd, seg.data(), bytes, at) != static_cast<ssize_t>(bytes))
      return fail(fmt::format("cannot read {}", file_.string()));
    for (std::size_t c = 0; c < count; ++c) out[c * runs_ + r] = seg[c];
  }
  return out;
}

Result<std::vector<double>> RunStore::row(std::size_t run) const {
  Fd f{::open(file_.c_str(), O_RDONLY)};
  std::vector<double> out(columns_);
  auto bytes = static_cast<std::size_t>(columns_ * sizeof(double));
  if (f.fd < 0 || run >= runs_ ||
      ::pread(f.fd, out.data(), bytes, static_cast<off_t>(run * bytes)) !=
          static_cast<ssize_t>(bytes))
    return fail(fmt::format("cannot read run {} from {}", run, file_.string()));
  return out;
}

Result<RunStore> run_all(const Plan& plan, const Model& model, std::size_t columns,
                         const RunOptions& o, const Ranks& ranks) {
  RunStore store(o.store, plan.runs(), columns);
  {
    Fd f{::open(o.store.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644)};
    if (f.fd < 0 || ::ftruncate(f.fd, static_cast<off_t>(plan.runs() * columns * sizeof(double))))
      return fail(fmt::format("cannot create {}", o.store.string()));
  }
  // This rank's k-th run is k * size + rank; a run's stream depends only on its index.
  const auto rank = static_cast<std::size_t>(ranks.rank);
  const auto size = static_cast<std::size_t>(std::max(ranks.size, 1));
  std::atomic<std::size_t> next{0};
  std::mutex m;
  std::optional<Error> io_error;
  auto work = [&] {
    for (std::size_t r = next++ * size + rank; r < plan.runs(); r = next++ * size + rank) {
      auto out = model(r, plan.values[r]);
      std::optional<std::string> failure;
      if (!out)
        failure = out.error().message;
      else if (out->size() != columns)
        failure = fmt::format("{} outputs, expected {}", out->size(), columns);
      auto w = store.write_row(r, failure ? std::vector<double>(columns, std::nan("")) : *out);
      std::lock_guard lock(m);
      if (failure) store.failures.emplace_back(r, *failure);
      if (!w && !io_error) io_error = w.error();
    }
  };
  {
    std::vector<std::jthread> pool;
    for (int t = 1; t < std::max(o.threads, 1); ++t) pool.emplace_back(work);
    work();
  }
  if (io_error) return std::unexpected(*io_error);
  std::sort(store.failures.begin(), store.failures.end());
  if (size > 1 && ranks.gather)
    if (auto g = ranks.gather(store); !g) return std::unexpected(g.error());
  return store;
}

}  // namespace rareflow::sweep
