// Data package, balance, stocks, dynamic stock model and criticality.
#include <charconv>
#include <cmath>
#include <optional>

#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include "convert.hpp"
#include "objects.hpp"
#include "rareflow/data/balance_tables.hpp"
#include "rareflow/data/summaries.hpp"
#include "rareflow/workflow/criticality.hpp"
#include "rareflow/workflow/dsm.hpp"
#include "rareflow/workflow/stocks.hpp"

namespace rareflow::python {

namespace {

DatasetPtr load(const std::optional<std::string>& path) {
  return std::make_shared<Dataset>(
      value_or_raise(path ? load_dataset(*path) : load_default_dataset()));
}

// One raw table as columns: numbers as floats (NaN where empty), integers as ints (None where
// empty), everything else as the text of the file.
py::dict raw_table_to_py(const RawTable& t) {
  py::list names, units, types, columns;
  for (std::size_t c = 0; c < t.spec->columns.size(); ++c) {
    const ColumnSpec& spec = t.spec->columns[c];
    names.append(spec.name);
    units.append(spec.unit);
    types.append(std::string(column_type_name(spec.type)));
    py::list values;
    for (const auto& r : t.rows) {
      const std::string& cell = c < r.cells.size() ? r.cells[c] : std::string();
      double x = std::nan("");
      const bool number = std::from_chars(cell.data(), cell.data() + cell.size(), x).ec ==
                          std::errc();  // the loader has checked every cell of these columns
      if (spec.type == ColumnType::Number)
        values.append(number ? x : std::nan(""));
      else if (spec.type == ColumnType::Integer && number)
        values.append(static_cast<long long>(x));
      else if (spec.type == ColumnType::Integer)
        values.append(py::none());
      else
        values.append(cell);
    }
    columns.append(values);
  }
  py::dict d;
  d["name"] = t.spec->name;
  d["description"] = t.spec->description;
  d["file"] = t.file;
  d["columns"] = names;
  d["units"] = units;
  d["types"] = types;
  d["values"] = columns;
  return d;
}

py::list check(const std::optional<std::string>& path) {
  auto d = path ? load_dataset(*path) : load_default_dataset();
  return d ? py::list() : diagnostics_to_py(d.error().diagnostics);
}

}  // namespace

void bind_data(py::module_& m) {
  py::class_<Dataset, std::shared_ptr<Dataset>>(m, "Dataset")
      .def_property_readonly("name", [](const Dataset& d) { return d.schema.name; })
      .def_property_readonly("version", [](const Dataset& d) { return d.schema.version; })
      .def_property_readonly("origin", [](const Dataset& d) { return d.origin; })
      .def_property_readonly("base_year", [](const Dataset& d) { return d.schema.base_year; })
      .def("raw_tables",
           [](const Dataset& d) {
             py::list out;
             for (const auto& t : d.raw) out.append(raw_table_to_py(t));
             return out;
           })
      .def("check",
           [](const Dataset& d) {
             return check(d.origin == "embedded" ? std::nullopt
                                                 : std::optional<std::string>(d.origin));
           })
      .def("schema", [](const Dataset& d) { return table_to_py(schema_table(d.schema)); })
      .def("show", [](const Dataset& d, const std::string& what, int year) {
        return tables_to_py(value_or_raise(data_show(d, what, year)));
      });

  m.def("load_data", [](const std::optional<std::string>& path) { return load(path); });
  m.def("check_data", &check);

  m.def("balance", [](const Dataset& d, int year, const std::string& region) {
    auto b = value_or_raise(build_balance(d, year ? year : d.schema.base_year));
    return tables_to_py(value_or_raise(balance_tables(d, b, region, true)));
  });

  m.def("stocks", [](const Dataset& d, const std::string& region, const std::string& sector,
                     const std::string& element, int first, int last) {
    workflow::StocksRequest r{region, sector, element, first, last, {"stocks", ""}};
    workflow::Outcome<Table> t = [&] {
      py::gil_scoped_release unlocked;
      return workflow::stocks_table(d, r);
    }();
    return table_to_py(value_or_raise(std::move(t)));
  });

  m.def("dsm", [](std::vector<int> years, std::vector<double> values, const std::string& unit,
                  bool stock_driven, const std::string& lifetime, bool correction, bool by_cohort,
                  const std::string& origin) {
    workflow::DsmSeriesRequest r{std::move(years), std::move(values), unit,      stock_driven,
                                 lifetime,         correction,        by_cohort, origin};
    auto t = workflow::run_dsm_series(r);
    if (!t) throw InputError(t.error());
    return tables_to_py(*t);
  });

  m.def("criticality", [](const Dataset& d, const std::string& perspective,
                          const std::string& method, int year, const std::string& scenario) {
    workflow::CriticalityRequest r{perspective, method, year, scenario};
    Result<std::vector<Table>> t = [&] {
      py::gil_scoped_release unlocked;
      return workflow::criticality_tables(d, r);
    }();
    // Checked here rather than through value_or_raise: g++ 12 at -O3 reports moving this
    // expected as maybe-uninitialized (a false positive).
    if (!t) throw RunFailure(t.error().message);
    return tables_to_py(*t);
  });
}

}  // namespace rareflow::python
