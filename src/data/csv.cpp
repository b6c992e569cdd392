#include "rareflow/data/csv.hpp"

#include <fmt/format.h>

#include "rareflow/core/limits.hpp"

namespace rareflow {

CsvDocument parse_csv(std::string_view text, const std::string& file, Diagnostics& diags) {
  CsvDocument doc;
  doc.file = file;
  if (auto b = check_text_bounds(text, file); !b.message.empty()) {
    diags.add(std::move(b));
    return doc;
  }
  std::size_t i = 0;
  int line = 1;
  int col = 1;
  if (text.starts_with("\xEF\xBB\xBF")) i = 3;  // UTF-8 byte order mark
  bool first = true;
  while (i < text.size()) {
    CsvRecord rec;
    rec.line = line;
    bool end_of_record = false;
    bool blank = true;
    while (!end_of_record) {
      CsvField f;
      f.column = col;
      if (i < text.size() && text[i] == '"') {
        blank = false;
        int qline = line, qcol = col;
        ++i, ++col;
        bool closed = false;
        while (i < text.size()) {
          char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              f.text += '"';
              i += 2, col += 2;
              continue;
            }
            ++i, ++col;
            closed = true;
            break;
          }
          if (c == '\n') ++line, col = 0;
          f.text += c;
          ++i, ++col;
        }
        if (!closed) {
          diags.add(file, qline, qcol, "", "unterminated quoted field");
          return doc;
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          diags.add(file, line, col, "", "expected ',' or end of line after a quoted field");
          while (i < text.size() && text[i] != ',' && text[i] != '\n') ++i, ++col;
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"')
            diags.add(file, line, col, "",
                      "quote inside an unquoted field (quote the whole field)");
          f.text += text[i];
          ++i, ++col;
        }
        if (!f.text.empty()) blank = false;
      }
      if (f.text.size() > limits::kMaxFieldBytes) {
        diags.add(file, rec.line, f.column, "",
                  fmt::format("field of {} bytes; expected at most {}", f.text.size(),
                              limits::kMaxFieldBytes));
        return doc;
      }
      rec.fields.push_back(std::move(f));
      if (i < text.size() && text[i] == ',') {
        blank = false;
        ++i, ++col;
      } else {
        if (i < text.size() && text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        col = 1;
        end_of_record = true;
      }
    }
    if (blank) continue;
    if (first) {
      doc.header = std::move(rec);
      first = false;
      continue;
    }
    if (rec.fields.size() != doc.header.fields.size()) {
      diags.add(file, rec.line, 1, "",
                fmt::format("expected {} fields as in the header, found {}",
                            doc.header.fields.size(), rec.fields.size()));
      continue;
    }
    doc.records.push_back(std::move(rec));
  }
  if (first) diags.add(file, 0, 0, "", "empty file: expected a header line");
  return doc;
}

}  // namespace rareflow
