#pragma once
// What kovgen fristen and kovgen batch --format ics share at the edge: today's
// date, the calendar's window and stamp, and an agreement's deadlines with the
// § numbers of its rendered text.
#include <cstdint>
#include <optional>
#include <string>

#include "answers.h"
#include "deadlines.h"
#include "ics_writer.h"
#include "markdown_conventions.h"

namespace kovgen::cli {

// The calendar file's name, in a batch's school folders and its output folder.
constexpr const char* kCalendarFileName = "fristen.ics";

// Today: the day of SOURCE_DATE_EPOCH when it is set, so that builds and tests
// are reproducible, else the local calendar day.
Date deadlines_today(const std::optional<int64_t>& epoch);

// The calendar holds the deadlines of the five years from `from`.
deadlines::Window calendar_window(const Date& from);

// DTSTAMP from SOURCE_DATE_EPOCH (else the clock), PRODID from kovgen's version.
deadlines::CalendarOptions calendar_options(const WriterOptions& writer);

// The answers' deadlines; `markdown` is their rendered agreement, whose
// headings give each deadline its §.
deadlines::AgreementDeadlines agreement_deadlines(const Answers& answers, const std::string& markdown,
                                                  const deadlines::Window& window);

}  // namespace kovgen::cli
