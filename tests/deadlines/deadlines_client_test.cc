// Integration: `kovgen fristen` read by ical.js, the iCalendar parser of
// Thunderbird's calendar (npm, installed by scripts/setup.sh into
// tests/clients/node_modules): every event parses, keeps its UID, means 9:00 in
// Berlin in winter and in summer, carries its reminder, and decodes to whole
// characters where a folded line splits a German word.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "test_support.h"

using namespace kovgen::test;

namespace {

struct ReadEvent {
  std::string uid, summary, zone, local, utc, alarms, description;
};

std::vector<ReadEvent> read_with_icaljs(const std::string& ics) {
  const std::string module = source_dir() + "/tests/clients/node_modules/ical.js/dist/ical.js";
  REQUIRE_MESSAGE(std::filesystem::exists(module), "ical.js is missing: run scripts/setup.sh");
  const CommandResult r =
      run_command({"node", source_dir() + "/tests/deadlines/read_with_icaljs.mjs", module, ics});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<ReadEvent> events;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) f.push_back(field);
    REQUIRE(f.size() == 7);
    events.push_back({f[0], f[1], f[2], f[3], f[4], f[5], f[6]});
  }
  return events;
}

}  // namespace

TEST_CASE("fristen: Thunderbird's parser (ical.js) reads every event with its zone, time and reminder") {
  REQUIRE(have_program("node"));
  const std::string dir = fresh_temp_dir("fristen-icaljs");
  const std::string ics = dir + "/fristen.ics";
  for (const char* sample : {"samples/ogs/ogs-vollstaendig.yaml", "samples/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml"}) {
    CAPTURE(sample);
    std::filesystem::remove(ics);
    const CommandResult made = run_kovgen({"fristen", source_dir() + "/" + sample, "-o", ics, "-q"}, "",
                                          {"SOURCE_DATE_EPOCH=1775000000"});
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    const std::vector<ReadEvent> events = read_with_icaljs(ics);
    CHECK(events.size() == count(read_text(ics), "BEGIN:VEVENT"));
    REQUIRE(events.size() >= 5);
    std::set<std::string> uids;
    std::map<std::string, int> seen;
    for (const ReadEvent& e : events) {
      CAPTURE(e.uid);
      uids.insert(e.uid);
      CHECK_FALSE(e.summary.empty());
      CHECK(e.zone == "Europe/Berlin");
      CHECK(e.local.substr(10) == "T09:00:00");
      // 9:00 in Berlin is 8:00 UTC in winter and 7:00 UTC in summer: ical.js
      // applied the file's own VTIMEZONE (DST from the last Sunday of March to the
      // last Sunday of October).
      const int month = std::stoi(e.local.substr(5, 2));
      if (month <= 2 || month >= 11) CHECK(e.utc.substr(10) == "T08:00:00.000Z");
      if (month >= 4 && month <= 9) CHECK(e.utc.substr(10) == "T07:00:00.000Z");
      ++seen[e.utc.substr(10, 3)];
      CHECK(e.alarms.rfind("-P", 0) == 0);
      CHECK(e.description == "whole");
    }
    CHECK(uids.size() == events.size());
    CHECK(seen["T08"] > 0);
    CHECK(seen["T07"] > 0);
  }
}
