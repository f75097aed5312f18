#pragma once
// Deadlines as an iCalendar file (RFC 5545) that Outlook and Thunderbird import:
// one event per deadline at 9:00 Europe/Berlin, each with a reminder.
#include <cstdint>
#include <string>
#include <vector>

#include "deadlines.h"
#include "ical_library.h"

namespace kovgen::deadlines {

struct CalendarOptions {
  int64_t stamp_seconds = 0;       // DTSTAMP, seconds since 1970 (SOURCE_DATE_EPOCH)
  std::string product = "kovgen";  // PRODID: "-//kovgen//kovgen 0.1.0//DE"
};

// The UID of one deadline: the agreement's identity, the rule and, for rules that
// recur, the occurrence; never the date, so that a re-import of a changed date
// updates the event instead of adding a second one.
std::string event_uid(const AgreementDeadlines& agreement, const Deadline& deadline);

// SEQUENCE of every event: the minutes from 2026 to the stamp (SOURCE_DATE_EPOCH),
// so that a file made later has the higher revision, which Outlook and Thunderbird
// take as the newer version of an event with the same UID, and the same stamp
// gives the same bytes.
int event_sequence(int64_t stamp_seconds);

// One calendar for all the agreements' deadlines, CRLF lines folded by libical.
// The library is loaded by the caller (ical_library()), which reports when it is
// missing before any work is done.
std::string write_ics(const IcalLibrary& ical, const std::vector<AgreementDeadlines>& agreements,
                      const CalendarOptions& options);

}  // namespace kovgen::deadlines
