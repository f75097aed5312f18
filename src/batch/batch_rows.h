#pragma once
// The rows of a school list as school jobs, in order: read one at a time, filtered
// by --where, each with its id, name and a safe, unique folder name.
#include <string>
#include <string_view>

#include "batch_filter.h"
#include "batch_mapping.h"
#include "batch_naming.h"
#include "batch_school.h"
#include "csv_reader.h"

namespace kovgen {

class SchoolRows {
 public:
  // reader must stand after the header row.
  SchoolRows(CsvReader& reader, const CsvHeader& header, const RowFilter& filter, const RowMapper& mapper,
             std::string csv_file);

  // The next selected row as a job; false at the end. Problems of the row itself
  // (a value beyond the header, a quote never closed) go into job.problems.
  bool next(SchoolJob& job);

 private:
  CsvReader& reader_;
  const CsvHeader& header_;
  const RowFilter& filter_;
  const RowMapper& mapper_;
  std::string csv_file_;
  FolderNames names_;
  size_t seq_ = 0;
};

// How many data rows the filter selects (a quick first pass, for the progress bar).
size_t count_selected_rows(std::string_view csv_text, const RowFilter& filter);

}  // namespace kovgen
