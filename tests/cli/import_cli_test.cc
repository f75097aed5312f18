// kovgen questions -o x.docx makes a Word form, kovgen import reads it back: the
// command line, German messages, and bad forms refused with nothing written.
#include <doctest/doctest.h>

#include <filesystem>

#include "form_fill.h"
#include "mini_template.h"
#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

const std::string kOgsComplete = source_dir() + "/samples/ogs/ogs-vollstaendig.yaml";
const std::string kOgsPartial = source_dir() + "/samples/ogs/ogs-teilweise.yaml";

std::string prefilled_form(const std::string& dir, const std::string& answers = kOgsComplete) {
  const std::string form = dir + "/fragebogen.docx";
  CommandResult r = run_kovgen({"questions", "-t", "ogs", "--antworten", answers, "-o", form, "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return form;
}

Answers load(const std::string& path, TemplateCache& cache) {
  Diagnostics diag;
  auto loaded = load_answers_file(path, "", cache, diag);
  INFO(diag.to_string());
  REQUIRE(loaded);
  return loaded->answers;
}

// The first control whose tag starts with `prefix`.
pugi::xml_node control(pugi::xml_node root, const std::string& prefix) {
  std::vector<pugi::xml_node> all;
  controls_below(root, all);
  for (pugi::xml_node c : all)
    if (tag_of(c).rfind(prefix, 0) == 0) return c;
  return {};
}

// The key of the template's first question of `type`.
std::string first_key(QuestionType type) {
  TemplateCache cache(real_disk(), real_library());
  Diagnostics diag;
  auto t = cache.get("ogs", diag);
  REQUIRE(t);
  for (const auto& s : t->questionnaire.sections)
    for (const auto& q : s.questions)
      if (q.type == type) return q.full_key;
  return "";
}

void check_refused(const CommandResult& r, const std::string& output, const std::string& message) {
  CHECK(r.exit_code == 1);
  CHECK_MESSAGE(contains(r.err, message), r.err);
  CHECK_FALSE(file_exists(output));
}

}  // namespace

TEST_CASE("import: the form filled in with the complete sample gives its answers again") {
  const std::string dir = fresh_temp_dir("import-roundtrip");
  const std::string form = prefilled_form(dir);
  CommandResult r = run_kovgen({"import", form, "-o", dir + "/antworten.yaml"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "Antworten aus dem Formular gelesen"));
  CHECK(contains(r.err, "geschrieben: " + dir + "/antworten.yaml"));
  TemplateCache cache(real_disk(), real_library());
  const Answers expected = load(kOgsComplete, cache);
  const Answers got = load(dir + "/antworten.yaml", cache);
  check_same_answers(got, expected);
  // Without -o the YAML goes to standard output.
  CommandResult out = run_kovgen({"import", form});
  CHECK(out.exit_code == 0);
  CHECK(out.out == read_text(dir + "/antworten.yaml"));
}

TEST_CASE("questions: the Word form is the same file on every run") {
  const std::string dir = fresh_temp_dir("import-deterministic");
  REQUIRE(run_kovgen({"questions", "-t", "schulsozialarbeit", "-o", dir + "/a.docx", "-q"}).exit_code == 0);
  REQUIRE(run_kovgen({"questions", "-t", "schulsozialarbeit", "-o", dir + "/b.docx", "-q"}).exit_code == 0);
  CHECK(read_text(dir + "/a.docx") == read_text(dir + "/b.docx"));
  // And it is a form: the handout's lines are controls.
  CHECK(run_command({"sh", "-c", "unzip -p '" + dir + "/a.docx' word/document.xml | grep -q '<w:sdt>'"}).exit_code == 0);
}

TEST_CASE("import --in: the form's values win, each differing value is listed, comments stay") {
  const std::string dir = fresh_temp_dir("import-merge");
  const std::string form = prefilled_form(dir);
  std::string existing = "# Stand nach dem ersten Gespräch\n" + read_text(kOgsPartial);
  write_text(dir + "/vorhanden.yaml", existing);
  // One value in the file differs from the form's.
  TemplateCache cache(real_disk(), real_library());
  const Answers partial = load(kOgsPartial, cache);
  const Answers complete = load(kOgsComplete, cache);
  std::string differing;
  for (const auto& [key, value] : partial.values)
    if (complete.find(key) && complete.find(key)->canonical() != value.canonical()) differing = key;
  CommandResult r = run_kovgen({"import", form, "--in", dir + "/vorhanden.yaml", "-o", dir + "/neu.yaml"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string merged = read_text(dir + "/neu.yaml");
  CHECK(contains(merged, "# Stand nach dem ersten Gespräch"));
  if (!differing.empty()) {
    CHECK(contains(r.err, differing));
    CHECK(contains(r.err, "der Wert aus dem Formular gilt"));
  }
  const Answers got = load(dir + "/neu.yaml", cache);
  for (const auto& [key, value] : complete.values) {
    CAPTURE(key);
    REQUIRE(got.find(key));
    CHECK(got.find(key)->canonical() == value.canonical());
  }
}

TEST_CASE("import: a value of the wrong type names question and section, in German, and nothing is written") {
  const std::string dir = fresh_temp_dir("import-wrong-type");
  const std::string form = prefilled_form(dir);
  const std::string key = first_key(QuestionType::date);
  edit_form_file(form, dir + "/falsch.docx",
                 [&](pugi::xml_document& doc) { type_into(control(doc, key), "nächsten Montag"); });
  CommandResult r = run_kovgen({"import", dir + "/falsch.docx", "-o", dir + "/a.yaml"});
  check_refused(r, dir + "/a.yaml", dir + "/falsch.docx: Frage ");
  CHECK(contains(r.err, key));
  CHECK(contains(r.err, "\u201Enächsten Montag\u201C"));
  CHECK(contains(r.err, "im Abschnitt „"));
}

TEST_CASE("import: a deleted control, another document, a zip bomb and external links are refused") {
  const std::string dir = fresh_temp_dir("import-bad-forms");
  const std::string form = prefilled_form(dir);
  const std::string out = dir + "/a.yaml";

  edit_form_file(form, dir + "/geloescht.docx", [&](pugi::xml_document& doc) {
    pugi::xml_node c = control(doc, first_key(QuestionType::time));
    c.parent().remove_child(c);
  });
  check_refused(run_kovgen({"import", dir + "/geloescht.docx", "-o", out}), out, "fehlt im Formular");

  REQUIRE(run_kovgen({"render", kOgsComplete, "-q", "-o", dir + "/vereinbarung.docx"}).exit_code == 0);
  check_refused(run_kovgen({"import", dir + "/vereinbarung.docx", "-o", out}), out,
                "kein Fragebogen-Formular von kovgen");

  // 200 MB of zeros in document.xml pack to some 200 kB.
  REQUIRE(run_command({"/usr/bin/python3", "-c",
                       "import zipfile,sys\n"
                       "z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED)\n"
                       "z.writestr('word/document.xml', b'\\0'*(200<<20))\n",
                       dir + "/bombe.docx"})
              .exit_code == 0);
  check_refused(run_kovgen({"import", dir + "/bombe.docx", "-o", out}), out, "Zip-Bombe");

  edit_form_file(form, dir + "/extern.docx", [](pugi::xml_document&) {});
  const std::string rels = dir + "/extern.docx.parts/word/_rels/document.xml.rels";
  std::string text = read_text(rels);
  text.insert(text.find("</Relationships>"),
              "<Relationship Id=\"rIdX\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
              "attachedTemplate\" Target=\"http://example.org/vorlage.dotm\" TargetMode=\"External\"/>");
  write_text(rels, text);
  REQUIRE(run_command({"sh", "-c", "cd '" + dir + "/extern.docx.parts' && zip -q -X '../extern.docx' word/_rels/document.xml.rels"})
              .exit_code == 0);
  check_refused(run_kovgen({"import", dir + "/extern.docx", "-o", out}), out, "\u201Ehttp://example.org/vorlage.dotm\u201C");

  write_text(dir + "/text.docx", "kein zip");
  check_refused(run_kovgen({"import", dir + "/text.docx", "-o", out}), out, "kein Word-Dokument");
}

TEST_CASE("questions --abschnitte: a form for one partner, and an unknown section is a usage error") {
  const std::string dir = fresh_temp_dir("import-sections");
  CommandResult r = run_kovgen({"questions", "-t", "ogs", "--abschnitte", "zeiten, personal", "-o", dir + "/f.docx", "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CommandResult bad = run_kovgen({"questions", "-t", "ogs", "--abschnitte", "zeitn", "-o", dir + "/g.docx"});
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "\u201Ezeitn\u201C"));
  CHECK_FALSE(file_exists(dir + "/g.docx"));
  CommandResult md = run_kovgen({"questions", "-t", "ogs", "--antworten", kOgsComplete});
  CHECK(md.exit_code == 2);
}
