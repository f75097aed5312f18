#include "batch_job.h"

#include "batch_resume.h"
#include "batch_rows.h"
#include "batch_runner.h"
#include "csv_reader.h"
#include "german_format.h"
#include "i18n.h"
#include "line_cache.h"

namespace kovgen {

namespace {

BatchOutcome ended(BatchEnd end, Diagnostics&& diag) {
  BatchOutcome outcome;
  outcome.end = end;
  outcome.diag = std::move(diag);
  return outcome;
}

// The school list's rows, ready to be read: header, mapping and filter checked.
struct PreparedList {
  DecodedCsv csv;
  CsvHeader header;
  RowMapper mapper;
  RowFilter filter;
  size_t total = 0;
};

std::optional<PreparedList> prepare_list(const BatchJob& job, Diagnostics& diag, BatchEnd* end) {
  *end = BatchEnd::invalid_input;
  auto csv = decode_csv_bytes(std::string(job.schools_bytes), job.schools_file, diag);
  if (!csv) return std::nullopt;
  CsvReader reader(csv->text, job.schools_file);
  CsvRecord first;
  if (!reader.next(first, diag)) {
    diag.error({job.schools_file}, tr("the school list is empty (expected a header row, then one row per school)"));
    return std::nullopt;
  }
  auto header = make_csv_header(first, job.schools_file, diag);
  if (!header) return std::nullopt;
  auto mapper = RowMapper::make(job.mapping, *header, job.base->tmpl->questionnaire, job.schools_file, diag);
  if (!mapper) return std::nullopt;
  auto filter = RowFilter::make(job.where, *header, diag);
  if (!filter) {
    *end = BatchEnd::bad_filter;
    return std::nullopt;
  }
  if (!job.mapping && !mapper->unused_columns().empty()) {
    std::string names;
    for (const auto& n : mapper->unused_columns()) names += (names.empty() ? "" : ", ") + n;
    diag.warning({job.schools_file, header->line},
                 fill(tr("columns ignored (not a question key; use --map to map them): {}"), {names}));
  }
  const size_t total = count_selected_rows(csv->text, *filter);
  if (total == 0) {
    diag.error({job.schools_file},
               filter->empty() ? tr("the school list has no rows") : tr("no row matches the --where filters"));
    return std::nullopt;
  }
  return PreparedList{std::move(*csv), std::move(*header), std::move(*mapper), std::move(*filter), total};
}

SchoolContext school_context(const BatchJob& job, const RowMapper& mapper) {
  SchoolContext ctx;
  ctx.tmpl = job.base->tmpl.get();
  ctx.base = &job.base->answers;
  ctx.mapper = &mapper;
  ctx.formats = job.formats;
  ctx.compose_options = job.compose_options;
  ctx.writer_options = job.writer_options;
  ctx.writer_options.line_cache = std::make_shared<layout::LineCache>();
  ctx.out_dir = job.out_dir;
  ctx.tool_fingerprint = job.tool_fingerprint;
  if (job.writer_options.reference_docx)
    ctx.reference_fingerprint = content_fingerprint({reference_docx_bytes(*job.writer_options.reference_docx)});
  ctx.resume = job.resume;
  ctx.extra_files = job.extra_files;
  return ctx;
}

}  // namespace

BatchOutcome run_batch_job(const BatchJob& job, Disk& disk, const BatchJobHooks& hooks) {
  Diagnostics diag;
  BatchEnd failure = BatchEnd::invalid_input;
  auto list = prepare_list(job, diag, &failure);
  if (!list) return ended(failure, std::move(diag));
  if (!disk.make_directories(job.out_dir, diag)) return ended(BatchEnd::output_error, std::move(diag));
  if (hooks.messages) hooks.messages(diag);
  if (hooks.started) hooks.started(list->total);

  const SchoolContext ctx = school_context(job, list->mapper);
  // What an earlier, killed run may have left of the summary files.
  std::vector<std::string> summary_names{"summary.csv"};
  for (const auto& f : output_formats()) summary_names.push_back("summary" + f.extension);
  clear_for_rewrite(disk, job.out_dir, summary_names);
  BatchSummary summary(job.base->tmpl->questionnaire);
  BatchOutcome outcome;
  outcome.total = list->total;
  auto summary_csv = disk.create_atomically(job.out_dir + "/summary.csv", outcome.diag);
  if (!summary_csv || !summary_csv->append(BatchSummary::csv_header(), outcome.diag)) {
    outcome.end = BatchEnd::output_error;
    return outcome;
  }

  BatchRunOptions options;
  options.jobs = job.jobs;
  options.stop = hooks.stop;
  options.on_result = [&](SchoolResult&& r) {
    if (hooks.messages) hooks.messages(r.diag);
    summary_csv->append(summary.add(r, ctx.formats), outcome.diag);
  };
  options.on_progress = [&](size_t done) {
    if (hooks.progress) hooks.progress(done, list->total);
  };
  CsvReader reader(list->csv.text, job.schools_file);
  CsvRecord header_row;
  reader.next(header_row, outcome.diag);
  SchoolRows rows(reader, list->header, list->filter, list->mapper, job.schools_file);
  outcome.done = run_batch(rows, ctx, disk, options);
  outcome.schools_run = true;

  const bool interrupted = hooks.stop && hooks.stop->load() && outcome.done < list->total;
  const SummaryInfo info{job.base->tmpl->questionnaire.title, job.schools_file, job.base_file,
                         static_cast<int>(list->total), interrupted};
  const bool summary_ok = summary_csv->commit(outcome.diag) &&
                          write_summary_files(summary, info, ctx.formats, ctx.writer_options, job.out_dir, disk,
                                              outcome.diag);
  outcome.counts = summary.counts();
  if (interrupted) outcome.end = BatchEnd::interrupted;
  else if (!summary_ok) outcome.end = BatchEnd::output_error;
  return outcome;
}

std::string counts_line(const SummaryCounts& c) {
  std::string line = fill(tr_n("{} school: {} complete, {} incomplete, {} with errors (not produced)",
                               "{} schools: {} complete, {} incomplete, {} with errors (not produced)",
                               static_cast<unsigned long>(c.total)),
                          {format_integer(c.total), format_integer(c.complete), format_integer(c.incomplete),
                           format_integer(c.error)});
  if (c.up_to_date > 0)
    line += fill(tr("; {} taken over unchanged from an earlier run"), {format_integer(c.up_to_date)});
  return line;
}

}  // namespace kovgen
