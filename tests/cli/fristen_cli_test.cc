// kovgen fristen at the command line: the table of the next deadlines, the
// iCalendar file (German, deterministic, one for several agreements), and bad
// input that writes nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "test_support.h"

using namespace kovgen::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string ogs_sample() { return source_dir() + "/samples/ogs/ogs-vollstaendig.yaml"; }
std::string ssa_sample() { return source_dir() + "/samples/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml"; }

const std::vector<std::string> kEpoch{"SOURCE_DATE_EPOCH=1764892800"};

// "31.01.2027" at the start of a table row -> 20270131, else 0.
int row_date(const std::string& line) {
  int d = 0, m = 0, y = 0;
  if (line.size() < 10 || std::sscanf(line.c_str(), "%2d.%2d.%4d", &d, &m, &y) != 3) return 0;
  return y * 10000 + m * 100 + d;
}

std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(prefix, 0) == 0) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("fristen: the table lists the next deadlines soonest first, with German dates and §") {
  const CommandResult r = run_kovgen({"fristen", ssa_sample(), ogs_sample(), "--stichtag", "05.12.2026"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Fristen vom 5. Dezember 2026 bis zum 4. Dezember 2027:"));
  CHECK(contains(r.out, "Datum"));
  std::vector<int> dates;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    if (const int d = row_date(line)) dates.push_back(d);
  REQUIRE(dates.size() >= 6);
  CHECK(std::is_sorted(dates.begin(), dates.end()));
  CHECK(dates.front() == 20270131);
  CHECK(dates.back() <= 20271204);
  const auto first = lines_starting(r.out, "31.01.2027");
  REQUIRE(first.size() == 1);
  CHECK(contains(first[0], "Letzter Tag für die Kündigung zum 31. Juli 2027"));
  CHECK(contains(first[0], "\u00A7\u00A024"));
  CHECK(contains(first[0], "GGS Lindenschule"));
  // Both agreements, interleaved by date.
  CHECK(contains(r.out, "Städtische Gesamtschule Musterhausen"));
}

TEST_CASE("fristen: --monate widens the table, and a far Stichtag shows that nothing is due") {
  const CommandResult wide = run_kovgen({"fristen", ogs_sample(), "--stichtag", "2026-12-05", "--monate", "36"});
  REQUIRE(wide.exit_code == 0);
  CHECK(lines_starting(wide.out, "31.07.2029").size() == 1);
  const CommandResult narrow = run_kovgen({"fristen", ogs_sample(), "--stichtag", "2026-12-05", "--monate", "1"});
  REQUIRE(narrow.exit_code == 0);
  CHECK(contains(narrow.out, "Keine Fristen in diesem Zeitraum."));
}

TEST_CASE("fristen: -o FILE.ics writes one German calendar, the same bytes on every run") {
  const std::string dir = fresh_temp_dir("fristen-cli/ics");
  const CommandResult r =
      run_kovgen({"fristen", ogs_sample(), ssa_sample(), "--stichtag", "2026-12-05", "-o", dir + "/fristen.ics"}, "", kEpoch);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "fristen.ics"));
  const std::string ics = read_text(dir + "/fristen.ics");
  CHECK(ics.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  for (const char* expected :
       {"\r\nMETHOD:PUBLISH\r\n", "\r\nVERSION:2.0\r\n", "\r\nPRODID:-//kovgen//kovgen ", "\r\nDTSTAMP:20251205T000000Z\r\n",
        "\r\nDTSTART;TZID=Europe/Berlin:20270131T090000\r\n", "\r\nTRIGGER:-P8W\r\n",
        "SUMMARY:Letzter Tag für die Kündigung zum 31. Juli 2027", "Erinnerung 8 Wochen vorher."}) {
    CAPTURE(expected);
    CHECK(contains(ics, expected));
  }
  // One combined file: the UIDs name two agreements.
  std::set<std::string> identities;
  for (const std::string& line : lines_starting(ics, "UID:")) identities.insert(line.substr(4, line.find('-') - 4));
  CHECK(identities.size() == 2);
  const CommandResult again = run_kovgen(
      {"fristen", ogs_sample(), ssa_sample(), "--stichtag", "2026-12-05", "-o", dir + "/wieder.ics", "-q"}, "", kEpoch);
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.empty());
  CHECK(read_text(dir + "/wieder.ics") == ics);
}

TEST_CASE("fristen: a deadline that cannot be computed is named with file, line and field, the others are written") {
  const std::string dir = fresh_temp_dir("fristen-cli/unresolved");
  std::string yaml = read_text(ogs_sample());
  const size_t at = yaml.find("Ende eines Schuljahres (31. Juli)");
  REQUIRE(at != std::string::npos);
  yaml.replace(at, 33, "Monatsende");
  write_text(dir + "/monat.yaml", yaml);
  // Where the answer stands in the sample, counted as the message counts: from 1.
  const size_t line_start = yaml.rfind('\n', at) + 1;
  const std::string line = std::to_string(std::count(yaml.begin(), yaml.begin() + at, '\n') + 1);
  const std::string column = std::to_string(at - line_start + 1);
  const CommandResult r = run_kovgen({"fristen", dir + "/monat.yaml", "--stichtag", "2026-12-05", "-o", dir + "/f.ics"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "monat.yaml:" + line + ":" + column + ": Warnung: Frist nicht berechnet: laufzeit_kuendigung.kuendigungstermin"));
  CHECK(contains(r.err, "„Monatsende“ nennt keinen Tag im Jahr"));
  const std::string ics = read_text(dir + "/f.ics");
  CHECK_FALSE(contains(ics, "-kuendigung-"));
  CHECK(contains(ics, "-sachbericht-"));
}

TEST_CASE("fristen: bad input and a wrong call write nothing") {
  const std::string dir = fresh_temp_dir("fristen-cli/bad");
  write_text(dir + "/falsch.yaml", "vorlage: ogs\nlaufzeit_kuendigung:\n  beginn: 2026-13-01\n");
  const CommandResult bad = run_kovgen({"fristen", ogs_sample(), dir + "/falsch.yaml", "-o", dir + "/f.ics"});
  CHECK(bad.exit_code == 1);
  CHECK(contains(bad.err, "falsch.yaml:3:11: laufzeit_kuendigung.beginn"));
  CHECK(contains(bad.err, "kovgen fristen: Es wurde nichts geschrieben."));
  CHECK_FALSE(file_exists(dir + "/f.ics"));

  const CommandResult missing = run_kovgen({"fristen", dir + "/fehlt.yaml", "-o", dir + "/f.ics"});
  CHECK(missing.exit_code == 1);
  CHECK(contains(missing.err, "fehlt.yaml"));
  CHECK_FALSE(file_exists(dir + "/f.ics"));

  CHECK(run_kovgen({"fristen"}).exit_code == 2);
  const CommandResult pdf = run_kovgen({"fristen", ogs_sample(), "-o", dir + "/f.pdf"});
  CHECK(pdf.exit_code == 2);
  CHECK(contains(pdf.err, "f.pdf: kovgen fristen schreibt iCalendar-Dateien mit der Endung .ics"));
  CHECK_FALSE(file_exists(dir + "/f.pdf"));
  const CommandResult date = run_kovgen({"fristen", ogs_sample(), "--stichtag", "31.02.2027"});
  CHECK(date.exit_code == 2);
  CHECK(contains(date.err, "--stichtag 31.02.2027: kein Datum"));
  CHECK(run_kovgen({"fristen", ogs_sample(), "--monate", "x"}).exit_code == 2);
}

TEST_CASE("fristen: batch --format ics writes fristen.ics per school and one combined file, the same on every run") {
  const std::string dir = fresh_temp_dir("fristen-cli/batch");
  const std::string samples = source_dir() + "/samples/batch/";
  auto batch = [&](const std::string& out, const std::string& formats, const std::string& jobs, bool resume) {
    std::vector<std::string> args{"batch", "--base", samples + "basis.yaml", "--schools", samples + "schulen-beispiel.csv",
                                  "--map", samples + "nrw-schulliste.map.yaml", "--out", out, "--format", formats,
                                  "-j", jobs, "--where", "Schulform=02"};
    if (resume) args.push_back("--resume");
    return run_kovgen(args, "", kEpoch);
  };
  const CommandResult first = batch(dir + "/a", "md,ics", "2", false);
  INFO(first.err);
  REQUIRE((first.exit_code == 0 || first.exit_code == 3));
  CHECK(contains(first.err, "fristen.ics"));
  const std::string combined = read_text(dir + "/a/fristen.ics");
  const auto combined_uids = lines_starting(combined, "UID:");
  CHECK(std::set<std::string>(combined_uids.begin(), combined_uids.end()).size() == combined_uids.size());
  // Every school folder has its own calendar; together they make the combined one.
  size_t school_events = 0, schools = 0;
  for (const std::string& line : lines_starting(run_command({"find", dir + "/a", "-name", "fristen.ics", "-mindepth", "2"}).out, "/")) {
    const std::string ics = read_text(line);
    CHECK(contains(ics, "METHOD:PUBLISH"));
    const auto uids = lines_starting(ics, "UID:");
    CHECK_FALSE(uids.empty());
    for (const std::string& uid : uids) CHECK(contains(combined, uid));
    school_events += uids.size();
    ++schools;
  }
  CHECK(schools >= 2);
  CHECK(school_events == combined_uids.size());
  // Other threads, the same bytes; --resume still collects every school.
  REQUIRE(batch(dir + "/b", "ics", "1", false).exit_code != 2);
  CHECK(read_text(dir + "/b/fristen.ics") == combined);
  REQUIRE(batch(dir + "/a", "md,ics", "2", true).exit_code != 2);
  CHECK(read_text(dir + "/a/fristen.ics") == combined);
}
