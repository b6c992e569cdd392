// The one CSV reader every csv input goes through (issue 10): RFC 4180 quoting, places of
// fields, CRLF and BOM, and the strict errors each former reader had.
#include <gtest/gtest.h>

#include "rareflow/core/csv.hpp"

namespace rareflow {
namespace {

std::string errors_of(std::string_view text, const CsvOptions& options = {}) {
  Diagnostics d;
  parse_csv(text, "t.csv", d, options);
  return d.str();
}

TEST(Csv, QuotedFieldsKeepCommasQuotesAndNewlines) {
  Diagnostics d;
  auto doc = parse_csv("\xEF\xBB\xBFname,note\r\nCHN,\"a, \"\"b\"\"\nc\"\r\nUSA,x\r\n", "t.csv", d);
  ASSERT_TRUE(d.empty()) << d.str();
  EXPECT_EQ(field_texts(doc.header), (std::vector<std::string>{"name", "note"}));
  EXPECT_EQ(doc.header.fields[0].column, 1);
  ASSERT_EQ(doc.records.size(), 2u);
  EXPECT_EQ(doc.records[0].fields[1].text, "a, \"b\"\nc");
  EXPECT_EQ(doc.records[0].fields[1].column, 5);
  EXPECT_EQ(doc.records[1].line, 4);
  EXPECT_EQ(doc.end_line, 5);
}

TEST(Csv, StructuralErrorsNameTheirPlace) {
  EXPECT_EQ(errors_of("a,b\n1,\"2\n"), "t.csv:2:3: unterminated quoted field\n");
  EXPECT_EQ(errors_of("a,b\n1,2\"\n"),
            "t.csv:2:4: quote inside an unquoted field (quote the whole field)\n");
  EXPECT_EQ(errors_of("a,b\n1,\"2\"x\n"),
            "t.csv:2:6: expected ',' or end of line after a quoted field\n");
  EXPECT_EQ(errors_of("a,b\n1,2,3\n", {.check_field_count = true}),
            "t.csv:2:1: expected 2 fields as in the header, found 3\n");
  EXPECT_EQ(errors_of("a,b\n1,2,3\n"), "");
  EXPECT_EQ(errors_of("\n\n", {.require_header = true}),
            "t.csv: empty file: expected a header line\n");
}

TEST(Csv, HandWrittenFilesMayHaveBlanksAndComments) {
  Diagnostics d;
  auto doc = parse_csv("# by hand\nyear , value\n\"2000\" ,  1\n  \n", "t.csv", d,
                       {.trim_blanks = true, .comments = true});
  ASSERT_TRUE(d.empty()) << d.str();
  EXPECT_EQ(doc.header.line, 2);
  EXPECT_EQ(field_texts(doc.header), (std::vector<std::string>{"year", "value"}));
  EXPECT_EQ(doc.header.fields[1].column, 8);
  ASSERT_EQ(doc.records.size(), 1u);
  EXPECT_EQ(field_texts(doc.records[0]), (std::vector<std::string>{"2000", "1"}));
  EXPECT_EQ(doc.records[0].fields[1].column, 11);
  EXPECT_EQ(doc.records[0].end_column, 12);
}

TEST(Csv, ReadCsvFailsWithTheFirstProblem) {
  auto r = read_csv("a\n\"x", "t.csv");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message, "t.csv:2:1: unterminated quoted field");
}

}  // namespace
}  // namespace rareflow
