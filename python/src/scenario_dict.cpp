#include "scenario_dict.hpp"

#include <sstream>

#include <fmt/format.h>

namespace rareflow::python {

namespace py = pybind11;

namespace {

std::string type_name(const py::handle& v) {
  return py::str(py::type::handle_of(v).attr("__name__")).cast<std::string>();
}

// One value; nullptr when it has no TOML form (reported in diags).
std::unique_ptr<toml::node> to_node(const py::handle& v, const std::string& path,
                                    const std::string& origin, Diagnostics& diags);

toml::table to_table(const py::dict& d, const std::string& path, const std::string& origin,
                     Diagnostics& diags) {
  toml::table t;
  for (const auto& [k, v] : d) {
    if (!py::isinstance<py::str>(k)) {
      diags.add(origin, 0, 0, path.empty() ? "(key)" : path,
                fmt::format("expected string keys, found a {} key", type_name(k)));
      continue;
    }
    const std::string key = k.cast<std::string>();
    const std::string p = path.empty() ? key : path + "." + key;
    if (auto n = to_node(v, p, origin, diags)) t.insert(key, std::move(*n));
  }
  return t;
}

std::unique_ptr<toml::node> to_node(const py::handle& v, const std::string& path,
                                    const std::string& origin, Diagnostics& diags) {
  if (py::isinstance<py::bool_>(v)) return std::make_unique<toml::value<bool>>(v.cast<bool>());
  if (py::isinstance<py::str>(v))
    return std::make_unique<toml::value<std::string>>(v.cast<std::string>());
  if (py::isinstance<py::int_>(v) ||
      (py::hasattr(v, "__index__") && !py::isinstance<py::float_>(v)))
    return std::make_unique<toml::value<int64_t>>(v.cast<int64_t>());
  if (py::isinstance<py::float_>(v) || py::hasattr(v, "__float__"))
    return std::make_unique<toml::value<double>>(v.cast<double>());
  if (py::isinstance<py::dict>(v))
    return std::make_unique<toml::table>(to_table(v.cast<py::dict>(), path, origin, diags));
  if (py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v)) {
    auto a = std::make_unique<toml::array>();
    std::size_t i = 0;
    for (const auto& x : v) {
      if (auto n = to_node(x, fmt::format("{}[{}]", path, i), origin, diags))
        a->push_back(std::move(*n));
      ++i;
    }
    return a;
  }
  diags.add(
      origin, 0, 0, path,
      fmt::format("expected a string, number, boolean, list or dict, found {}", type_name(v)));
  return nullptr;
}

py::object to_py(const toml::node& n) {
  if (auto t = n.as_table()) return toml_to_dict(*t);
  if (auto a = n.as_array()) {
    py::list out;
    for (const auto& x : *a) out.append(to_py(x));
    return out;
  }
  if (auto s = n.value_exact<std::string>()) return py::str(*s);
  if (auto b = n.value_exact<bool>()) return py::bool_(*b);
  if (auto i = n.value_exact<int64_t>()) return py::int_(*i);
  if (auto d = n.value_exact<double>()) return py::float_(*d);
  std::ostringstream text;  // dates and times: their TOML text
  n.visit([&text](const auto& x) { text << x; });
  return py::str(text.str());
}

}  // namespace

toml::table dict_to_toml(const py::dict& d, const std::string& origin, Diagnostics& diags) {
  return to_table(d, "", origin, diags);
}

py::dict toml_to_dict(const toml::table& t) {
  py::dict out;
  for (const auto& [k, v] : t) out[py::str(std::string(k.str()))] = to_py(v);
  return out;
}

}  // namespace rareflow::python
