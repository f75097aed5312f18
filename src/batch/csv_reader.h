#pragma once
// CSV as users really have it: UTF-8 with or without BOM, Windows-1252 (Excel's
// default on German Windows) or UTF-16 with BOM; ";", "," or tab as separator,
// detected automatically, Excel's "sep=;" first line honoured; quoted fields with
// separators, doubled quotes and line breaks; CRLF, LF or CR line ends; empty
// trailing columns (the NRW school list's header ends with ";", its rows do not).
//
// The reader pulls one record at a time from the decoded text, so callers can
// stream rows without building a table.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"

namespace kovgen {

// The file's bytes as UTF-8 text in NFC, with the encoding that was found
// (encoding_name: "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1252").
struct DecodedCsv {
  std::string text;
  std::string encoding;
};

// decode_text (src/base/text_decoding.h), the one decoder of every user file.
std::optional<DecodedCsv> decode_csv_bytes(std::string bytes, const std::string& file,
                                           Diagnostics& diag);

// Rows with more columns than this are an error that ends the input (the NRW
// school list has 23).
constexpr size_t kMaxCsvColumns = 1000;

struct CsvRecord {
  int line = 0;                     // physical line (1-based) where the record starts
  std::vector<std::string> fields;  // field i is column i + 1; line breaks inside are "\n"
};

class CsvReader {
 public:
  // text is decoded UTF-8 and must outlive the reader. Detects the separator from
  // an Excel "sep=X" first line (which is then skipped) or from the first record.
  CsvReader(std::string_view text, std::string file);

  char separator() const { return separator_; }
  bool had_sep_line() const { return had_sep_line_; }

  // The next record, skipping blank lines and rows whose fields are all empty.
  // False at the end. A quote that is never closed is reported and ends the input;
  // so does a row with more than kMaxCsvColumns columns.
  bool next(CsvRecord& record, Diagnostics& diag);

 private:
  bool at_line_end() const;
  void skip_line_end();
  std::string quoted_field(Diagnostics& diag, bool& failed);
  std::string plain_field();

  std::string_view text_;
  std::string file_;
  size_t pos_ = 0;
  int line_ = 1;
  char separator_ = ';';
  bool had_sep_line_ = false;
};

// The header row: column names trimmed, with empty trailing names dropped.
struct CsvHeader {
  std::vector<std::string> names;
  int line = 0;

  // 0-based index of a column by name, or -1.
  int index_of(std::string_view name) const;
  // The field of a column in a record ("" when the row is shorter).
  static std::string_view field(const CsvRecord& r, int index);
};

// Builds the header from the first record. Reports duplicate and empty names
// between others; false on error.
std::optional<CsvHeader> make_csv_header(const CsvRecord& first, const std::string& file,
                                         Diagnostics& diag);

// Reports a row that has non-empty fields beyond the header's columns.
bool check_row_width(const CsvRecord& r, const CsvHeader& h, const std::string& file,
                     Diagnostics& diag);

}  // namespace kovgen
