#pragma once
// Row filters from "--where COLUMN=VALUE": a row is selected when, for every
// column named, its value is one of the values given for that column. So
// "--where Schulform=02 --where Schulform=04 --where Ort=Musterhausen" selects the
// Grund- and Hauptschulen of Musterhausen. Values are compared after trimming
// blanks; two numbers compare as numbers ("2" matches "02").
#include <optional>
#include <string>
#include <vector>

#include "csv_reader.h"
#include "diagnostics.h"

namespace kovgen {

class RowFilter {
 public:
  // Reports "--where" arguments without "=" or naming an unknown column.
  static std::optional<RowFilter> make(const std::vector<std::string>& where, const CsvHeader& header,
                                       Diagnostics& diag);
  bool matches(const CsvRecord& r) const;
  bool empty() const { return conditions_.empty(); }

 private:
  struct Condition {
    int column = 0;
    std::vector<std::string> values;
  };
  std::vector<Condition> conditions_;
};

}  // namespace kovgen
