#include "rareflow/core/csv.hpp"

#include <fmt/format.h>

#include "rareflow/core/limits.hpp"
#include "rareflow/core/text.hpp"

namespace rareflow {

namespace {

// A cursor over the text that keeps the line and column of the next character.
struct Cursor {
  std::string_view text;
  std::size_t i = 0;
  int line = 1;
  int col = 1;

  bool done() const { return i >= text.size(); }
  char peek() const { return text[i]; }
  bool at(char c) const { return i < text.size() && text[i] == c; }
  bool at_field_end() const { return done() || at(',') || at('\n') || at('\r'); }
  void advance() {
    if (text[i] == '\n') ++line, col = 0;
    ++i, ++col;
  }
  void skip_blanks() {
    while (!done() && is_blank(peek())) advance();
  }
  // Past the end of the current line (CRLF, LF or a lone CR).
  void next_line() {
    if (at('\r')) ++i;
    if (at('\n')) ++i;
    ++line;
    col = 1;
  }
};

// A comment line: its first non-blank character is '#'.
bool at_comment(const Cursor& c) {
  std::size_t j = c.i;
  while (j < c.text.size() && is_blank(c.text[j])) ++j;
  return j < c.text.size() && c.text[j] == '#';
}

}  // namespace

std::vector<std::string> field_texts(const CsvRecord& record) {
  std::vector<std::string> out;
  for (const auto& f : record.fields) out.push_back(f.text);
  return out;
}

CsvDocument parse_csv(std::string_view text, const std::string& file, Diagnostics& diags,
                      const CsvOptions& options) {
  CsvDocument doc;
  doc.file = file;
  if (auto b = check_text_bounds(text, file); !b.message.empty()) {
    diags.add(std::move(b));
    return doc;
  }
  Cursor c{text};
  if (text.starts_with("\xEF\xBB\xBF")) c.i = 3;  // UTF-8 byte order mark
  bool first = true;
  while (!c.done()) {
    if (options.comments && at_comment(c)) {
      while (!c.done() && !c.at('\n') && !c.at('\r')) ++c.i;
      c.next_line();
      continue;
    }
    CsvRecord rec;
    rec.line = c.line;
    bool blank = true;
    while (true) {
      if (options.trim_blanks) c.skip_blanks();
      CsvField f;
      f.column = c.col;
      if (c.at('"')) {
        blank = false;
        int qline = c.line, qcol = c.col;
        c.advance();
        bool closed = false;
        while (!c.done()) {
          if (c.at('"')) {
            c.advance();
            if (!c.at('"')) {
              closed = true;
              break;
            }
          }
          f.text += c.peek();
          c.advance();
        }
        if (!closed) {
          diags.add(file, qline, qcol, "", "unterminated quoted field");
          doc.end_line = c.line + 1;
          return doc;
        }
        if (options.trim_blanks) c.skip_blanks();
        if (!c.at_field_end()) {
          diags.add(file, c.line, c.col, "", "expected ',' or end of line after a quoted field");
          while (!c.done() && !c.at(',') && !c.at('\n')) c.advance();
        }
      } else {
        while (!c.at_field_end()) {
          if (c.at('"'))
            diags.add(file, c.line, c.col, "",
                      "quote inside an unquoted field (quote the whole field)");
          f.text += c.peek();
          c.advance();
        }
        if (options.trim_blanks)
          while (!f.text.empty() && is_blank(f.text.back())) f.text.pop_back();
        if (!f.text.empty()) blank = false;
      }
      if (f.text.size() > limits::kMaxFieldBytes) {
        diags.add(file, rec.line, f.column, "",
                  fmt::format("field of {} bytes; expected at most {}", f.text.size(),
                              limits::kMaxFieldBytes));
        doc.end_line = c.line + 1;
        return doc;
      }
      rec.fields.push_back(std::move(f));
      if (!c.at(',')) break;
      blank = false;
      c.advance();
    }
    rec.end_column = c.col;
    c.next_line();
    if (blank) continue;
    if (first) {
      doc.header = std::move(rec);
      first = false;
      continue;
    }
    if (options.check_field_count && rec.fields.size() != doc.header.fields.size()) {
      diags.add(file, rec.line, 1, "",
                fmt::format("expected {} fields as in the header, found {}",
                            doc.header.fields.size(), rec.fields.size()));
      continue;
    }
    doc.records.push_back(std::move(rec));
  }
  doc.end_line = c.line;
  if (first && options.require_header)
    diags.add(file, 0, 0, "", "empty file: expected a header line");
  return doc;
}

Result<CsvDocument> read_csv(std::string_view text, const std::string& file,
                             const CsvOptions& options) {
  Diagnostics diags;
  CsvDocument doc = parse_csv(text, file, diags, options);
  if (!diags.empty()) return fail(diags.items().front().str());
  return doc;
}

}  // namespace rareflow
