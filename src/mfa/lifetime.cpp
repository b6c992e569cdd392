#include "rareflow/mfa/lifetime.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "rareflow/core/table.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow::mfa {

namespace {

struct KindInfo {
  LifetimeKind kind;
  std::string_view name;
  std::string_view form;                   // how the spec is written
  std::array<std::string_view, 2> params;  // second empty for one-parameter kinds
};

constexpr std::array<KindInfo, 5> kKinds{{
    {LifetimeKind::Fixed, "fixed", "fixed:MEAN", {"mean", ""}},
    {LifetimeKind::Normal, "normal", "normal:MEAN,SD", {"mean", "sd"}},
    {LifetimeKind::FoldedNormal, "foldednormal", "foldednormal:MEAN,SD", {"mean", "sd"}},
    {LifetimeKind::LogNormal, "lognormal", "lognormal:MEAN,SD", {"mean", "sd"}},
    {LifetimeKind::Weibull, "weibull", "weibull:SHAPE,SCALE", {"shape", "scale"}},
}};

const KindInfo& kind_info(LifetimeKind k) {
  return kKinds[static_cast<std::size_t>(k)];
}

std::size_t param_count(LifetimeKind k) {
  return kind_info(k).params[1].empty() ? 1 : 2;
}

// Standard deviations and the Weibull shape must be > 0 (a zero would divide by zero); means
// and the Weibull scale may be 0, which is the zero lifetime.
bool needs_positive(LifetimeKind k, std::size_t which) {
  return k == LifetimeKind::Weibull ? which == 0 : (k != LifetimeKind::Fixed && which == 1);
}

std::string_view rule_text(LifetimeKind k, std::size_t which) {
  return needs_positive(k, which) ? "a finite number > 0" : "a finite number >= 0";
}

bool acceptable(LifetimeKind k, std::size_t which, double v) {
  return std::isfinite(v) && (needs_positive(k, which) ? v > 0.0 : v >= 0.0);
}

bool is_zero_lifetime(const Lifetime& lt) {
  switch (lt.kind) {
    case LifetimeKind::Fixed:
      return !(lt.p1 > 0.0);
    case LifetimeKind::Weibull:
      return lt.p2 == 0.0;
    default:
      return lt.p1 == 0.0;
  }
}

// Upper tail of the standard normal, 1 - Phi(z), accurate far into both tails.
double normal_upper_tail(double z) {
  return 0.5 * std::erfc(z / std::numbers::sqrt2);
}

std::string quoted(std::string_view s) {
  return fmt::format("\"{}\"", s);
}

std::string_view trim(std::string_view s, std::size_t& offset) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
    ++offset;
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view kind_name(LifetimeKind k) {
  return kind_info(k).name;
}

std::string to_string(const Lifetime& lt) {
  if (param_count(lt.kind) == 1)
    return fmt::format("{}:{}", kind_name(lt.kind), format_double(lt.p1));
  return fmt::format("{}:{},{}", kind_name(lt.kind), format_double(lt.p1), format_double(lt.p2));
}

Result<void> validate(const Lifetime& lt) {
  const auto& info = kind_info(lt.kind);
  const double values[2] = {lt.p1, lt.p2};
  for (std::size_t k = 0; k < param_count(lt.kind); ++k) {
    if (!acceptable(lt.kind, k, values[k]))
      return fail(fmt::format("{} lifetime: {}: expected {}, found {}", info.name, info.params[k],
                              rule_text(lt.kind, k), format_double(values[k])));
  }
  return {};
}

std::expected<Lifetime, Diagnostic> parse_lifetime(std::string_view spec, std::string_view origin) {
  auto diag = [&](std::size_t col0, std::string_view field, std::string msg) {
    return std::unexpected(
        Diagnostic{std::string(origin), 1, static_cast<int>(col0) + 1, std::string(field), msg});
  };
  constexpr std::string_view kExpectedKinds =
      "normal:MEAN,SD, foldednormal:MEAN,SD, lognormal:MEAN,SD, weibull:SHAPE,SCALE or "
      "fixed:MEAN";
  auto colon = spec.find(':');
  std::size_t kind_at = 0;
  std::string_view kind_text = trim(spec.substr(0, colon), kind_at);
  const std::string kind_lower = lower(kind_text);
  const KindInfo* info = nullptr;
  for (const auto& k : kKinds)
    if (k.name == kind_lower) info = &k;
  if (info == nullptr) {
    std::vector<std::string> names;
    for (const auto& k : kKinds) names.emplace_back(k.name);
    std::string msg = fmt::format("expected {}, found {}", kExpectedKinds, quoted(spec));
    msg += suggestion(kind_lower, names);
    return diag(kind_at, "kind", msg);
  }
  const std::size_t nparams = param_count(info->kind);
  if (colon == std::string_view::npos) {
    return diag(spec.size(), "parameters",
                fmt::format("expected {}, found {}", info->form, quoted(spec)));
  }
  Lifetime lt{info->kind, 0.0, 0.0};
  double* slots[2] = {&lt.p1, &lt.p2};
  std::size_t pos = colon + 1;
  std::size_t count = 0;
  while (true) {
    auto comma = spec.find(',', pos);
    std::size_t end = comma == std::string_view::npos ? spec.size() : comma;
    if (count == nparams) {
      return diag(pos, "parameters",
                  fmt::format("expected {}, found {}", info->form, quoted(spec)));
    }
    std::size_t at = pos;
    std::string_view tok = trim(spec.substr(pos, end - pos), at);
    std::string_view field = info->params[count];
    double v = 0.0;
    auto [ptr, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v);
    bool parsed = !tok.empty() && ec == std::errc() && ptr == tok.data() + tok.size();
    if (!parsed || !acceptable(info->kind, count, v)) {
      return diag(at, field,
                  fmt::format("expected {}, found {}", rule_text(info->kind, count),
                              tok.empty() ? std::string("nothing") : quoted(tok)));
    }
    *slots[count++] = v;
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  if (count < nparams) {
    return diag(spec.size(), info->params[count],
                fmt::format("expected {}, found {}", info->form, quoted(spec)));
  }
  return lt;
}

LogNormalParams log_normal_params(double mean, double sd) {
  double sigma2 = std::log1p((sd * sd) / (mean * mean));
  return {std::log(mean) - 0.5 * sigma2, std::sqrt(sigma2)};
}

double survival(const Lifetime& lt, double age) {
  if (is_zero_lifetime(lt)) return 0.0;
  switch (lt.kind) {
    case LifetimeKind::Fixed:
      return age < lt.p1 ? 1.0 : 0.0;
    case LifetimeKind::Normal:
      return normal_upper_tail((age - lt.p1) / lt.p2);
    case LifetimeKind::FoldedNormal:
      // |X| > a  <=>  X > a or X < -a, for X ~ N(mean, sd).
      return normal_upper_tail((age - lt.p1) / lt.p2) + normal_upper_tail((age + lt.p1) / lt.p2);
    case LifetimeKind::LogNormal: {
      if (age <= 0.0) return 1.0;
      auto [mu, sigma] = log_normal_params(lt.p1, lt.p2);
      return normal_upper_tail((std::log(age) - mu) / sigma);
    }
    case LifetimeKind::Weibull:
      if (age <= 0.0) return 1.0;
      return std::exp(-std::pow(age / lt.p2, lt.p1));
  }
  return 0.0;
}

void survival_curve(const Lifetime& lt, std::span<double> sf_by_age) {
  if (is_zero_lifetime(lt)) {
    std::ranges::fill(sf_by_age, 0.0);
    return;
  }
  if (lt.kind == LifetimeKind::LogNormal) {
    // Same arithmetic as survival(), with the parameter conversion done once.
    auto [mu, sigma] = log_normal_params(lt.p1, lt.p2);
    for (std::size_t a = 0; a < sf_by_age.size(); ++a) {
      double age = static_cast<double>(a);
      sf_by_age[a] = a == 0 ? 1.0 : normal_upper_tail((std::log(age) - mu) / sigma);
    }
    return;
  }
  for (std::size_t a = 0; a < sf_by_age.size(); ++a)
    sf_by_age[a] = survival(lt, static_cast<double>(a));
}

std::vector<double> survival_matrix(std::span<const Lifetime> per_cohort) {
  const std::size_t n = per_cohort.size();
  std::vector<double> sf(n * n, 0.0);
  std::vector<double> curve(n);
  for (std::size_t c = 0; c < n; ++c) {
    std::span<double> ages(curve.data(), n - c);
    survival_curve(per_cohort[c], ages);
    for (std::size_t t = c; t < n; ++t) sf[t * n + c] = ages[t - c];
  }
  return sf;
}

}  // namespace rareflow::mfa
