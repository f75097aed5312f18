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

// The UID of one deadline: the agreement's identity, the rule and the date.
std::string event_uid(const AgreementDeadlines& agreement, const Deadline& deadline);

// One calendar for all the agreements' deadlines, CRLF lines folded by libical.
// The library is loaded by the caller (ical_library()), which reports when it is
// missing before any work is done.
std::string write_ics(const IcalLibrary& ical, const std::vector<AgreementDeadlines>& agreements,
                      const CalendarOptions& options);

}  // namespace kovgen::deadlines
