#include "batch_rows.h"

namespace kovgen {

SchoolRows::SchoolRows(CsvReader& reader, const CsvHeader& header, const RowFilter& filter, const RowMapper& mapper,
                       std::string csv_file)
    : reader_(reader), header_(header), filter_(filter), mapper_(mapper), csv_file_(std::move(csv_file)) {}

bool SchoolRows::next(SchoolJob& job) {
  job.problems = Diagnostics();
  while (reader_.next(job.record, job.problems)) {
    const bool broken = job.problems.has_errors();
    if (!broken && !filter_.matches(job.record)) continue;
    check_row_width(job.record, header_, csv_file_, job.problems);
    job.seq = seq_++;
    job.id = mapper_.id_of(job.record);
    job.name = mapper_.name_of(job.record);
    job.folder = names_.assign(job.id, job.name, job.record.line);
    return true;
  }
  return false;
}

size_t count_selected_rows(std::string_view csv_text, const RowFilter& filter) {
  CsvReader reader(csv_text, "");
  CsvRecord r;
  Diagnostics ignored;
  if (!reader.next(r, ignored)) return 0;  // the header
  size_t n = 0;
  while (reader.next(r, ignored))
    if (ignored.has_errors() || filter.matches(r)) ++n;
  return n;
}

}  // namespace kovgen
