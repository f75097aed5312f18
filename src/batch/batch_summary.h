#pragma once
// The report of a batch. summary.csv gets one line per school as it is produced
// (streamed to disk); for the rest only counts and, for incomplete schools and
// bad rows, a compact row (id, name, a bit per section, the first messages) are
// kept. At the end, summary.md and the other chosen formats (through the writers
// table): overview counts, the sections and items missing most often, a school x
// section matrix of what is missing, and the rows with errors.
#include <string>
#include <string_view>
#include <vector>

#include "batch_school.h"
#include "disk.h"
#include "output_formats.h"
#include "questionnaire.h"

namespace kovgen {

// A CSV cell that a spreadsheet will not run as a formula: cells starting with
// = + - @ (or a tab or carriage return) get a leading apostrophe.
std::string neutralize_formula(std::string_view cell);

struct SummaryCounts {
  int total = 0, complete = 0, incomplete = 0, error = 0, up_to_date = 0, output_failed = 0;
};

struct SummaryInfo {
  std::string template_title;
  std::string schools_file;  // as given on the command line
  std::string base_file;
  int expected = 0;          // selected rows; more than total when interrupted
  bool interrupted = false;
};

class BatchSummary {
 public:
  explicit BatchSummary(const Template& t) : template_(&t), section_missing_(t.sections.size(), 0) {}

  // The first line of summary.csv: UTF-8 BOM and ";", as Excel on German Windows expects.
  static std::string csv_header();
  // Adds one school (call in row order) and returns its line of summary.csv.
  std::string add(const SchoolResult& r, const std::vector<const OutputFormat*>& formats);
  const SummaryCounts& counts() const { return counts_; }

  std::string markdown(const SummaryInfo& info) const;

 private:
  struct Row {  // incomplete schools and bad rows only
    int line = 0;
    std::string label;  // "id name"
    SchoolStatus status = SchoolStatus::error;
    std::vector<bool> missing;
    std::vector<std::string> messages;
  };
  struct ItemCount {
    MissingItem item;
    int schools = 0;
  };
  std::string missing_items_table() const;

  const Template* template_;
  std::vector<Row> rows_;
  std::vector<int> section_missing_;  // schools missing each section
  std::vector<std::string> headings_;  // per section, as the first draft heads it
  std::vector<size_t> order_;          // the sections in the first draft's order
  std::vector<ItemCount> items_;      // in the order first seen
  SummaryCounts counts_;
};

// Writes DIR/summary.md and DIR/summary<ext> for every other format.
bool write_summary_files(const BatchSummary& summary, const SummaryInfo& info,
                         const std::vector<const OutputFormat*>& formats, WriterOptions options,
                         const std::string& out_dir, Disk& disk, Diagnostics& diag);

}  // namespace kovgen
