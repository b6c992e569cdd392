#include "rareflow/data/toml_reader.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace rareflow::data {

void TomlContext::error(const toml::source_region& where, const std::string& field,
                        std::string message) {
  diags.add(file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), field,
            std::move(message));
}

std::string describe(const toml::node& n) {
  if (auto s = n.value_exact<std::string>()) return fmt::format("string \"{}\"", *s);
  if (auto i = n.value_exact<int64_t>()) return fmt::format("integer {}", *i);
  if (auto d = n.value_exact<double>()) return fmt::format("float {}", *d);
  if (auto b = n.value_exact<bool>()) return fmt::format("boolean {}", *b ? "true" : "false");
  if (n.is_table()) return "a table";
  if (n.is_array()) return "an array";
  return "a date or time";
}

void check_keys(TomlContext& ctx, const toml::table& t, const std::string& path,
                const std::vector<std::string_view>& allowed) {
  std::vector<std::string> names(allowed.begin(), allowed.end());
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  for (auto&& [k, v] : t) {
    if (std::find(allowed.begin(), allowed.end(), k.str()) != allowed.end()) continue;
    std::string key(k.str());
    ctx.error(v.source(), path.empty() ? key : fmt::format("{}.{}", path, key),
              fmt::format("unknown key{}; expected one of {}", suggestion(key, names), list));
  }
}

TableReader::TableReader(TomlContext& ctx, const toml::table& t, std::string path,
                         const std::vector<std::string_view>& allowed)
    : ctx_(&ctx), t_(&t), path_(std::move(path)) {
  check_keys(ctx, t, path_, allowed);
}

TableReader TableReader::unchecked(TomlContext& ctx, const toml::table& t, std::string path) {
  return TableReader(ctx, t, std::move(path));
}

std::string TableReader::field(std::string_view key) const {
  return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
}

void TableReader::error(std::string_view key, std::string message) {
  const toml::node* n = t_->get(key);
  ctx_->error(n ? n->source() : t_->source(), field(key), std::move(message));
}

void TableReader::error_here(std::string message) {
  ctx_->error(t_->source(), path_, std::move(message));
}

void TableReader::expected(std::string_view key, std::string_view what) {
  if (const auto* n = t_->get(key))
    error(key, fmt::format("expected {}, found {}", what, describe(*n)));
  else
    error(key, fmt::format("expected {}, found nothing (required key is missing)", what));
}

std::optional<double> TableReader::number(std::string_view key, bool required) {
  const auto* n = t_->get(key);
  if (!n) {
    if (required) expected(key, "a number");
    return std::nullopt;
  }
  if (auto i = n->value_exact<int64_t>()) return static_cast<double>(*i);
  if (auto d = n->value_exact<double>()) {
    if (std::isfinite(*d)) return *d;
  }
  expected(key, "a finite number");
  return std::nullopt;
}

std::optional<double> TableReader::number_in(std::string_view key, double lo, double hi,
                                             std::string_view what, bool required) {
  if (required && !has(key)) {
    expected(key, what);
    return std::nullopt;
  }
  auto v = number(key);
  if (!v) return std::nullopt;
  if (*v < lo || *v > hi) {
    error(key, fmt::format("expected {}, found {}", what, *v));
    return std::nullopt;
  }
  return v;
}

std::optional<double> TableReader::param(const ParamSpec& p) {
  const auto* n = t_->get(p.key);
  if (!n) {
    if (p.required) expected(p.key, param_expectation(p));
    return p.default_value;
  }
  std::optional<double> v;
  if (auto i = n->value_exact<int64_t>()) v = static_cast<double>(*i);
  if (auto d = n->value_exact<double>()) v = *d;
  if (!v) {
    expected(p.key, param_expectation(p));
    return std::nullopt;
  }
  if (std::string problem = check_param(p, *v); !problem.empty()) {
    error(p.key, std::move(problem));
    return std::nullopt;
  }
  return v;
}

std::optional<int> TableReader::integer(std::string_view key, bool required) {
  const auto* n = t_->get(key);
  if (!n) {
    if (required) expected(key, "an integer");
    return std::nullopt;
  }
  if (auto i = n->value_exact<int64_t>()) {
    if (*i >= -1000000 && *i <= 1000000) return static_cast<int>(*i);
  }
  expected(key, "an integer");
  return std::nullopt;
}

std::optional<std::string> TableReader::string(std::string_view key, bool required) {
  const auto* n = t_->get(key);
  if (!n) {
    if (required) expected(key, "a string");
    return std::nullopt;
  }
  if (auto s = n->value_exact<std::string>()) return *s;
  expected(key, "a string");
  return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key) {
  const auto* n = t_->get(key);
  if (!n) return std::nullopt;
  if (auto b = n->value_exact<bool>()) return *b;
  expected(key, "true or false");
  return std::nullopt;
}

namespace {
// The node at `key` as a T (table or array), reporting what was expected when it is not one.
template <typename T>
const T* typed_node(TableReader& r, std::string_view key, bool required, std::string_view what) {
  const auto* n = r.node(key);
  if (n == nullptr) {
    if (required) r.expected(key, what);
    return nullptr;
  }
  if (const T* v = n->as<T>()) return v;
  r.expected(key, what);
  return nullptr;
}
}  // namespace

const toml::table* TableReader::table(std::string_view key, bool required) {
  return typed_node<toml::table>(*this, key, required, "a table");
}

const toml::array* TableReader::array(std::string_view key, bool required) {
  return typed_node<toml::array>(*this, key, required, "an array");
}

std::optional<std::vector<std::string>> TableReader::strings(std::string_view key, bool required) {
  const auto* n = t_->get(key);
  if (!n) {
    if (required) expected(key, "a string or an array of strings");
    return std::nullopt;
  }
  if (auto s = n->value_exact<std::string>()) return std::vector<std::string>{*s};
  if (const auto* a = n->as_array()) {
    std::vector<std::string> out;
    for (const auto& el : *a) {
      if (auto s = el.value_exact<std::string>()) {
        out.push_back(*s);
      } else {
        ctx_->error(el.source(), field(key),
                    fmt::format("expected a string, found {}", describe(el)));
        return std::nullopt;
      }
    }
    return out;
  }
  expected(key, "a string or an array of strings");
  return std::nullopt;
}

}  // namespace rareflow::data
