// The batch report: formula neutralising, summary.csv, the Markdown overview
// and matrix, and the summary files through the writers table.
#include <doctest/doctest.h>

#include "content_fingerprint.h"
#include "batch_summary.h"
#include "batch_test_support.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

SchoolResult school(int line, const std::string& id, const std::string& name, SchoolStatus status,
                    std::vector<bool> missing = std::vector<bool>(5, false)) {
  SchoolResult r;
  r.row_line = line;
  r.id = id;
  r.name = name;
  r.folder = id + "-x";
  r.status = status;
  r.missing = std::move(missing);
  for (size_t i = 0; i < r.missing.size(); ++i)
    if (r.missing[i]) r.missing_items.push_back({"s" + std::to_string(i + 1) + ".k", "Angabe " + std::to_string(i + 1)});
  return r;
}

}  // namespace

TEST_CASE("cells a spreadsheet would run as a formula are neutralised") {
  CHECK(neutralize_formula("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")");
  CHECK(neutralize_formula("+49 2161 123456") == "'+49 2161 123456");
  CHECK(neutralize_formula("-1+1") == "'-1+1");
  CHECK(neutralize_formula("@SUMME(A1)") == "'@SUMME(A1)");
  CHECK(neutralize_formula("\t=1") == "'\t=1");
  CHECK(neutralize_formula("\r=1") == "'\r=1");
  CHECK(neutralize_formula("GGS =Am Bach") == "GGS =Am Bach");
  CHECK(neutralize_formula("").empty());
}

TEST_CASE("summary.csv: one row per school, quoted where needed, no formulas") {
  MiniBatch b("id\n");
  REQUIRE(b.base);
  BatchSummary s(b.base->tmpl->questionnaire);
  const auto md = {find_output_format("md")};
  std::string csv = BatchSummary::csv_header();
  csv += s.add(school(2, "100001", "GGS Lindenschule", SchoolStatus::complete), md);
  csv += s.add(school(3, "100002", "=HYPERLINK(\"http://evil\";\"Klick\")", SchoolStatus::incomplete,
                      {false, true, true, false, false}),
               md);
  SchoolResult bad = school(4, "-5", "@Schule; \"Am Bach\"", SchoolStatus::error);
  bad.diag.error({"s.csv", 4, 2}, "=1+1 is no number");
  bad.diag.warning({"s.csv", 4, 3}, "only a warning");
  csv += s.add(bad, md);
  CHECK(csv ==
        "\xEF\xBB\xBFZeile;Kennung;Schule;Status;Anzahl fehlender Abschnitte;Fehlende Abschnitte;"
        "Fehlende Angaben;Ordner;Dateien;Meldungen\r\n"
        "2;100001;GGS Lindenschule;unterschriftsreif;0;;;100001-x;100001-x/100001-x.md;\r\n"
        "3;100002;\"'=HYPERLINK(\"\"http://evil\"\";\"\"Klick\"\")\";Entwurf;2;\"Vertragspartner; "
        "Finanzierung\";\"Angabe 2; Angabe 3\";100002-x;100002-x/100002-x.md;\r\n"
        "4;'-5;\"'@Schule; \"\"Am Bach\"\"\";fehlerhaft;;;;;;s.csv:4:2: =1+1 is no number\r\n");
  CHECK(s.counts().total == 3);
  CHECK(s.counts().complete == 1);
  CHECK(s.counts().incomplete == 1);
  CHECK(s.counts().error == 1);
}

TEST_CASE("summary.md: counts, the sections missing most, a school x section matrix, the bad rows") {
  MiniBatch b("id\n");
  REQUIRE(b.base);
  BatchSummary s(b.base->tmpl->questionnaire);
  const auto md = {find_output_format("md")};
  s.add(school(2, "1", "GGS *Linden* | Schule", SchoolStatus::incomplete, {false, true, false, false, true}), md);
  s.add(school(3, "2", "KGS", SchoolStatus::complete), md);
  s.add(school(4, "3", "GGS Am Bach", SchoolStatus::incomplete, {false, false, false, false, true}), md);
  SchoolResult bad = school(5, "4", "Förderschule", SchoolStatus::error);
  bad.diag.error({"s.csv", 5, 3}, "column „x“: expected <b>");
  s.add(bad, md);
  CHECK(s.markdown({"Testvereinbarung", "schulen.csv", "basis.yaml", 4, false}) ==
        "# Summary: cooperation agreements for 4 schools\n\n"
        "Template: Testvereinbarung\\\nSchool list: schulen.csv\\\nShared answers: basis.yaml\n\n"
        "| Status | Schools |\n| --- | ---: |\n"
        "| ready to sign | 1 |\n| draft (not ready to sign) | 2 |\n| with errors (not produced) | 1 |\n"
        "| **total** | **4** |\n"
        "\n## Missing sections\n\n| No. | Section | Kind | missing at schools |\n| ---: | --- | --- | ---: |\n"
        "| 2 | Vertragspartner | mandatory | 1 |\n| 5 | Beschlüsse | recommended | 2 |\n"
        "\n## Missing details\n\nThe key is the name of the column with which the school list can supply the detail "
        "for each school; a table gets one column per field (key.field).\n\n"
        "| Detail | Key | missing at schools |\n| --- | --- | ---: |\n"
        "| Angabe 2 | s2.k | 1 |\n| Angabe 5 | s5.k | 2 |\n"
        "\n## Missing sections per school\n\nAn X means: the section is missing or incomplete. The columns are the "
        "numbers of the sections in the table above.\n\n"
        "| Row | School | 2 | 5 |\n| ---: | --- | :-: | :-: |\n"
        "| 2 | 1 GGS \\*Linden\\* \\| Schule | X | X |\n"
        "| 4 | 3 GGS Am Bach |   | X |\n"
        "\nThe other agreement produced is ready to sign.\n"
        "\n## Rows with errors\n\nThese schools were not produced. Correct their data in the school list and run the "
        "batch again.\n\n"
        "- Row 5: 4 Förderschule\n  - s.csv:5:3: column „x“: expected \\<b>\n");
}

TEST_CASE("an interrupted run says so in the summary") {
  MiniBatch b("id\n");
  REQUIRE(b.base);
  BatchSummary s(b.base->tmpl->questionnaire);
  s.add(school(2, "1", "A", SchoolStatus::complete), {find_output_format("md")});
  const std::string md = s.markdown({"T", "s.csv", "b.yaml", 10, true});
  CHECK(md.find("> [!WARNING]\n> **Stopped:** only 1 of 10 schools were processed. Run the batch again with `--resume` "
                "to continue.") != std::string::npos);
}

TEST_CASE("the summary files go through the writers table, atomically") {
  MiniBatch b("id\n");
  REQUIRE(b.base);
  BatchSummary s(b.base->tmpl->questionnaire);
  std::vector<const OutputFormat*> formats;
  for (const auto& f : output_formats()) formats.push_back(&f);
  s.add(school(2, "1", "A", SchoolStatus::complete), formats);
  MemoryDisk disk;
  Diagnostics diag;
  disk.make_directories("out", diag);
  const SummaryInfo info{"T", "s.csv", "b.yaml", 1, false};
  REQUIRE(write_summary_files(s, info, formats, {}, "out", disk, diag));
  auto files = disk.files();
  CHECK(files.at("out/summary.md") == seal_markdown(s.markdown(info)));
  for (const OutputFormat* f : formats) CHECK(files.count("out/summary" + f->extension));
}

TEST_CASE("a missing table is supplied by columns naming its fields, never by the table's own key") {
  MiniBatch b("id\n");
  REQUIRE(b.base);
  BatchSummary s(b.base->tmpl->questionnaire);
  SchoolResult r = school(2, "1", "GGS", SchoolStatus::incomplete, {false, false, false, false, true});
  r.missing_items = {{"beschluss.gremien", "Gremienbeschlüsse"},
                     {"beschluss.gremien.datum", "Gremienbeschlüsse (Eintrag 1): Datum"}};
  s.add(r, {find_output_format("md")});
  const std::string md = s.markdown({"T", "s.csv", "b.yaml", 1, false});
  CHECK(md.find("| Gremienbeschlüsse | beschluss.gremien.gremium, beschluss.gremien.datum | 1 |\n") !=
        std::string::npos);
  CHECK(md.find("| Gremienbeschlüsse (Eintrag 1): Datum | beschluss.gremien.datum | 1 |\n") != std::string::npos);
  CHECK(md.find("| beschluss.gremien |") == std::string::npos);
}
