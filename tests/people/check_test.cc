// kovgen check: the checklist table and its exit codes.
#include <doctest/doctest.h>

#include "checklist_table.h"
#include "pty_support.h"
#include "mini_template.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

const std::vector<std::string>& kEnv = kMiniEnv;
const std::string kComplete = source_dir() + "/tests/data/mini-complete.yaml";

std::string answers_file(const std::string& name, const std::string& yaml) {
  const std::string path = fresh_temp_dir("check-" + name) + "/answers.yaml";
  write_text(path, yaml);
  return path;
}

SectionFinding section(std::string id, std::string title, std::string heading, int step, bool mandatory,
                       std::vector<MissingItem> missing) {
  SectionFinding s;
  s.id = std::move(id);
  s.title = std::move(title);
  s.heading = std::move(heading);
  s.step = step;
  s.mandatory = mandatory;
  s.complete = missing.empty();
  s.missing = std::move(missing);
  return s;
}

Findings sample_findings() {
  Findings f;
  f.sections.push_back(section("meta", "Dokumentangaben", "", 1, true, {}));
  f.sections.push_back(section("finanzierung", "Finanzierung", "§ 3 Finanzierung", 3, true,
                               {{"finanzierung.a", "Kommunaler Eigenanteil je Platz"}, {"finanzierung.b", "Plätze"}}));
  f.sections.push_back(section("zeiten", "Öffnungszeiten", "§ 4 Zeiten", 3, false, {{"zeiten.beginn", "Beginn"}}));
  return f;
}

}  // namespace

TEST_CASE("the table has one row per section, by its heading in the draft, with status and missing labels") {
  // In-process: the English messages (no catalog bound).
  CHECK(checklist_table_text(sample_findings(), {}) ==
        "Section           Step  Kind         Status      Missing\n"
        "Dokumentangaben   1     mandatory    complete    \u2013\n"
        "§ 3 Finanzierung  3     mandatory    incomplete  Kommunaler Eigenanteil je Platz, Plätze\n"
        "§ 4 Zeiten        3     recommended  incomplete  Beginn\n");
}

TEST_CASE("on a terminal the status is coloured and long missing lists wrap under their column") {
  TableStyle style;
  style.color = true;
  style.width = 80;
  const std::string text = checklist_table_text(sample_findings(), style);
  CHECK(contains(text, "\x1b[32mcomplete\x1b[0m    \u2013\n"));
  CHECK(contains(text, "\x1b[31mincomplete\x1b[0m  Kommunaler Eigenanteil je\n" + std::string(49, ' ') +
                           "Platz, Plätze\n"));
  CHECK(contains(text, "\x1b[33mincomplete\x1b[0m  Beginn\n"));
}

TEST_CASE("check exits 0 when complete, 3 when incomplete, 1 when invalid, 2 for a wrong command line") {
  CommandResult complete = run_kovgen({"check", kComplete}, "", kEnv);
  CHECK(complete.exit_code == 0);
  CHECK(contains(complete.out, "Checkliste: 5 von 5 Abschnitten vollständig"));
  CHECK(contains(complete.out, "Unterschriftsreif (Endfassung): Alle Abschnitte sind vollständig."));

  CommandResult incomplete =
      run_kovgen({"check", answers_file("incomplete", "vorlage: mini\nmeta: {titel: T}\n")}, "", kEnv);
  CHECK(incomplete.exit_code == 3);
  CHECK(contains(incomplete.out,
                 "§\u00A01 Vertragspartner      1        Pflicht    unvollständig  Name des Schulträgers, Art des Trägers\n"));
  CHECK(contains(incomplete.out, "Dokumentangaben          1        Pflicht    vollständig    \u2013\n"));
  CHECK(contains(incomplete.out, "Entwurf, noch nicht unterschriftsreif: 2 Pflichtabschnitte sind unvollständig"));
  CHECK_FALSE(contains(incomplete.out, "\x1b["));  // no colour when not on a terminal

  const std::string invalid = answers_file("invalid", "vorlage: mini\nfinanzierung:\n  plaetze: viele\n");
  CommandResult bad = run_kovgen({"check", invalid}, "", kEnv);
  CHECK(bad.exit_code == 1);
  CHECK(contains(bad.err, invalid + ":3:12: finanzierung.plaetze"));
  CHECK(bad.out.empty());

  CHECK(run_kovgen({"check", source_dir() + "/no/such/file.yaml"}, "", kEnv).exit_code == 1);
  CHECK(run_kovgen({"check"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"check", kComplete, "--colour"}, "", kEnv).exit_code == 2);
  CommandResult help = run_kovgen({"check", "--help"}, "", kEnv);
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, "0 jede Datei unterschriftsreif, 3 mindestens ein Entwurf\nnoch nicht unterschriftsreif"));
}

TEST_CASE("check colours its table on a terminal, unless NO_COLOR is set") {
  const std::string path = answers_file("pty", "vorlage: mini\nmeta: {titel: T}\n");
  CommandResult tty = run_in_pty({KOVGEN_BINARY, "check", path}, "", kEnv);
  CHECK(tty.exit_code == 3);
  CHECK(contains(tty.out, "\x1b[31munvollständig\x1b[0m"));
  std::vector<std::string> env = kEnv;
  env.push_back("NO_COLOR=1");
  CommandResult plain = run_in_pty({KOVGEN_BINARY, "check", path}, "", env);
  CHECK(plain.exit_code == 3);
  CHECK(contains(plain.out, "unvollständig"));
  CHECK_FALSE(contains(plain.out, "\x1b["));
}

TEST_CASE("check takes several files, exits with the worst result and writes one JSON report for all") {
  const std::string dir = kovgen::test::fresh_temp_dir("check-several");
  const std::string complete = kovgen::test::source_dir() + "/samples/ogs/ogs-vollstaendig.yaml";
  const std::string partial = kovgen::test::source_dir() + "/samples/ogs/ogs-teilweise.yaml";
  auto r = kovgen::test::run_kovgen({"check", complete, partial, "--report", dir + "/befund.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.out.find("ogs-vollstaendig.yaml") != std::string::npos);
  CHECK(r.out.find("ogs-teilweise.yaml") != std::string::npos);
  auto valid = kovgen::test::run_command({"/usr/bin/python3", "-c",
                                          "import json,sys; d=json.load(open(sys.argv[1])); "
                                          "print(len(d), d[0]['unterschriftsreif'], d[1]['unterschriftsreif'])",
                                          dir + "/befund.json"});
  CHECK(valid.out == "2 True False\n");

  kovgen::test::write_text(dir + "/kaputt.yaml", "vorlage: ogs\nfinanzierung:\n  plaetze: viele\n");
  r = kovgen::test::run_kovgen({"check", complete, dir + "/kaputt.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("ogs-vollstaendig.yaml") != std::string::npos);  // the valid file is still shown
  r = kovgen::test::run_kovgen({"check", complete, "--report", dir + "/eins.json"});
  CHECK(r.exit_code == 0);
  CHECK(kovgen::test::read_text(dir + "/eins.json").rfind("{\n", 0) == 0);  // one file: one object, as render
}
