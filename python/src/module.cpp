// _rareflow: the compiled half of the Python package. It sits on the workflow layer (the report
// layer for reports, the sweep layer for sweeps); the pure-Python half (python/rareflow) makes
// DataFrames.
#include "convert.hpp"

namespace rareflow::python {
void bind_data(py::module_& m);
void bind_runs(py::module_& m);
void bind_sweep(py::module_& m);
}  // namespace rareflow::python

PYBIND11_MODULE(_rareflow, m) {
  m.doc() = "rareflow engine (use the rareflow package, not this module directly)";
  rareflow::python::register_errors();
  rareflow::python::bind_data(m);
  rareflow::python::bind_runs(m);
  rareflow::python::bind_sweep(m);
}
