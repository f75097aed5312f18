#pragma once
// The dates an agreement makes someone act on (end of term, last day to give
// notice, reports, reviews, Führungszeugnis, Anlage 1), computed from its answers.
// Pure: answers, the agreement's headings and a window of dates in, deadlines out.
#include <string>
#include <vector>

#include "answers.h"
#include "german_format.h"

namespace kovgen::deadlines {

struct Deadline {
  Date date;
  // Stable name of the rule ("kuendigung"); with the agreement's identity and the
  // occurrence it makes the calendar UID, so a re-import updates instead of duplicating.
  std::string kind;
  std::string summary;      // one line, in the chosen language
  std::string description;  // what to do, where it comes from, what was assumed
  std::string paragraph;    // "§ 27" of the rendered agreement; empty if not found
  int reminder_weeks = 0;   // the calendar reminds this many weeks before
  // For kinds that recur: which one, counted from the agreement's start (1, 2, ...),
  // not from the window, so that a later run names the same deadline alike; 0 for
  // kinds that come once.
  int occurrence = 0;
};

// A deadline the answers do not allow to compute, with the field that is missing
// or unreadable and why, in the chosen language.
struct Unresolved {
  std::string field;
  std::string reason;
  Location where;  // the answer's file, line and column; the file alone when it is missing
};

// A numbered section heading of the rendered agreement: label "§ 27", title
// "Inkrafttreten, Laufzeit, Kündigung, Anpassung".
struct SectionHeading {
  std::string label;
  std::string title;
};

struct AgreementDeadlines {
  std::string title;     // the agreement and its parties, for every event
  std::string parties;   // schools, provider, school authority: the short name in tables
  std::string identity;  // stable across runs, different between agreements
  std::vector<Deadline> deadlines;  // sorted by date, then kind
  std::vector<Unresolved> unresolved;
};

// Deadlines falling in [from, to] (both included).
struct Window {
  Date from, to;
};

AgreementDeadlines compute_deadlines(const Answers& answers, const std::vector<SectionHeading>& headings,
                                     const Window& window);

// Date arithmetic the rules use, exposed for their tests.
Date add_days(const Date& d, int days);
// Same day n months later (or earlier for negative n), clamped to the month's end.
Date add_months(const Date& d, int months);
// The last day on which notice of `months` months still reaches `termination`:
// the period is counted back from the end of that day (§§ 187, 188 BGB).
Date last_day_for_notice(const Date& termination, int months);
// The days and months a German text names, in order: "31. Juli", "31.07.",
// "31. Januar oder 31. Juli". Without one, "Schulhalbjahr" means 31 January and
// 31 July, "Schuljahr" 31 July (the school year in NRW ends on 31 July) and
// "Kalenderjahr" 31 December. Empty when the text names no day.
struct DayOfYear {
  int day = 0, month = 0;
  auto operator<=>(const DayOfYear&) const = default;
};
std::vector<DayOfYear> find_days_of_year(const std::string& text);

}  // namespace kovgen::deadlines
