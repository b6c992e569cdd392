// Typed access to a validated raw row by column name (the typed views of a data package and
// the back-test's history package read rows through it).
#pragma once

#include <charconv>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "rareflow/data/raw_table.hpp"

namespace rareflow {

class RowView {
 public:
  RowView(const RawTable& t, const RawRow& r) : t_(t), r_(r) {}
  const std::string& str(std::string_view col) const {
    static const std::string kEmpty;
    int i = t_.spec->column_index(col);
    return i < 0 ? kEmpty : r_.cells[i];
  }
  double num(std::string_view col) const {
    const std::string& s = str(col);
    double v = std::numeric_limits<double>::quiet_NaN();
    if (!s.empty()) std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  }
  int integer(std::string_view col) const {
    const std::string& s = str(col);
    int v = 0;
    if (!s.empty()) std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
  }
  // An enum cell: the schema has checked it against its declared values, so `from_key` finds
  // it; E{} only for a row the schema already rejected.
  template <typename E>
  E key(std::string_view col, std::optional<E> (*from_key)(std::string_view)) const {
    return from_key(str(col)).value_or(E{});
  }
  int line() const { return r_.line; }

 private:
  const RawTable& t_;
  const RawRow& r_;
};

}  // namespace rareflow
