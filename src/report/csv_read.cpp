#include "csv_read.hpp"

namespace rareflow::report::detail {

std::vector<CsvRecord> parse_csv(const std::string& text) {
  std::vector<CsvRecord> out;
  CsvRecord rec;
  std::string field;
  bool quoted = false;
  bool any = false;  // the current record has content
  int line = 1;
  rec.line = 1;
  auto end_record = [&] {
    if (any || !field.empty() || !rec.fields.empty()) {
      rec.fields.push_back(std::move(field));
      out.push_back(std::move(rec));
    }
    rec = CsvRecord{};
    field.clear();
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      rec.fields.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n') {
      end_record();
      ++line;
      rec.line = line;
    } else if (c != '\r') {
      if (!any && field.empty()) rec.line = line;
      field += c;
      any = true;
    }
  }
  end_record();
  // A UTF-8 byte order mark on the first field is not part of the name.
  if (!out.empty() && !out[0].fields.empty() && out[0].fields[0].starts_with("\xEF\xBB\xBF"))
    out[0].fields[0].erase(0, 3);
  return out;
}

}  // namespace rareflow::report::detail
