// Conversions between the library's values and Python objects for the _rareflow extension:
// tables and IAMC results become plain dicts and lists (the pure-Python layer turns them into
// pandas DataFrames), failures become rareflow.InputError or rareflow.Error.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>

#include "rareflow/core/error.hpp"
#include "rareflow/core/iamc.hpp"
#include "rareflow/core/table.hpp"
#include "rareflow/workflow/request.hpp"

namespace rareflow::python {

namespace py = pybind11;

// A run that failed for a reason other than bad input; raised in Python as rareflow.Error.
struct RunFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// {"title", "columns": [names], "units": [units], "rows": [[cells]], "notes": [...]}
py::dict table_to_py(const Table& t);
py::list tables_to_py(const std::vector<Table>& ts);
// Columns of the long table: model, scenario, region, variable, unit, year, value (lists).
py::dict iamc_to_py(const IamcTable& t);
py::dict record_to_py(const RunRecord& r);
py::list diagnostics_to_py(const Diagnostics& d);

// Bad input (an error with diagnostics) raises InputError, any other failure RunFailure.
[[noreturn]] inline void raise_error(const Error& e) {
  if (!e.diagnostics.empty()) throw InputError(e.diagnostics);
  throw RunFailure(e.message);
}
template <class T>
T value_or_raise(Result<T> r) {
  if (!r) raise_error(r.error());
  return std::move(*r);
}
inline void value_or_raise(const Result<void>& r) {
  if (!r) raise_error(r.error());
}
template <class T>
T value_or_raise(workflow::Outcome<T> r) {
  if (!r && !r.error().diagnostics.empty()) throw InputError(r.error().diagnostics);
  if (!r) throw RunFailure(r.error().message);
  return std::move(*r);
}

// Maps InputError and RunFailure to the Python classes in rareflow/_errors.py.
void register_errors();

}  // namespace rareflow::python
