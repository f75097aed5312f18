#pragma once
// A whole batch as a front-end asks for it (the command line today, the server
// later): the inputs already read, every output written through a Disk, so
// that the same job runs against the real disk or, in tests, a memory disk.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "batch_mapping.h"
#include "batch_school.h"
#include "batch_summary.h"
#include "disk.h"
#include "pipeline.h"

namespace kovgen {

struct BatchJob {
  const LoadedAnswers* base = nullptr;  // the shared answers, with their template
  std::string base_file;
  const MappingFile* mapping = nullptr;  // --map, or none: columns are question keys
  std::string schools_file;
  std::string schools_bytes;        // the school list as read (any supported encoding)
  std::vector<std::string> where;   // --where COLUMN=VALUE filters
  std::vector<const OutputFormat*> formats;
  ComposeOptions compose_options;
  WriterOptions writer_options;
  // Whatever else decides the outputs' bytes (kovgen's build): a school whose
  // fingerprint changed is redone by --resume.
  std::string tool_fingerprint;
  std::string out_dir;
  int jobs = 1;
  bool resume = false;
  SchoolExtraFiles extra_files;  // see SchoolContext
};

struct BatchJobHooks {
  const std::atomic<bool>* stop = nullptr;                    // see BatchRunOptions
  std::function<void(size_t total)> started;                  // the list is read: `total` schools follow
  std::function<void(const Diagnostics&)> messages;           // warnings and each school's errors, in order
  std::function<void(size_t done, size_t total)> progress;
};

enum class BatchEnd {
  finished,       // every selected school was handled (see counts)
  interrupted,    // stopped by hooks.stop; --resume continues
  invalid_input,  // the base, mapping or school list is unusable: no school was written
  bad_filter,     // a --where names no column
  output_error,   // the output folder or the summary could not be written
};

struct BatchOutcome {
  BatchEnd end = BatchEnd::finished;
  SummaryCounts counts;
  size_t done = 0, total = 0;
  bool schools_run = false;  // the schools were handled (and the counts are theirs)
  Diagnostics diag;  // why it ended early, or what went wrong with the summary
};

BatchOutcome run_batch_job(const BatchJob& job, Disk& disk, const BatchJobHooks& hooks);

// "3 Schulen: 2 vollständig, 1 unvollständig, 0 fehlerhaft (nicht erzeugt)".
std::string counts_line(const SummaryCounts& counts);

}  // namespace kovgen
