// The deadlines an agreement schedules: the date rules, the sample agreements'
// deadlines with their §, missing answers, and the iCalendar file read back by
// libical.
#include <doctest/doctest.h>

#include <libical/ical.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "agreement_blocks.h"
#include "deadlines.h"
#include "ics_writer.h"
#include "pipeline.h"
#include "test_support.h"
#include "version_pairs.h"

using namespace kovgen;
using namespace kovgen::deadlines;

namespace {

// libical as kovgen loads it at run time; every calendar written here needs it.
const IcalLibrary& loaded_ical() {
  std::string error;
  const IcalLibrary* ical = ical_library(error);
  REQUIRE_MESSAGE(ical != nullptr, error);
  return *ical;
}

const Window kFiveYears{{2026, 12, 5}, {2031, 12, 5}};

AgreementDeadlines compute(const std::string& yaml, const Window& window = kFiveYears) {
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  auto loaded = load_answers(yaml, "answers.yaml", "", cache, diag);
  REQUIRE_MESSAGE(loaded, diag.to_string());
  std::vector<SectionHeading> headings;
  for (const diff::Section& s : diff::split_agreement(test::render_agreement(yaml))) headings.push_back({s.label, s.title});
  return compute_deadlines(loaded->answers, headings, window);
}

std::vector<Date> dates_of(const AgreementDeadlines& a, const std::string& kind) {
  std::vector<Date> out;
  for (const Deadline& d : a.deadlines)
    if (d.kind == kind) out.push_back(d.date);
  return out;
}

const Deadline* first_of(const AgreementDeadlines& a, const std::string& kind) {
  for (const Deadline& d : a.deadlines)
    if (d.kind == kind) return &d;
  return nullptr;
}

std::string ssa_sample_yaml() {
  return test::read_text(test::source_dir() + "/samples/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml");
}

const std::string kSection = "\u00A7\u00A0";  // "§" and a no-break space, as kovgen writes it

struct IcalFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Calendar = std::unique_ptr<icalcomponent, IcalFree>;

}  // namespace

TEST_CASE("deadlines: the last day for notice counts the months back from the end of the termination day") {
  CHECK(last_day_for_notice({2027, 7, 31}, 6) == Date{2027, 1, 31});
  CHECK(last_day_for_notice({2027, 6, 30}, 6) == Date{2026, 12, 31});
  CHECK(last_day_for_notice({2027, 12, 31}, 3) == Date{2027, 9, 30});
  CHECK(last_day_for_notice({2028, 1, 31}, 3) == Date{2027, 10, 31});
  CHECK(last_day_for_notice({2027, 8, 15}, 1) == Date{2027, 7, 15});
  CHECK(add_months({2027, 1, 31}, 1) == Date{2027, 2, 28});
  CHECK(add_months({2028, 1, 31}, 1) == Date{2028, 2, 29});
  CHECK(add_days({2028, 12, 31}, 1) == Date{2029, 1, 1});
}

TEST_CASE("deadlines: days of the year in the German answers") {
  using V = std::vector<DayOfYear>;
  CHECK(find_days_of_year("Ende eines Schuljahres (31. Juli)") == V{{31, 7}});
  CHECK(find_days_of_year("Ende eines Schulhalbjahres (31. Januar oder 31. Juli)") == V{{31, 1}, {31, 7}});
  CHECK(find_days_of_year("Schuljahresende") == V{{31, 7}});
  CHECK(find_days_of_year("Ende eines Schulhalbjahres") == V{{31, 1}, {31, 7}});
  CHECK(find_days_of_year("zum 31.12. eines Jahres") == V{{31, 12}});
  CHECK(find_days_of_year("Ende eines Kalenderjahres") == V{{31, 12}});
  CHECK(find_days_of_year("jährlich zum 31. Oktober") == V{{31, 10}});
  CHECK(find_days_of_year("bis zum 15. März, sonst zum 1.8.") == V{{15, 3}, {1, 8}});
  CHECK(find_days_of_year("Monatsende").empty());
  CHECK(find_days_of_year("zum 31. Februar").empty());
}

TEST_CASE("deadlines: OGS sample, 6 Monate zum Schuljahresende, extended by school years") {
  const AgreementDeadlines a = compute(test::ogs_sample_yaml());
  CHECK(a.unresolved.empty());
  CHECK(dates_of(a, "kuendigung") == std::vector<Date>{{2027, 1, 31}, {2028, 1, 31}, {2029, 1, 31}, {2030, 1, 31},
                                                       {2031, 1, 31}});
  CHECK(dates_of(a, "laufzeit_ende") == std::vector<Date>{{2029, 7, 31}, {2030, 7, 31}, {2031, 7, 31}});
  CHECK(dates_of(a, "anschlussverhandlung").empty());
  CHECK(dates_of(a, "sachbericht").front() == Date{2027, 10, 31});
  CHECK(dates_of(a, "ueberpruefung").front() == Date{2027, 8, 1});
  CHECK(dates_of(a, "fuehrungszeugnis") == std::vector<Date>{{2031, 8, 1}});
  CHECK(dates_of(a, "anlage1").front() == Date{2027, 2, 28});
  CHECK(dates_of(a, "verwendungsnachweis").front() == Date{2027, 9, 30});
  // The § of each comes from the rendered agreement's headings.
  CHECK(first_of(a, "kuendigung")->paragraph == kSection + "24");
  CHECK(first_of(a, "sachbericht")->paragraph == kSection + "20");
  CHECK(first_of(a, "fuehrungszeugnis")->paragraph == kSection + "14");
  CHECK(first_of(a, "anlage1")->paragraph == kSection + "1");
  CHECK(first_of(a, "kuendigung")->reminder_weeks > 0);
  CHECK(std::is_sorted(a.deadlines.begin(), a.deadlines.end(),
                       [](const Deadline& x, const Deadline& y) { return x.date < y.date; }));
  for (const Deadline& d : a.deadlines) {
    CHECK(d.date >= kFiveYears.from);
    CHECK(d.date <= kFiveYears.to);
  }
}

TEST_CASE("deadlines: the Führungszeugnis interval comes from the answer and is said to be assumed from the start") {
  const std::string yaml = test::replace_once(test::ogs_sample_yaml(), "fuehrungszeugnis_intervall: 5",
                                              "fuehrungszeugnis_intervall: 2");
  const AgreementDeadlines a = compute(yaml);
  CHECK(dates_of(a, "fuehrungszeugnis") == std::vector<Date>{{2028, 8, 1}, {2030, 8, 1}});
  CHECK(first_of(a, "fuehrungszeugnis")->description.find("Assumed") != std::string::npos);
}

TEST_CASE("deadlines: a fixed term without extension ends, with negotiations a year before and no notice after") {
  const std::string yaml =
      test::replace_once(test::ogs_sample_yaml(), "verlaengerung: true", "verlaengerung: false");
  const AgreementDeadlines a = compute(yaml);
  CHECK(dates_of(a, "laufzeit_ende") == std::vector<Date>{{2029, 7, 31}});
  CHECK(dates_of(a, "anschlussverhandlung") == std::vector<Date>{{2028, 7, 31}});
  // Notice to end it on the day it ends anyway is no deadline.
  CHECK(dates_of(a, "kuendigung") == std::vector<Date>{{2027, 1, 31}, {2028, 1, 31}});
  CHECK(dates_of(a, "fuehrungszeugnis").empty());
  for (const Deadline& d : a.deadlines)
    if (d.kind != "sachbericht" && d.kind != "verwendungsnachweis") CHECK(d.date <= Date{2029, 7, 31});
}

TEST_CASE("deadlines: Schulsozialarbeit sample, notice to the end of either school half-year") {
  const AgreementDeadlines a = compute(ssa_sample_yaml());
  CHECK(a.unresolved.empty());
  const std::vector<Date> notice = dates_of(a, "kuendigung");
  REQUIRE(notice.size() >= 2);
  CHECK(notice[0] == Date{2027, 4, 30});   // 3 months to 31 July 2027
  CHECK(notice[1] == Date{2027, 10, 31});  // 3 months to 31 January 2028
  CHECK(dates_of(a, "sachbericht").front() == Date{2027, 9, 30});
  CHECK(first_of(a, "kuendigung")->paragraph == kSection + "20");
  CHECK(dates_of(a, "anlage1").empty());
}

TEST_CASE("deadlines: a missing or unreadable answer builds no event and names the field") {
  SUBCASE("no day for the notice") {
    const std::string yaml = test::replace_once(test::ogs_sample_yaml(), "kuendigungstermin: Ende eines Schuljahres (31. Juli)",
                                                "kuendigungstermin: Monatsende");
    const AgreementDeadlines a = compute(yaml);
    CHECK(dates_of(a, "kuendigung").empty());
    REQUIRE(a.unresolved.size() == 1);
    CHECK(a.unresolved[0].field.find("laufzeit_kuendigung.kuendigungstermin") == 0);
    CHECK(a.unresolved[0].reason.find("Monatsende") != std::string::npos);
  }
  SUBCASE("no start") {
    const std::string yaml = test::replace_once(test::ogs_sample_yaml(), "  beginn: 2026-08-01\n", "");
    const AgreementDeadlines a = compute(yaml);
    CHECK(a.deadlines.empty());
    REQUIRE(a.unresolved.size() == 1);
    CHECK(a.unresolved[0].field.find("laufzeit_kuendigung.beginn") == 0);
  }
  SUBCASE("no end of a fixed term") {
    const std::string yaml = test::replace_once(test::ogs_sample_yaml(), "  ende: 2029-07-31\n", "");
    const AgreementDeadlines a = compute(yaml);
    CHECK(dates_of(a, "laufzeit_ende").empty());
    REQUIRE_FALSE(a.unresolved.empty());
    CHECK(a.unresolved[0].field.find("laufzeit_kuendigung.ende") == 0);
  }
}

TEST_CASE("deadlines: the identity is stable for one agreement and differs between agreements") {
  const std::string ogs = test::ogs_sample_yaml();
  CHECK(compute(ogs).identity == compute(ogs).identity);
  CHECK(compute(ogs).identity != compute(ssa_sample_yaml()).identity);
  const std::string other_school = test::replace_once(ogs, "- name: GGS Lindenschule", "- name: GGS Birkenschule");
  CHECK(compute(ogs).identity != compute(other_school).identity);
  CHECK(compute(ogs).title.find("GGS Lindenschule") != std::string::npos);
}

TEST_CASE("deadlines: the iCalendar file parses back with libical, events in Europe/Berlin with reminders") {
  const std::vector<AgreementDeadlines> agreements{compute(test::ogs_sample_yaml()), compute(ssa_sample_yaml())};
  const CalendarOptions options{1764892800, "kovgen test"};
  const std::string ics = write_ics(loaded_ical(), agreements, options);
  CHECK(ics == write_ics(loaded_ical(), agreements, options));
  // Every line ends in CRLF and no line is longer than 75 octets.
  size_t start = 0;
  while (start < ics.size()) {
    const size_t end = ics.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    CHECK(end - start <= 75);
    CHECK(ics.substr(start, end - start).find('\n') == std::string::npos);
    start = end + 2;
  }
  Calendar cal(icalparser_parse_string(ics.c_str()));
  REQUIRE(cal);
  CHECK(icalcomponent_isa(cal.get()) == ICAL_VCALENDAR_COMPONENT);
  // What Outlook needs to import it.
  CHECK(icalproperty_get_method(icalcomponent_get_first_property(cal.get(), ICAL_METHOD_PROPERTY)) == ICAL_METHOD_PUBLISH);
  CHECK(std::string(icalproperty_get_version(icalcomponent_get_first_property(cal.get(), ICAL_VERSION_PROPERTY))) == "2.0");
  CHECK(std::string(icalproperty_get_prodid(icalcomponent_get_first_property(cal.get(), ICAL_PRODID_PROPERTY))) ==
        "-//kovgen//kovgen test//DE");
  icalcomponent* zone = icalcomponent_get_first_component(cal.get(), ICAL_VTIMEZONE_COMPONENT);
  REQUIRE(zone);
  CHECK(std::string(icalproperty_get_tzid(icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY))) == "Europe/Berlin");

  std::vector<const Deadline*> expected;
  std::vector<std::string> expected_uids;
  for (const auto& a : agreements)
    for (const Deadline& d : a.deadlines) {
      expected.push_back(&d);
      expected_uids.push_back(event_uid(a, d));
    }
  size_t i = 0;
  std::set<std::string> uids;
  for (icalcomponent* e = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT), ++i) {
    REQUIRE(i < expected.size());
    const Deadline& d = *expected[i];
    CHECK(std::string(icalcomponent_get_uid(e)) == expected_uids[i]);
    uids.insert(icalcomponent_get_uid(e));
    icalproperty* start_prop = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
    icalparameter* tzid = icalproperty_get_first_parameter(start_prop, ICAL_TZID_PARAMETER);
    REQUIRE(tzid);
    CHECK(std::string(icalparameter_get_tzid(tzid)) == "Europe/Berlin");
    const icaltimetype start = icalproperty_get_dtstart(start_prop);
    CHECK(Date{start.year, start.month, start.day} == d.date);
    CHECK(start.hour == 9);
    // 9:00 in Berlin is 8:00 UTC in winter and 7:00 UTC in summer.
    const icaltimetype utc = icaltime_convert_to_zone(icalcomponent_get_dtstart(e), icaltimezone_get_utc_timezone());
    CHECK(utc.hour == (d.date.month >= 4 && d.date.month <= 9 ? 7 : 8));
    CHECK(icaltime_as_timet(icalcomponent_get_dtstamp(e)) == 1764892800);
    const std::string summary = icalcomponent_get_summary(e);
    CHECK(summary.find(d.summary) == 0);
    if (!d.paragraph.empty()) CHECK(summary.find(d.paragraph) != std::string::npos);
    const std::string description = icalcomponent_get_description(e);
    CHECK(description.find(d.description) != std::string::npos);
    icalcomponent* alarm = icalcomponent_get_first_component(e, ICAL_VALARM_COMPONENT);
    REQUIRE(alarm);
    const icaltriggertype trigger = icalproperty_get_trigger(icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY));
    CHECK(trigger.duration.is_neg == 1);
    CHECK(static_cast<int>(trigger.duration.weeks) == d.reminder_weeks);
    CHECK(description.find(std::to_string(d.reminder_weeks) + " week") != std::string::npos);
  }
  CHECK(i == expected.size());
  CHECK(i > 10);
  CHECK(uids.size() == i);
}

TEST_CASE("deadlines: UIDs stay the same across runs and differ between agreements") {
  const AgreementDeadlines first = compute(test::ogs_sample_yaml());
  const AgreementDeadlines second = compute(test::ogs_sample_yaml());
  REQUIRE(first.deadlines.size() == second.deadlines.size());
  for (size_t i = 0; i < first.deadlines.size(); ++i)
    CHECK(event_uid(first, first.deadlines[i]) == event_uid(second, second.deadlines[i]));
  const AgreementDeadlines other = compute(test::replace_once(test::ogs_sample_yaml(), "- name: GGS Lindenschule", "- name: GGS Birkenschule"));
  REQUIRE_FALSE(other.deadlines.empty());
  CHECK(event_uid(first, first.deadlines[0]) != event_uid(other, other.deadlines[0]));
  // The first deadline in the window is the notice for the end of the first school year.
  CHECK(first.deadlines[0].date == Date{2027, 1, 31});
  CHECK(event_uid(first, first.deadlines[0]) == first.identity + "-kuendigung-1@kovgen");
}

namespace {

// The deadline of `kind` that is the `occurrence`-th, or nullptr.
const Deadline* find_deadline(const AgreementDeadlines& a, const std::string& kind, int occurrence) {
  for (const Deadline& d : a.deadlines)
    if (d.kind == kind && d.occurrence == occurrence) return &d;
  return nullptr;
}

// The UID -> DTSTART (as "YYYYMMDD") of every event in an iCalendar text.
std::map<std::string, std::string> starts_by_uid(const std::string& ics) {
  std::map<std::string, std::string> out;
  Calendar cal(icalparser_parse_string(ics.c_str()));
  REQUIRE(cal);
  for (icalcomponent* e = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT); e;
       e = icalcomponent_get_next_component(cal.get(), ICAL_VEVENT_COMPONENT)) {
    const icaltimetype start = icalcomponent_get_dtstart(e);
    char date[16];
    std::snprintf(date, sizeof date, "%04d%02d%02d", start.year, start.month, start.day);
    CHECK(out.emplace(icalcomponent_get_uid(e), date).second);
  }
  return out;
}

}  // namespace

TEST_CASE("deadlines: a new term end keeps the event's UID and moves its DTSTART, and the same input gives the same bytes") {
  const std::string yaml = test::ogs_sample_yaml();
  const std::string later_end = test::replace_once(yaml, "  ende: 2029-07-31\n", "  ende: 2030-07-31\n");
  const CalendarOptions options{1775000000, "kovgen test"};
  const std::string before = write_ics(loaded_ical(), {compute(yaml)}, options);
  CHECK(before == write_ics(loaded_ical(), {compute(yaml)}, options));
  const std::string after = write_ics(loaded_ical(), {compute(later_end)}, options);
  CHECK(before != after);

  const AgreementDeadlines old_terms = compute(yaml), new_terms = compute(later_end);
  const Deadline* old_end = find_deadline(old_terms, "laufzeit_ende", 1);
  const Deadline* new_end = find_deadline(new_terms, "laufzeit_ende", 1);
  REQUIRE(old_end);
  REQUIRE(new_end);
  CHECK(old_end->date == Date{2029, 7, 31});
  CHECK(new_end->date == Date{2030, 7, 31});
  const std::string uid = event_uid(old_terms, *old_end);
  CHECK(uid == event_uid(new_terms, *new_end));
  CHECK(uid.find("2029") == std::string::npos);
  const auto old_starts = starts_by_uid(before), new_starts = starts_by_uid(after);
  REQUIRE(old_starts.count(uid) == 1);
  REQUIRE(new_starts.count(uid) == 1);
  CHECK(old_starts.at(uid) == "20290731");
  CHECK(new_starts.at(uid) == "20300731");
}

TEST_CASE("deadlines: a later window names the same deadlines with the same UIDs") {
  const std::string yaml = test::ogs_sample_yaml();
  const AgreementDeadlines now = compute(yaml);
  const AgreementDeadlines later = compute(yaml, Window{{2027, 9, 1}, {2032, 9, 1}});
  size_t shared = 0;
  for (const Deadline& d : later.deadlines)
    for (const Deadline& e : now.deadlines)
      if (d.kind == e.kind && d.date == e.date) {
        CHECK(event_uid(later, d) == event_uid(now, e));
        ++shared;
      }
  CHECK(shared > 5);
  // Recurring kinds count from the start of the agreement, so the window's first is not "-1".
  const Deadline* notice = find_deadline(later, "kuendigung", 2);
  REQUIRE(notice);
  CHECK(notice->date == Date{2028, 1, 31});
}

TEST_CASE("deadlines: every event has LAST-MODIFIED and a SEQUENCE that rises with the stamp") {
  const std::vector<AgreementDeadlines> agreements{compute(test::ogs_sample_yaml())};
  CHECK(event_sequence(1767225600) == 0);
  CHECK(event_sequence(1767225600 + 3600) == 60);
  CHECK(event_sequence(0) == 0);
  CHECK(event_sequence(1775000000) < event_sequence(1775000060));
  for (const int64_t stamp : {int64_t{1775000000}, int64_t{1790000000}}) {
    const std::string ics = write_ics(loaded_ical(), agreements, {stamp, "kovgen test"});
    Calendar cal(icalparser_parse_string(ics.c_str()));
    REQUIRE(cal);
    icalcomponent* e = icalcomponent_get_first_component(cal.get(), ICAL_VEVENT_COMPONENT);
    REQUIRE(e);
    CHECK(icalproperty_get_sequence(icalcomponent_get_first_property(e, ICAL_SEQUENCE_PROPERTY)) == event_sequence(stamp));
    const icaltimetype modified = icalproperty_get_lastmodified(icalcomponent_get_first_property(e, ICAL_LASTMODIFIED_PROPERTY));
    CHECK(icaltime_as_timet(modified) == stamp);
  }
}
