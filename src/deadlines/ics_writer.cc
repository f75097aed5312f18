#include "ics_writer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "i18n.h"
#include "ical_library.h"

namespace kovgen::deadlines {
namespace {

constexpr const char* kZone = "Europe/Berlin";
// Written out rather than taken from the system's zoneinfo, so the file is the
// same on every machine: the rules of Central European (Summer) Time since 1996.
constexpr const char* kBerlinTimezone =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Berlin\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZNAME:CEST\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "DTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZNAME:CET\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "DTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

struct ComponentDeleter {
  const IcalLibrary* ical;
  void operator()(icalcomponent* c) const { ical->component_free(c); }
};

icalproperty* local_time(const IcalLibrary& ical, icalproperty* (*make)(struct icaltimetype), const Date& d, int hour,
                         int minute) {
  struct icaltimetype t = ical.time_null_time();
  t.year = d.year;
  t.month = d.month;
  t.day = d.day;
  t.hour = hour;
  t.minute = minute;
  icalproperty* p = make(t);
  ical.property_add_parameter(p, ical.parameter_new_tzid(kZone));
  return p;
}

icalcomponent* reminder(const IcalLibrary& ical, const Deadline& d) {
  icalcomponent* alarm = ical.component_new(ICAL_VALARM_COMPONENT);
  ical.component_add_property(alarm, ical.property_new_action(ICAL_ACTION_DISPLAY));
  ical.component_add_property(alarm, ical.property_new_description(d.summary.c_str()));
  struct icaltriggertype trigger;
  trigger.time = ical.time_null_time();
  trigger.duration = ical.durationtype_null_duration();
  trigger.duration.is_neg = 1;
  trigger.duration.weeks = static_cast<unsigned>(d.reminder_weeks);
  ical.component_add_property(alarm, ical.property_new_trigger(trigger));
  return alarm;
}

std::string description(const AgreementDeadlines& a, const Deadline& d) {
  std::string text = a.title + "\n";
  if (!d.paragraph.empty()) text += fill(tr("From {} of the agreement."), {d.paragraph}) + "\n";
  text += "\n" + d.description + "\n\n";
  text += fill(tr_n("Reminder {} week before.", "Reminder {} weeks before.", static_cast<unsigned long>(d.reminder_weeks)),
               {std::to_string(d.reminder_weeks)});
  return text;
}

}  // namespace

std::string event_uid(const AgreementDeadlines& agreement, const Deadline& deadline) {
  const std::string occurrence = deadline.occurrence > 0 ? "-" + std::to_string(deadline.occurrence) : "";
  return agreement.identity + "-" + deadline.kind + occurrence + "@kovgen";
}

int event_sequence(int64_t stamp_seconds) {
  constexpr int64_t kFirst = 1767225600;  // 2026-01-01T00:00:00Z, before kovgen wrote calendars
  constexpr int64_t kMax = 2147483647;     // SEQUENCE is a 32-bit integer
  return static_cast<int>(std::clamp<int64_t>((stamp_seconds - kFirst) / 60, 0, kMax));
}

std::string write_ics(const IcalLibrary& ical, const std::vector<AgreementDeadlines>& agreements,
                      const CalendarOptions& options) {
  std::unique_ptr<icalcomponent, ComponentDeleter> calendar(ical.component_new(ICAL_VCALENDAR_COMPONENT),
                                                            ComponentDeleter{&ical});
  icalcomponent* cal = calendar.get();
  ical.component_add_property(cal, ical.property_new_prodid(("-//kovgen//" + options.product + "//DE").c_str()));
  ical.component_add_property(cal, ical.property_new_version("2.0"));
  ical.component_add_property(cal, ical.property_new_calscale("GREGORIAN"));
  ical.component_add_property(cal, ical.property_new_method(ICAL_METHOD_PUBLISH));
  // Outlook and Google read the calendar's own time zone from this.
  icalproperty* zone_name = ical.property_new_x(kZone);
  ical.property_set_x_name(zone_name, "X-WR-TIMEZONE");
  ical.component_add_property(cal, zone_name);
  ical.component_add_component(cal, ical.component_new_from_string(kBerlinTimezone));
  const struct icaltimetype stamp =
      ical.time_from_timet_with_zone(static_cast<time_t>(options.stamp_seconds), 0, ical.timezone_get_utc_timezone());
  const int sequence = event_sequence(options.stamp_seconds);
  for (const AgreementDeadlines& a : agreements) {
    for (const Deadline& d : a.deadlines) {
      icalcomponent* event = ical.component_new(ICAL_VEVENT_COMPONENT);
      ical.component_add_property(event, ical.property_new_uid(event_uid(a, d).c_str()));
      ical.component_add_property(event, ical.property_new_dtstamp(stamp));
      ical.component_add_property(event, ical.property_new_lastmodified(stamp));
      ical.component_add_property(event, ical.property_new_sequence(sequence));
      ical.component_add_property(event, local_time(ical, ical.property_new_dtstart, d.date, 9, 0));
      ical.component_add_property(event, local_time(ical, ical.property_new_dtend, d.date, 9, 30));
      const std::string summary = d.paragraph.empty() ? d.summary : d.summary + " (" + d.paragraph + ")";
      ical.component_add_property(event, ical.property_new_summary(summary.c_str()));
      ical.component_add_property(event, ical.property_new_description(description(a, d).c_str()));
      ical.component_add_property(event, ical.property_new_categories(tr("Deadline")));
      ical.component_add_property(event, ical.property_new_transp(ICAL_TRANSP_TRANSPARENT));
      ical.component_add_component(event, reminder(ical, d));
      ical.component_add_component(cal, event);
    }
  }
  char* text = ical.component_as_ical_string_r(cal);
  std::string out = text ? text : "";
  std::free(text);
  return out;
}

}  // namespace kovgen::deadlines
