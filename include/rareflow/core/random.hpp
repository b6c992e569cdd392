// Reproducible random streams. A stream is keyed by (seed, run, stream): its numbers depend on
// those three integers only, never on which thread or process draws them, so a sweep gives
// bit-identical results whatever the thread or rank count, and one run can be replayed alone.
//
//   Rng rng(seed, run);            // the run's main stream
//   Rng rng(seed, run, input_id);  // one stream per sampled input: adding an input to a
//                                  // scenario does not shift the draws of the others
//   double u = rng.uniform();      // in (0, 1), 53 random bits
//
// The generator is SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number
// generators"): a 64-bit counter advanced by a fixed odd constant and passed through a bijective
// mixer. Its output is a pure function of the counter, so it is counter-based: the key picks
// the starting counter through the same mixer. Only integer arithmetic, so it is the same on
// every platform.
#pragma once

#include <cstdint>

namespace rareflow {

class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t run, std::uint64_t stream = 0)
      : state_(mix(mix(mix(seed) ^ (run + kGamma)) ^ (stream * kGamma + 1))) {}

  // The next 64 random bits.
  std::uint64_t next() { return mix(state_ += kGamma); }

  // A double in the open interval (0, 1): 53 bits, offset by half a step so that 0 and 1 never
  // occur (quantile functions of unbounded distributions are infinite there).
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

  // An integer in [0, n), n > 0, from one uniform draw (exact enough for the small n of a
  // choice; the result is below n because uniform() < 1).
  std::uint64_t below(std::uint64_t n) {
    auto k = static_cast<std::uint64_t>(uniform() * static_cast<double>(n));
    return k < n ? k : n - 1;
  }

  // SplitMix64's finaliser: a bijection on 64-bit integers with good avalanche.
  static constexpr std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // A stable 64-bit id for a name (FNV-1a), e.g. to key an input's stream by its name.
  static constexpr std::uint64_t hash(const char* s, std::uint64_t h = 0xcbf29ce484222325ULL) {
    for (; *s; ++s) h = (h ^ static_cast<unsigned char>(*s)) * 0x100000001b3ULL;
    return h;
  }

 private:
  static constexpr std::uint64_t kGamma = 0x9e3779b97f4a7c15ULL;
  std::uint64_t state_;
};

}  // namespace rareflow
