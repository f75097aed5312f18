#pragma once
// Values built from the columns of a school-list row: "{Strasse}, {PLZ} {Ort}".
#include <optional>
#include <string>
#include <vector>

#include "csv_reader.h"
#include "diagnostics.h"

namespace kovgen {

// "{Strasse}, {PLZ} {Ort}": literal text with columns in braces ("{{" and "}}"
// for literal braces). Expanded, runs of blanks become one and blanks and commas
// at both ends are dropped; when every named column is empty, so is the value.
// Braces may also join columns and pass them through a function (school_name.h):
// "{Schulbezeichnung_1 + Schulbezeichnung_2 | schulname}" (the school's name
// without "- Primarstufe -"), "{… | schulname_mit_an}" ("an der Städt. … Grundschule").
class ColumnPattern {
 public:
  static std::optional<ColumnPattern> parse(const std::string& text, const CsvHeader& header,
                                            const Location& where, Diagnostics& diag);
  static ColumnPattern column(int index);
  std::string expand(const CsvRecord& r) const;
  int first_column() const;  // 0-based, -1 when none
  std::vector<int> columns() const;
  std::string describe(const CsvHeader& header) const;  // "column „A“" / "columns „A“, „B“"

 private:
  enum class Function { none, school_name, school_name_with_an };
  struct Piece {
    std::vector<int> columns;  // empty: literal text
    std::string text;
    Function function = Function::none;
  };
  static std::optional<Piece> parse_braces(const std::string& inner, const std::string& text,
                                           const CsvHeader& header, const Location& where, Diagnostics& diag);
  std::vector<Piece> pieces_;
};

// Collapses blank runs and drops blanks and commas at both ends.
std::string tidy_value(const std::string& s);

// "no column „X“ in the school list; did you mean "Y"?"
std::string no_such_column(const std::string& name, const CsvHeader& header);

}  // namespace kovgen
