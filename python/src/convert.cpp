#include "convert.hpp"

#include <variant>

namespace rareflow::python {

py::dict table_to_py(const Table& t) {
  py::list names, units, rows, notes;
  for (const auto& c : t.columns) {
    names.append(c.name);
    units.append(c.unit);
  }
  for (const auto& r : t.rows) {
    py::list row;
    for (const auto& cell : r)
      std::visit(
          [&row](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>)
              row.append(py::none());
            else
              row.append(v);
          },
          cell);
    rows.append(row);
  }
  for (const auto& n : t.notes) notes.append(n);
  py::dict d;
  d["title"] = t.title;
  d["columns"] = names;
  d["units"] = units;
  d["rows"] = rows;
  d["notes"] = notes;
  return d;
}

py::list tables_to_py(const std::vector<Table>& ts) {
  py::list out;
  for (const auto& t : ts) out.append(table_to_py(t));
  return out;
}

py::dict iamc_to_py(const IamcTable& t) {
  py::list model, scenario, region, variable, unit, year, value;
  for (const auto& r : t.rows) {
    model.append(r.model);
    scenario.append(r.scenario);
    region.append(r.region);
    variable.append(r.variable);
    unit.append(r.unit);
    year.append(r.year);
    value.append(r.value);
  }
  py::dict d;
  d["model"] = model;
  d["scenario"] = scenario;
  d["region"] = region;
  d["variable"] = variable;
  d["unit"] = unit;
  d["year"] = year;
  d["value"] = value;
  return d;
}

py::dict record_to_py(const RunRecord& r) {
  py::dict entries;
  for (const auto& [k, v] : r.entries) entries[py::str(k)] = v;
  py::dict d;
  d["command"] = r.command;
  d["entries"] = entries;
  return d;
}

py::list diagnostics_to_py(const Diagnostics& diags) {
  py::list out;
  for (const auto& x : diags.items()) {
    py::dict d;
    d["file"] = x.file;
    d["line"] = x.line;
    d["column"] = x.column;
    d["field"] = x.field;
    d["message"] = x.message;
    d["text"] = x.str();
    out.append(d);
  }
  return out;
}

void register_errors() {
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const InputError& e) {
      py::object cls = py::module_::import("rareflow._errors").attr("InputError");
      py::object err = cls(py::str(e.what()), diagnostics_to_py(e.diagnostics()));
      PyErr_SetObject(cls.ptr(), err.ptr());
    } catch (const RunFailure& e) {
      py::object cls = py::module_::import("rareflow._errors").attr("Error");
      PyErr_SetObject(cls.ptr(), cls(py::str(e.what())).ptr());
    }
  });
}

}  // namespace rareflow::python
