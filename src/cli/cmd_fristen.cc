// kovgen fristen ANTWORTEN…: the deadlines the agreements schedule, as a table of
// the next ones or as an iCalendar file (src/deadlines/).
#include <algorithm>
#include <cstdio>
#include <optional>

#include "args.h"
#include "cli_support.h"
#include "command.h"
#include "fristen_support.h"
#include "german_format.h"
#include "i18n.h"
#include "pipeline.h"
#include "process_environment.h"
#include "unicode.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen fristen ANSWERS.yaml... [OPTIONS]\n\n"
    "Computes the deadlines the agreements schedule: end of term, last day to give\n"
    "notice, reports, joint reviews, the erweitertes Führungszeugnis, the yearly update\n"
    "of Anlage 1. Without -o it prints the next deadlines as a table, soonest first;\n"
    "with -o it writes one iCalendar file for all the answers files, which Outlook\n"
    "and Thunderbird import. Deadlines the answers do not allow to compute are\n"
    "listed with the field that is missing.\n\n"
    "Options:\n"
    "  -o, --output FILE.ics  write the deadlines of the next five years as iCalendar\n"
    "                         ('-' is standard output)\n"
    "      --stichtag DATE    count from this day instead of today (2026-12-05 or\n"
    "                         05.12.2026)\n"
    "      --monate N         months the table shows (default: 12)\n"
    "  -t, --template NAME    template for the answers (default: \"vorlage\" in each file)\n"
    "  -q, --quiet            do not list the file written\n\n");

struct Computed {
  std::string file;
  deadlines::AgreementDeadlines result;
};

// Every answers file's deadlines in the window; nullopt after printing errors.
std::optional<std::vector<Computed>> compute_all(const std::vector<std::string>& files, const std::string& template_option,
                                                 const deadlines::Window& window, const ComposeOptions& compose) {
  TemplateCache cache(real_disk(), template_library_from_environment());
  Diagnostics diag;
  std::vector<Computed> all;
  for (const std::string& file : files) {
    auto loaded = load_answers_file(file, template_option, cache, diag);
    if (!loaded || diag.has_errors()) continue;
    ComposeOptions options = compose;
    options.without_checklist = true;
    const std::string markdown = make_draft(*loaded->tmpl, loaded->answers, options).markdown;
    all.push_back({file, agreement_deadlines(loaded->answers, markdown, window)});
  }
  std::fputs(diag.to_string().c_str(), stderr);
  if (diag.has_errors()) return std::nullopt;
  return all;
}

void report_unresolved(const std::vector<Computed>& all) {
  for (const Computed& c : all)
    for (const deadlines::Unresolved& u : c.result.unresolved)
      std::fprintf(stderr, "%s\n",
                   format_diagnostic({Severity::warning, u.where.file.empty() ? Location{c.file, 0, 0} : u.where,
                                      fill(tr("deadline not computed: {}: {}"), {u.field, u.reason})})
                       .c_str());
}

void print_table(const std::vector<Computed>& all, const deadlines::Window& window) {
  struct Row {
    Date date;
    std::string cells[4];
  };
  std::vector<Row> rows;
  for (const Computed& c : all)
    for (const deadlines::Deadline& d : c.result.deadlines)
      rows.push_back({d.date, {format_date_short(d.date), d.summary, d.paragraph, c.result.parties}});
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.date < b.date; });
  std::printf("%s\n\n", fill(tr("Deadlines from {} to {}:"), {format_date_long(window.from), format_date_long(window.to)}).c_str());
  if (rows.empty()) {
    std::printf("%s\n", tr("No deadlines in this period."));
    return;
  }
  const std::string header[4] = {tr("Date"), tr("Deadline"), "§", tr("Agreement")};
  size_t width[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    width[i] = display_width(header[i]);
    for (const Row& r : rows) width[i] = std::max(width[i], display_width(r.cells[i]));
  }
  auto print_row = [&](const std::string* cells) {
    std::string line;
    for (int i = 0; i < 3; ++i) line += pad_to_width(cells[i], width[i]) + "  ";
    line += cells[3];
    std::printf("%s\n", line.c_str());
  };
  print_row(header);
  for (const Row& r : rows) print_row(r.cells);
}

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--output", "-o"}, {"--stichtag"}, {"--monate"}, {"--template", "-t"}, {"--quiet", "-q", false}});
  if (!args.error().empty()) return usage_error("fristen", args.error());
  if (args.positionals().empty()) return usage_error("fristen", tr("expects at least one answers file"));
  const std::string output = args.get("--output");
  if (args.has("--output") && output != "-" &&
      (output.size() < 4 || output.compare(output.size() - 4, 4, ".ics") != 0))
    return usage_error("fristen", fill(tr("{}: kovgen fristen writes iCalendar files ending in .ics"), {output}));
  int months = 12;
  if (args.has("--monate")) {
    const std::string n = args.get("--monate");
    if (n.empty() || n.size() > 3 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) < 1 ||
        std::stoi(n) > 120)
      return usage_error("fristen", fill(tr("--monate {}: give a whole number of months from 1 to 120"), {n}));
    months = std::stoi(n);
  }
  Diagnostics env_diag;
  RenderSettings settings = render_settings_from_environment(env_diag);
  std::fputs(env_diag.to_string().c_str(), stderr);
  Date from = deadlines_today(settings.writer.timestamp);
  if (args.has("--stichtag")) {
    const auto date = parse_date_option(args.get("--stichtag"));
    if (!date)
      return usage_error("fristen", fill(tr("--stichtag {}: not a date; write it as 2026-03-30 or 30.03.2026"),
                                         {args.get("--stichtag")}));
    from = *date;
  }
  const bool calendar = args.has("--output");
  const deadlines::Window window =
      calendar ? calendar_window(from) : deadlines::Window{from, deadlines::add_days(deadlines::add_months(from, months), -1)};
  auto all = compute_all(args.positionals(), args.get("--template"), window, settings.compose);
  if (!all) {
    std::fprintf(stderr, "%s\n", tr("kovgen fristen: nothing was written."));
    return kExitInvalidInput;
  }
  report_unresolved(*all);
  if (!calendar) {
    print_table(*all, window);
    return kExitOk;
  }
  std::string load_error;
  const deadlines::IcalLibrary* ical = deadlines::ical_library(load_error);
  if (!ical) {
    std::fprintf(stderr, "kovgen fristen: %s\n", load_error.c_str());
    return kExitOutputError;
  }
  std::vector<deadlines::AgreementDeadlines> agreements;
  for (Computed& c : *all) agreements.push_back(std::move(c.result));
  return write_outputs({{output, deadlines::write_ics(*ical, agreements, calendar_options(settings.writer)), nullptr}},
                       {true, args.has("--quiet")});
}

CommandRegistration registration({"fristen", N_("deadlines of the agreements as a table or a calendar file (.ics)"),
                                  kUsage, run});

}  // namespace
}  // namespace kovgen::cli
