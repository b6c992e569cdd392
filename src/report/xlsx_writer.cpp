// xlsx output through libxlsxwriter: one sheet per table, numbers as numbers, written to a
// temporary name and renamed so that an interrupted run leaves no half-written workbook.
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <system_error>

#include <fmt/format.h>

#include "rareflow/core/io.hpp"
#include "rareflow/core/text.hpp"
#include "rareflow/report/report.hpp"

namespace rareflow::report {

namespace {
constexpr lxw_row_t kMaxRows = 1048576;  // Excel's sheet limit
constexpr std::size_t kMaxCellText = 32767;
// Fixed creation time (2000-01-01T00:00:00Z) so that the same inputs give the same bytes; the
// run record sheet carries the run's own details.
constexpr time_t kCreated = 946684800;

struct WorkbookCloser {
  void operator()(lxw_workbook* wb) const {
    if (wb) workbook_close(wb);
  }
};

class Book {
 public:
  explicit Book(const std::string& path) {
    lxw_workbook_options opts{};
    opts.constant_memory = LXW_FALSE;
    opts.tmpdir = nullptr;
    opts.use_zip64 = LXW_FALSE;
    wb_.reset(workbook_new_opt(path.c_str(), &opts));
    if (!wb_) return;
    lxw_doc_properties props{};
    props.title = const_cast<char*>("rareflow results");
    props.author = const_cast<char*>("rareflow");
    props.created = kCreated;
    workbook_set_properties(wb_.get(), &props);
    header_ = workbook_add_format(wb_.get());
    format_set_bold(header_);
    format_set_bg_color(header_, 0xE8EEF4);
    format_set_bottom(header_, LXW_BORDER_THIN);
  }
  bool ok() const { return wb_ != nullptr; }

  // A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique.
  lxw_worksheet* add_sheet(const std::string& wanted) {
    std::string name;
    for (char c : wanted)
      name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
    while (!name.empty() && name.front() == '\'') name.erase(0, 1);
    if (name.empty()) name = "sheet";
    std::string base = name.substr(0, 31);
    name = base;
    for (int k = 2; used_.contains(lower(name)); ++k) {
      std::string suffix = fmt::format(" ({})", k);
      name = base.substr(0, 31 - suffix.size()) + suffix;
    }
    while (!name.empty() && name.back() == '\'') name.pop_back();
    used_.insert(lower(name));
    return workbook_add_worksheet(wb_.get(), name.c_str());
  }

  void head(lxw_worksheet* ws, lxw_col_t col, const std::string& text) {
    worksheet_write_string(ws, 0, col, text.c_str(), header_);
  }

  Result<void> close(const std::string& what) {
    lxw_error err = workbook_close(wb_.release());
    if (err != LXW_NO_ERROR) return fail(fmt::format("{}: {}", what, lxw_strerror(err)));
    return {};
  }

 private:
  std::unique_ptr<lxw_workbook, WorkbookCloser> wb_;
  lxw_format* header_ = nullptr;
  std::set<std::string> used_;
};

void put_text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s) {
  if (s.empty()) return;
  std::string t = s.size() > kMaxCellText ? s.substr(0, kMaxCellText) : s;
  worksheet_write_string(ws, r, c, t.c_str(), nullptr);
}

void put_number(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, double v) {
  if (std::isfinite(v)) worksheet_write_number(ws, r, c, v, nullptr);
}

void put_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell) {
  if (std::holds_alternative<std::string>(cell))
    put_text(ws, r, c, std::get<std::string>(cell));
  else if (std::holds_alternative<double>(cell))
    put_number(ws, r, c, std::get<double>(cell));
  else if (std::holds_alternative<long long>(cell))
    put_number(ws, r, c, static_cast<double>(std::get<long long>(cell)));
}

Result<void> check_rows(std::size_t rows, const std::string& what) {
  if (rows + 1 > kMaxRows)
    return fail(fmt::format("xlsx: {} has {} rows, more than a sheet holds ({}); use csv", what,
                            rows, kMaxRows - 1));
  return {};
}

Result<void> table_sheet(Book& book, const Table& t, const std::string& fallback_name) {
  if (auto ok = check_rows(t.rows.size(), "table '" + t.title + "'"); !ok) return ok;
  lxw_worksheet* ws = book.add_sheet(t.title.empty() ? fallback_name : t.title);
  if (!ws) return fail("xlsx: cannot add a sheet for table '" + t.title + "'");
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const auto& col = t.columns[c];
    book.head(ws, static_cast<lxw_col_t>(c),
              col.unit.empty() ? col.name : fmt::format("{} [{}]", col.name, col.unit));
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    for (std::size_t c = 0; c < t.columns.size() && c < t.rows[r].size(); ++c)
      put_cell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), t.rows[r][c]);
  lxw_row_t next = static_cast<lxw_row_t>(t.rows.size() + 2);
  for (const auto& note : t.notes) put_text(ws, next++, 0, "note: " + note);
  if (!t.columns.empty())
    worksheet_set_column(ws, 0, static_cast<lxw_col_t>(t.columns.size() - 1), 16, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  return {};
}

Result<void> results_sheets(Book& book, const IamcTable& t) {
  if (auto ok = check_rows(t.rows.size(), "the results table"); !ok) return ok;
  lxw_worksheet* ws = book.add_sheet("results");
  if (!ws) return fail("xlsx: cannot add the results sheet");
  const char* head[] = {"model", "scenario", "region", "variable", "unit", "year", "value"};
  for (lxw_col_t c = 0; c < 7; ++c) book.head(ws, c, head[c]);
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto& r = t.rows[i];
    auto row = static_cast<lxw_row_t>(i + 1);
    put_text(ws, row, 0, r.model);
    put_text(ws, row, 1, r.scenario);
    put_text(ws, row, 2, r.region);
    put_text(ws, row, 3, r.variable);
    put_text(ws, row, 4, r.unit);
    put_number(ws, row, 5, r.year);
    put_number(ws, row, 6, r.value);
  }
  worksheet_set_column(ws, 0, 2, 12, nullptr);
  worksheet_set_column(ws, 3, 3, 34, nullptr);
  worksheet_set_column(ws, 4, 6, 12, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  // The same numbers with one column per year (IAMC "wide" layout), handier in a spreadsheet.
  std::vector<int> years;
  for (const auto& r : t.rows) years.push_back(r.year);
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  if (years.size() + 5 > 16384) return {};  // wider than a sheet: the long sheet has it all
  using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;
  std::map<Key, std::size_t> at;
  std::vector<Key> keys;
  std::vector<std::map<int, double>> vals;
  for (const auto& r : t.rows) {
    Key k{r.model, r.scenario, r.region, r.variable, r.unit};
    auto [it, fresh] = at.try_emplace(k, keys.size());
    if (fresh) {
      keys.push_back(k);
      vals.emplace_back();
    }
    vals[it->second][r.year] = r.value;
  }
  lxw_worksheet* wide = book.add_sheet("results_wide");
  if (!wide) return fail("xlsx: cannot add the results_wide sheet");
  for (lxw_col_t c = 0; c < 5; ++c) book.head(wide, c, head[c]);
  for (std::size_t j = 0; j < years.size(); ++j)
    book.head(wide, static_cast<lxw_col_t>(5 + j), fmt::format("{}", years[j]));
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto row = static_cast<lxw_row_t>(i + 1);
    const auto& [m, s, g, v, u] = keys[i];
    put_text(wide, row, 0, m);
    put_text(wide, row, 1, s);
    put_text(wide, row, 2, g);
    put_text(wide, row, 3, v);
    put_text(wide, row, 4, u);
    for (std::size_t j = 0; j < years.size(); ++j)
      if (auto it = vals[i].find(years[j]); it != vals[i].end())
        put_number(wide, row, static_cast<lxw_col_t>(5 + j), it->second);
  }
  worksheet_set_column(wide, 3, 3, 34, nullptr);
  worksheet_freeze_panes(wide, 1, 5);
  return {};
}

Result<void> record_and_sources(Book& book, const RunRecord& record, const Table& sources) {
  lxw_worksheet* ws = book.add_sheet("run_record");
  if (!ws) return fail("xlsx: cannot add the run_record sheet");
  book.head(ws, 0, "key");
  book.head(ws, 1, "value");
  put_text(ws, 1, 0, "command");
  put_text(ws, 1, 1, record.command);
  lxw_row_t row = 2;
  for (const auto& [k, v] : record.entries) {
    put_text(ws, row, 0, k);
    put_text(ws, row, 1, v);
    ++row;
  }
  worksheet_set_column(ws, 0, 0, 24, nullptr);
  worksheet_set_column(ws, 1, 1, 60, nullptr);
  if (!sources.columns.empty()) {
    Table s = sources;
    s.title = "sources";
    return table_sheet(book, s, "sources");
  }
  lxw_worksheet* src = book.add_sheet("sources");
  if (!src) return fail("xlsx: cannot add the sources sheet");
  put_text(src, 0, 0, "No sources table was given with these results.");
  return {};
}

Result<void> write_book(const std::filesystem::path& out, const IamcTable* results,
                        const std::vector<Table>& tables, const RunRecord& record,
                        const Table& sources) {
  std::error_code ec;
  // Checked here: libxlsxwriter reports this only at close, and on stderr.
  if (auto ok = check_output_file(out); !ok) return ok;
  auto tmp = out;
  tmp += ".tmp";
  {
    Book book(tmp.string());
    if (!book.ok()) return fail(fmt::format("{}: cannot create the workbook", tmp.string()));
    Result<void> ok;
    if (results) ok = results_sheets(book, *results);
    for (std::size_t i = 0; ok && i < tables.size(); ++i)
      ok = table_sheet(book, tables[i], fmt::format("table {}", i + 1));
    if (ok) ok = record_and_sources(book, record, sources);
    auto closed = book.close(out.string());
    if (!ok || !closed) {
      std::filesystem::remove(tmp, ec);
      return !ok ? ok : closed;
    }
  }
  std::filesystem::rename(tmp, out, ec);
  if (ec) return fail(fmt::format("{}: cannot rename into place: {}", out.string(), ec.message()));
  return {};
}
}  // namespace

Result<void> write_xlsx(const ReportInputs& in, const std::filesystem::path& out) {
  return write_book(out, &in.results, in.tables, in.results.record, in.sources);
}

Result<void> write_tables_xlsx(const std::vector<Table>& tables, const RunRecord& record,
                               const Table& sources, const std::filesystem::path& out) {
  return write_book(out, nullptr, tables, record, sources);
}

}  // namespace rareflow::report
