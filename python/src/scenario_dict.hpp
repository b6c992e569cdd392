// Scenarios as Python dicts: a dict with the keys of a scenario file (name, base, years,
// settings, override, trajectory, policy, event) becomes the TOML table the scenario reader
// checks, and a scenario file becomes a dict to modify.
#pragma once

#include <pybind11/pybind11.h>
#include <toml++/toml.h>

#include "rareflow/core/error.hpp"

namespace rareflow::python {

// Values that are not str, bool, int, float, dict, list or tuple are reported in `diags` with
// their key path (origin: path: expected ..., found TYPE).
toml::table dict_to_toml(const pybind11::dict& d, const std::string& origin, Diagnostics& diags);
pybind11::dict toml_to_dict(const toml::table& t);

}  // namespace rareflow::python
