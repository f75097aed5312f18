// One meaning of "complete": for the same answers, check, render --strict, the
// status line, the PDF's ENTWURF mark, the report JSON and batch's summary give
// the same verdict (issue 13, part 5). Once check exited 3 where --strict exited
// 0, and a batch PDF said „Endfassung“ under the ENTWURF stamp.
#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.h"

using namespace kovgen::test;

namespace {

const std::string kSamples = source_dir() + "/samples";

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string pdf_text(const std::string& pdf) {
  CommandResult r = run_command({"pdftotext", "-layout", pdf, "-"});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// Every verdict kovgen gives about one answers file; true when ready to sign.
bool verdict_of(const std::string& answers, const std::string& dir) {
  CAPTURE(answers);
  const CommandResult check = run_kovgen({"check", answers});
  REQUIRE((check.exit_code == 0 || check.exit_code == 3));
  const bool ready = check.exit_code == 0;
  CHECK(contains(check.out, ready ? "Unterschriftsreif (Endfassung)" : "Entwurf, noch nicht unterschriftsreif"));

  const CommandResult strict =
      run_kovgen({"render", answers, "--strict", "--out", dir, "--name", "v", "-f", "md,pdf", "--report", dir + "/v.json"});
  CHECK(strict.exit_code == (ready ? 0 : 3));
  const std::string md = read_text(dir + "/v.md");
  CHECK(contains(md, ready ? "**Endfassung" : "**Entwurf") );
  CHECK_FALSE(contains(md, ready ? "**Entwurf" : "**Endfassung"));
  CHECK(contains(md, "## Anhang: Checkliste") == !ready);
  CHECK(contains(pdf_text(dir + "/v.pdf"), "ENTWURF") == !ready);
  const std::string json = read_text(dir + "/v.json");
  CHECK(contains(json, std::string("\"unterschriftsreif\": ") + (ready ? "true" : "false")));
  return ready;
}

}  // namespace

TEST_CASE("check, render --strict, the status line, the PDF and the report agree whether a draft is ready to sign") {
  REQUIRE(have_program("pdftotext"));
  const std::string dir = fresh_temp_dir("readiness");
  CHECK(verdict_of(kSamples + "/ogs/ogs-vollstaendig.yaml", dir + "/a"));
  CHECK_FALSE(verdict_of(kSamples + "/ogs/ogs-teilweise.yaml", dir + "/b"));
  CHECK_FALSE(verdict_of(kSamples + "/schulsozialarbeit/schulsozialarbeit-teilweise.yaml", dir + "/c"));

  // Every mandatory section complete, only a recommended one missing: the old
  // check said 3 and --strict said 0. Its table shows placeholders, so both
  // now say: not ready.
  std::string yaml = read_text(kSamples + "/ogs/ogs-vollstaendig.yaml");
  const size_t at = yaml.find("\nbeschluss:\n");
  REQUIRE(at != std::string::npos);
  size_t end = yaml.find("\n\n", at + 1);
  yaml.erase(at + 1, (end == std::string::npos ? yaml.size() : end + 1) - at - 1);
  write_text(dir + "/ohne-beschluss.yaml", yaml);
  CHECK_FALSE(verdict_of(dir + "/ohne-beschluss.yaml", dir + "/d"));
}

TEST_CASE("batch: each school's status in the summary, its status line and its PDF agree") {
  REQUIRE(have_program("pdftotext"));
  const std::string dir = fresh_temp_dir("readiness-batch");
  // The sample list with the school's own answers for one school (112233), as
  // batch_cli_test's "extra columns" case: that one is ready to sign, 112245 is not.
  std::string list = read_text(kSamples + "/batch/schulen-beispiel.csv");
  list.replace(list.find("UTMHochwert;"), 12,
              "UTMHochwert;vertragspartner.schulen.schulleitung;vertragspartner.schulen.funktion;"
              "gegenstand.standorte.plaetze;gegenstand.standorte.gruppen;raeume_ausstattung.raeume.standort;"
              "raeume_ausstattung.raeume.raum;raeume_ausstattung.raeume.nutzung");
  list.replace(list.find("\"5674380\""), 9, "\"5674380\";\"Maria Lind\";\"Schulleiterin\";\"200\";\"8\";\"GGS Lindenschule\";"
                                          "\"OGS-Gruppenräume 1–4\";\"ausschließlich OGS\"");
  write_text(dir + "-s.csv", list);
  CommandResult r = run_kovgen({"batch", "--base", kSamples + "/batch/basis.yaml", "--schools",
                                dir + "-s.csv", "--map",
                                kSamples + "/batch/nrw-schulliste.map.yaml", "--where", "Schulnummer=112233", "--where",
                                "Schulnummer=112245", "--out", dir, "-f", "md,pdf", "--jobs", "1"});
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 3));
  const std::string csv = read_text(dir + "/summary.csv");
  int ready = 0, drafts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_directory()) continue;
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    const std::string md = read_text(entry.path().string() + "/" + name + ".md");
    const bool final_version = contains(md, "**Endfassung");
    CHECK(final_version != contains(md, "**Entwurf"));
    CHECK(contains(pdf_text(entry.path().string() + "/" + name + ".pdf"), "ENTWURF") == !final_version);
    // The summary's line of this school names its folder and its status.
    const size_t line_end = csv.find(";" + name + ";");
    REQUIRE(line_end != std::string::npos);
    const std::string line = csv.substr(csv.rfind('\n', line_end) + 1, line_end - csv.rfind('\n', line_end));
    CHECK(contains(line, final_version ? ";unterschriftsreif;" : ";Entwurf;"));
    (final_version ? ready : drafts) += 1;
  }
  CHECK(ready == 1);
  CHECK(drafts == 1);
  CHECK(r.exit_code == 3);
}

TEST_CASE("convert: an edited draft stays a draft while placeholders or kovgen's checklist say so") {
  REQUIRE(have_program("pdftotext"));
  const std::string dir = fresh_temp_dir("readiness-convert");
  REQUIRE(run_kovgen({"render", kSamples + "/ogs/ogs-teilweise.yaml", "-o", dir + "/d.md"}).exit_code == 0);
  const std::string draft = read_text(dir + "/d.md");
  // Someone deletes every box ("> " lines) and converts.
  std::string no_boxes;
  for (size_t pos = 0; pos < draft.size();) {
    size_t nl = draft.find('\n', pos);
    const std::string line = draft.substr(pos, nl == std::string::npos ? std::string::npos : nl + 1 - pos);
    if (line.rfind("> ", 0) != 0) no_boxes += line;
    pos = nl == std::string::npos ? draft.size() : nl + 1;
  }
  REQUIRE(no_boxes.find("[!CAUTION]") == std::string::npos);
  write_text(dir + "/e.md", no_boxes);
  CommandResult r = run_kovgen({"convert", dir + "/e.md", "-o", dir + "/e.pdf"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "Der Entwurf ist noch nicht unterschriftsreif und bleibt als ENTWURF gekennzeichnet"));
  CHECK(contains(r.err, "Platzhalter „[offen: …]“ stehen noch im Text (der erste in Zeile "));
  CHECK(contains(pdf_text(dir + "/e.pdf"), "ENTWURF"));
  // --ohne-checkliste leaves the appendix out, but the draft stays a draft.
  r = run_kovgen({"convert", dir + "/e.md", "--ohne-checkliste", "-o", dir + "/f.md"});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(read_text(dir + "/f.md"), "Anhang: Checkliste"));
  CHECK(contains(r.err, "ENTWURF"));

  // Every placeholder replaced by hand: kovgen's appendix still lists missing sections.
  std::string filled;
  for (size_t pos = 0;;) {
    size_t open = no_boxes.find("\\[offen:", pos);
    if (open == std::string::npos) {
      filled += no_boxes.substr(pos);
      break;
    }
    filled += no_boxes.substr(pos, open - pos) + "vereinbart";
    pos = no_boxes.find("\\]", open) + 2;
  }
  write_text(dir + "/g.md", filled);
  r = run_kovgen({"convert", dir + "/g.md", "-o", dir + "/g.pdf"});
  CHECK(contains(r.err, "die Checkliste im Anhang führt 3 unvollständige Pflichtabschnitte auf"));
  CHECK(contains(pdf_text(dir + "/g.pdf"), "ENTWURF"));
  // Without the appendix nothing says it is a draft any more: final, no stamp.
  const size_t appendix = filled.find("<!-- kovgen:page-numbering Anhang -->\n\n## Anhang: Checkliste");
  REQUIRE(appendix != std::string::npos);
  write_text(dir + "/h.md", filled.substr(0, appendix));
  r = run_kovgen({"convert", dir + "/h.md", "-o", dir + "/h.pdf", "--quiet"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_FALSE(contains(pdf_text(dir + "/h.pdf"), "ENTWURF"));
}

TEST_CASE("render and batch leave the checklist appendix out with --ohne-checkliste, and the draft highlights its placeholders") {
  const std::string dir = fresh_temp_dir("readiness-ohne-checkliste");
  const std::string partial = kSamples + "/ogs/ogs-teilweise.yaml";
  REQUIRE(run_kovgen({"render", partial, "-o", dir + "/mit.md"}).exit_code == 0);
  REQUIRE(run_kovgen({"render", partial, "--ohne-checkliste", "-o", dir + "/ohne.md"}).exit_code == 0);
  CHECK(contains(read_text(dir + "/mit.md"), "## Anhang: Checkliste"));
  const std::string without = read_text(dir + "/ohne.md");
  CHECK_FALSE(contains(without, "Anhang: Checkliste"));
  CHECK(contains(without, "**Entwurf 0.3**"));  // still a draft, with its boxes
  CHECK(contains(without, "> [!CAUTION]"));
  // German where people read it: the boxes name the sections by their § heading.
  CHECK(contains(without, "**Pflichtabschnitt „§\u00A010 Personal“ unvollständig.** Es fehlen:"));

  REQUIRE(run_kovgen({"render", partial, "-o", dir + "/d.xml"}).exit_code == 0);
  const std::string xml = read_text(dir + "/d.xml");
  CHECK(contains(xml, "<w:highlight w:val=\"yellow\"/></w:rPr><w:t>[offen: Kommunaler Pflichtanteil je Platz"));

  CommandResult r = run_kovgen({"batch", "--base", kSamples + "/batch/basis.yaml", "--schools",
                                kSamples + "/batch/schulen-beispiel.csv", "--map",
                                kSamples + "/batch/nrw-schulliste.map.yaml", "--where", "Schulnummer=112245", "--out",
                                dir + "/batch", "-f", "md", "--ohne-checkliste"});
  CHECK(r.exit_code == 3);
  int drafts = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/batch")) {
    if (!entry.is_directory()) continue;
    const std::string md = read_text(entry.path().string() + "/" + entry.path().filename().string() + ".md");
    CHECK(contains(md, "**Entwurf"));
    CHECK_FALSE(contains(md, "Anhang: Checkliste"));
    ++drafts;
  }
  CHECK(drafts == 1);
}
