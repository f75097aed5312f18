// kovgen batch: an agreement for every school of a school list, with one report
// of what is missing where.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <tuple>

#include "args.h"
#include "batch_job.h"
#include "batch_progress.h"
#include "batch_resume.h"
#include "cli_support.h"
#include "command.h"
#include "file_io.h"
#include "fristen_support.h"
#include "i18n.h"
#include "pipeline.h"
#include "process_environment.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen batch --base BASE.yaml --schools SCHOOLS.csv --out DIR [OPTIONS]\n\n"
    "Drafts one agreement per school of a school list. BASE.yaml holds the answers all\n"
    "schools share; each CSV row holds one school's own answers, which override the base\n"
    "(an empty cell keeps the base value). Columns named with a full question key\n"
    "(e.g. gegenstand.plaetze) set that question; a mapping file maps other headers,\n"
    "such as those of the NRW school list, and builds values from several columns.\n"
    "The list may be UTF-8 (with or without BOM), Windows-1252 or UTF-16, with \";\", \",\"\n"
    "or tab as separator (detected; Excel's \"sep=;\" line is honoured).\n\n"
    "Each school gets DIR/<Schulnummer or id>-<name>/ with one file per format. DIR gets\n"
    "summary.csv and summary.md (plus summary.docx/.pdf for those formats): counts, then\n"
    "a school x section matrix of what is missing, then the rows with errors. A row with\n"
    "bad data is reported (row, column, question, message) and skipped; all other schools\n"
    "are still produced.\n\n"
    "Options:\n"
    "      --base FILE          shared answers (YAML or JSON)\n"
    "      --schools FILE       the school list (CSV)\n"
    "      --out DIR            output folder (created if missing)\n"
    "      --map FILE           mapping of columns to questions (see docs/batch.md;\n"
    "                           samples/batch/nrw-schulliste.map.yaml for the MSB list)\n"
    "  -t, --template NAME      template to use (default: \"vorlage\" in the base file)\n"
    "  -f, --format LIST        comma list of md,docx,xml,pdf (default: md,docx,pdf,\n"
    "                           those this build has); ics adds each school's deadlines\n"
    "                           as fristen.ics and all of them in DIR/fristen.ics\n"
    "  -j, --jobs N             schools produced in parallel (default: number of cores)\n"
    "      --where COLUMN=VALUE only rows whose COLUMN has VALUE; repeat for more columns\n"
    "                           (all must match) or more values of a column (any matches),\n"
    "                           e.g. --where Schulform=02 --where Gemeindeschluessel=05315000\n"
    "      --resume             skip schools whose outputs are complete and up to date\n"
    "      --reference-docx F   take Word styles and page setup from F (DOCX outputs)\n"
    "      --ohne-checkliste    no checklist appendix in the drafts (final versions never\n"
    "                           have it)\n\n"
    "A progress bar is shown when standard error is a terminal. Ctrl-C stops after the\n"
    "schools under way and still writes the summary; --resume then continues.\n\n"
    "Exit codes:\n"
    "  0  every agreement was produced and is ready to sign\n"
    "  1  some rows have invalid data and were skipped (the others were produced),\n"
    "     or the base answers, mapping or school list are invalid (nothing was written)\n"
    "  2  wrong command line\n"
    "  3  every row was produced, but some agreements are not ready to sign (see summary)\n"
    "  4  an output file could not be written\n"
    "  130  interrupted; run again with --resume\n");

std::atomic<bool> g_stop{false};

extern "C" void on_interrupt(int) { g_stop.store(true); }

void install_interrupt_handler() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sa.sa_flags = SA_RESETHAND;  // a second Ctrl-C ends at once
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int fail(const Diagnostics& diag, int code) {
  std::fputs(diag.to_string().c_str(), stderr);
  return code;
}

// The document formats of --format; "ics" among them asks for the deadlines.
std::optional<std::vector<const OutputFormat*>> batch_formats(const Args& args, bool& calendar, Diagnostics& diag) {
  if (!args.has("--format")) return batch_default_formats();
  std::string documents;
  const std::string list = args.get("--format");
  for (size_t start = 0; start <= list.size();) {
    const size_t comma = std::min(list.find(',', start), list.size());
    const std::string name = list.substr(start, comma - start);
    if (name == "ics") calendar = true;
    else documents += (documents.empty() ? "" : ",") + name;
    start = comma + 1;
  }
  if (calendar && documents.empty()) return std::vector<const OutputFormat*>{};
  return parse_format_list(documents, diag);
}

// kovgen batch --format ics: each school's deadlines into its folder, and all of
// them collected for the output folder's combined calendar.
class BatchCalendar {
 public:
  BatchCalendar(const deadlines::IcalLibrary& ical, const WriterOptions& writer)
      : ical_(ical), window_(calendar_window(deadlines_today(writer.timestamp))), options_(calendar_options(writer)) {}

  SchoolExtraFiles school_files() {
    return [this](const Answers& answers, const Draft& draft) {
      deadlines::AgreementDeadlines found = agreement_deadlines(answers, draft.markdown, window_);
      std::vector<std::pair<std::string, std::string>> files{{kCalendarFileName, deadlines::write_ics(ical_, {found}, options_)}};
      std::lock_guard<std::mutex> lock(mutex_);
      all_.push_back(std::move(found));
      return files;
    };
  }

  // The combined calendar, in an order that does not depend on the threads.
  bool write_combined(const std::string& out_dir, Diagnostics& diag) {
    std::sort(all_.begin(), all_.end(), [](const auto& a, const auto& b) {
      return std::tie(a.title, a.identity) < std::tie(b.title, b.identity);
    });
    return real_disk().write_atomically(out_dir + "/" + kCalendarFileName, deadlines::write_ics(ical_, all_, options_), diag);
  }

 private:
  const deadlines::IcalLibrary& ical_;
  deadlines::Window window_;
  deadlines::CalendarOptions options_;
  std::mutex mutex_;
  std::vector<deadlines::AgreementDeadlines> all_;
};

int job_count(const Args& args) {
  if (!args.has("--jobs")) return std::max(1u, std::thread::hardware_concurrency());
  // A named string: strtol's end pointer must not point into a destroyed temporary.
  const std::string jobs = args.get("--jobs");
  char* end = nullptr;
  const long n = std::strtol(jobs.c_str(), &end, 10);
  return *end == '\0' && n >= 1 && n <= 256 ? static_cast<int>(n) : 0;
}

// The progress bar on a terminal, and this run's messages above it.
class Reporter {
 public:
  explicit Reporter(size_t total) : total_(total), terminal_(isatty(STDERR_FILENO) == 1) {}

  void messages(const Diagnostics& diag) {
    if (diag.items().empty()) return;
    clear_bar();
    std::fputs(diag.to_string().c_str(), stderr);
  }

  void progress(size_t done) {
    if (!terminal_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r%s\x1b[K", progress_line(done, total_, elapsed).c_str());
    bar_shown_ = true;
  }

  void finish() {
    if (bar_shown_) std::fputc('\n', stderr);
    bar_shown_ = false;
  }

 private:
  void clear_bar() {
    if (bar_shown_) std::fputs("\r\x1b[K", stderr);
  }
  size_t total_;
  bool terminal_;
  bool bar_shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

// What the command line asks for, read from the disk and the environment.
std::optional<int> read_job(const Args& args, const LoadedAnswers& base, const MappingFile* mapping, BatchJob& job,
                            Diagnostics& diag) {
  job.base = &base;
  job.base_file = args.get("--base");
  job.mapping = mapping;
  job.schools_file = args.get("--schools");
  auto bytes = read_file(job.schools_file, diag);
  if (!bytes) return kExitInvalidInput;
  job.schools_bytes = std::move(*bytes);
  job.where = args.all("--where");
  job.out_dir = args.get("--out");
  job.resume = args.has("--resume");
  RenderSettings settings = render_settings_from_environment(diag);
  job.compose_options = settings.compose;
  job.compose_options.without_checklist = args.has("--ohne-checkliste");
  job.writer_options = settings.writer;
  job.tool_fingerprint = tool_fingerprint();
  if (!load_reference_option(args, job.formats, job.writer_options, diag)) return kExitInvalidInput;
  return std::nullopt;
}

int exit_code(const BatchOutcome& outcome) {
  switch (outcome.end) {
    case BatchEnd::interrupted: return 130;
    case BatchEnd::invalid_input: return kExitInvalidInput;
    case BatchEnd::bad_filter: return kExitUsage;
    case BatchEnd::output_error: return kExitOutputError;
    case BatchEnd::finished: break;
  }
  const SummaryCounts& c = outcome.counts;
  if (c.output_failed > 0) return kExitOutputError;
  if (c.error > 0) return kExitInvalidInput;
  if (c.incomplete > 0) return kExitIncomplete;
  return kExitOk;
}

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--base"}, {"--schools"}, {"--out"}, {"--map"}, {"--template", "-t"}, {"--format", "-f"},
                   {"--jobs", "-j"}, {"--where", "", true, true}, {"--resume", "", false},
                   {"--reference-docx"}, {"--ohne-checkliste", "", false}, {"--quiet", "-q", false}});
  if (!args.error().empty()) return usage_error("batch", args.error());
  if (!args.positionals().empty()) return usage_error("batch", fill(tr("unexpected argument {}"), {quoted_value(args.positionals()[0])}));
  for (const char* required : {"--base", "--schools", "--out"})
    if (!args.has(required)) return usage_error("batch", fill(tr("option {} is required"), {required}));
  BatchJob job;
  job.jobs = job_count(args);
  if (job.jobs == 0) return usage_error("batch", tr("--jobs expects a number from 1 to 256"));
  Diagnostics diag;
  bool calendar = false;
  auto formats = batch_formats(args, calendar, diag);
  if (!formats) return usage_error("batch", diag);
  job.formats = *formats;

  TemplateCache cache(real_disk(), template_library_from_environment());
  auto base = load_answers_file(args.get("--base"), args.get("--template"), cache, diag);
  if (!base) return fail(diag, kExitInvalidInput);
  std::optional<MappingFile> map;
  if (args.has("--map")) {
    auto text = read_file(args.get("--map"), diag);
    if (text) map = parse_mapping(*text, args.get("--map"), diag);
    if (!map) return fail(diag, kExitInvalidInput);
  }
  if (auto code = read_job(args, *base, map ? &*map : nullptr, job, diag)) return fail(diag, *code);
  std::fputs(diag.to_string().c_str(), stderr);
  std::optional<BatchCalendar> deadline_calendar;
  if (calendar) {
    std::string load_error;
    const deadlines::IcalLibrary* ical = deadlines::ical_library(load_error);
    if (!ical) {
      std::fprintf(stderr, "kovgen batch: %s\n", load_error.c_str());
      return kExitOutputError;
    }
    job.extra_files = deadline_calendar.emplace(*ical, job.writer_options).school_files();
  }

  std::optional<Reporter> reporter;
  BatchJobHooks hooks;
  hooks.stop = &g_stop;
  hooks.messages = [&](const Diagnostics& d) {
    if (reporter) reporter->messages(d);
    else std::fputs(d.to_string().c_str(), stderr);
  };
  hooks.started = [&](size_t total) { reporter.emplace(total); };
  hooks.progress = [&](size_t done, size_t) { reporter->progress(done); };
  install_interrupt_handler();
  const BatchOutcome outcome = run_batch_job(job, real_disk(), hooks);
  if (reporter) reporter->finish();
  if (outcome.end == BatchEnd::bad_filter) return usage_error("batch", outcome.diag);
  std::fputs(outcome.diag.to_string().c_str(), stderr);
  if (!outcome.schools_run) return exit_code(outcome);
  std::fprintf(stderr, "%s\n%s\n", counts_line(outcome.counts).c_str(),
               fill(tr("Summary: {}"), {job.out_dir + "/summary.md"}).c_str());
  if (!args.has("--quiet")) {
    report_written(job.out_dir + "/summary.csv");
    report_written(job.out_dir + "/summary.md");
    for (const OutputFormat* f : job.formats)
      if (f->name != "md") report_written(job.out_dir + "/summary" + f->extension);
  }
  if (deadline_calendar && outcome.end == BatchEnd::finished) {
    Diagnostics written;
    if (!deadline_calendar->write_combined(job.out_dir, written)) return fail(written, kExitOutputError);
    if (!args.has("--quiet")) report_written(job.out_dir + "/" + kCalendarFileName);
  }
  if (outcome.end == BatchEnd::interrupted)
    std::fprintf(stderr, "%s\n",
                 fill(tr_n("Stopped after {} of {} school; run the same command with --resume to continue.",
                           "Stopped after {} of {} schools; run the same command with --resume to continue.",
                           outcome.total),
                      {std::to_string(outcome.done), std::to_string(outcome.total)})
                     .c_str());
  return exit_code(outcome);
}

CommandRegistration registration({"batch", N_("an agreement for every school of a school list, with a summary"),
                                  kUsage, run, /*own_exit_codes=*/true});

}  // namespace
}  // namespace kovgen::cli
