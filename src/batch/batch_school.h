#pragma once
// One school of a batch: base answers + the row's values -> the same draft and
// output bytes that "kovgen render" makes from the merged answers, written into
// the school's folder, with a manifest for --resume.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "batch_mapping.h"
#include "checklist.h"
#include "compose.h"
#include "csv_reader.h"
#include "disk.h"
#include "output_formats.h"
#include "pipeline.h"

namespace kovgen {

enum class SchoolStatus { complete, incomplete, error };

// What the reader thread hands to a worker.
struct SchoolJob {
  size_t seq = 0;  // order among the selected rows
  CsvRecord record;
  std::string id, name, folder;
  Diagnostics problems;  // found while reading the row (e.g. too many fields)
};

// A front-end's own files for a school, made from its answers and draft
// (kovgen batch --format ics: fristen.ics): name in the school's folder and bytes.
// Called on the worker threads, also for the schools --resume finds up to date.
using SchoolExtraFiles =
    std::function<std::vector<std::pair<std::string, std::string>>(const Answers& answers, const Draft& draft)>;

// Shared by every worker; read-only during the run.
struct SchoolContext {
  const LoadedTemplate* tmpl = nullptr;
  const Answers* base = nullptr;
  const RowMapper* mapper = nullptr;
  std::vector<const OutputFormat*> formats;
  ComposeOptions compose_options;
  WriterOptions writer_options;
  std::string out_dir;
  std::string tool_fingerprint;
  // Of the reference DOCX's bytes, taken once: an edited reference rewrites the schools.
  std::string reference_fingerprint;
  bool resume = false;
  SchoolExtraFiles extra_files;
};

struct SchoolResult {
  size_t seq = 0;
  int row_line = 0;
  std::string id, name, folder;
  SchoolStatus status = SchoolStatus::error;
  bool up_to_date = false;     // --resume found complete, current outputs
  bool output_failed = false;  // an output could not be written
  std::vector<bool> missing;   // per template section: incomplete
  std::vector<std::string> headings;  // per template section: its heading in the draft („§ 10 Personal“)
  std::vector<size_t> document_order;  // the template sections' indexes in the draft's order
  std::vector<MissingItem> missing_items;
  Diagnostics diag;            // this row's errors (and warnings)
};

// The output file names of a school: "<folder><extension>" per format.
std::vector<std::string> school_file_names(const std::string& folder, const std::vector<const OutputFormat*>& formats);

SchoolResult produce_school(SchoolJob job, const SchoolContext& ctx, Disk& disk);

}  // namespace kovgen
