// kovgen questions: the printable questionnaire in every output format.
#include <doctest/doctest.h>

#include "content_fingerprint.h"
#include "markdown_conventions.h"
#include "markdown_escape.h"
#include "mini_template.h"
#include "output_formats.h"
#include "pipeline.h"
#include "questionnaire_markdown.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

const std::string kLine = "\\_";  // one escaped underscore of a writing line

std::string handout(const TemplateLibrary& lib, const std::string& id) {
  TemplateCache cache(test::real_disk(), lib);
  Diagnostics diag;
  auto t = cache.get(id, diag);
  INFO(diag.to_string());
  REQUIRE(t);
  return questionnaire_markdown(t->questionnaire);
}

// Writes the mini handout in a format through the command line; returns the file.
// ctest runs test cases in parallel: each caller passes a folder name of its own.
std::string written(const std::string& format, const std::string& folder = "questions") {
  const std::string path = fresh_temp_dir(folder + "-" + format) + "/fragebogen." + format;
  CommandResult r = run_kovgen({"questions", "--template", "mini", "-o", path}, "", kMiniEnv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(file_exists(path));
  return path;
}

// The texts every format must show, as a reader sees them.
const std::vector<std::string> kVisible = {
    "Schritt 1: Planungsphase", "Schritt 3: Inhalte der Kooperationsvereinbarung", "1. Dokumentangaben",
    "3.1 Kommunaler Eigenanteil je Platz", "Betrag in Euro", "Caritas/katholisch", "Diakonie/evangelisch",
    "Nur zu beantworten, wenn", "Gremienbeschlüsse", "Ausgefüllt von:"};

}  // namespace

TEST_CASE("the handout groups sections by step, with help, choices as boxes and lines to write on") {
  // As a person gets it: in German (in this process, the library speaks English).
  const std::string md = run_kovgen({"questions", "-t", "mini"}, "", kMiniEnv).out;
  CHECK(md.rfind("# Fragebogen: Testvereinbarung\n\nKleine Vorlage für die Tests\n\n> [!NOTE]\n", 0) == 0);
  CHECK(contains(md, "## Schritt 1: Planungsphase\n\n### 1. Dokumentangaben\n\n*Pflichtabschnitt*\n\n"));
  CHECK(contains(md, "## Schritt 4: Abstimmungsverfahren & Beschlussfassung\n\n### 5. Beschlüsse\n\n*empfohlener Abschnitt*\n\n"));
  CHECK(contains(md, "**3.3 Plätze**\n\n*ganze Zahl \u00B7 Pflichtangabe \u00B7 erlaubt: 0 bis 10.000*\n\n" +
                         [] { std::string s; for (int i = 0; i < 60; ++i) s += kLine; return s; }() + "\n\n"));
  CHECK(contains(md, "**2.2 Art des Trägers**\n\n*Auswahl \u00B7 Pflichtangabe*\n\n"
                     "- [ ] AWO\n- [ ] Caritas/katholisch\n- [ ] Diakonie/evangelisch\n- [ ] sonstiger Träger\n\n"));
  CHECK(contains(md, "**2.3 Jugendamt ist Vertragspartei**\n\n*ja/nein \u00B7 freiwillig*\n\n- [ ] ja\n- [ ] nein\n\n"));
  CHECK(contains(md, "*Nur zu beantworten, wenn \u201EJugendamt ist Vertragspartei\u201C = ja.*\n\n"));
  CHECK(contains(md, "**4.4 Ziele**\n\n*Liste \u00B7 Pflichtangabe*\n\n1. " + kLine));
  CHECK(contains(md, "| Gremium | Datum |\n| --- | --- |\n| \u00A0 | \u00A0 |\n| \u00A0 | \u00A0 |\n| \u00A0 | \u00A0 |\n\n"));
  // Each question stays on one page with its answer space.
  CHECK(count(md, "<!-- kovgen:keep-together -->") == 16);
  CHECK(count(md, "<!-- kovgen:end-keep-together -->") == 16);
  // A handout is no draft: nothing marks it ENTWURF.
  CHECK_FALSE(contains(md, "[!CAUTION]"));
}

TEST_CASE("the handout of every real template shows every question, escaped for Markdown") {
  for (const auto& id : list_template_ids(test::real_disk(), real_library())) {
    CAPTURE(id);
    TemplateCache cache(test::real_disk(), real_library());
    Diagnostics diag;
    auto t = cache.get(id, diag);
    REQUIRE(t);
    const std::string md = questionnaire_markdown(t->questionnaire);
    MarkdownTree tree = parse_markdown(md);
    CHECK(document_info(tree.get(), {}).title == "Questionnaire: " + t->questionnaire.title);  // no catalog here
    CHECK_FALSE(document_info(tree.get(), {}).draft);
    for (const auto& s : t->questionnaire.sections) {
      CHECK(contains(md, ". " + escape_markdown(s.title) + "\n"));
      for (const auto& q : s.questions) CHECK(contains(md, " " + escape_markdown(q.label) + "**\n"));
    }
  }
}

TEST_CASE("questions writes Markdown to standard output or to a file") {
  CommandResult out = run_kovgen({"questions", "-t", "mini"}, "", kMiniEnv);
  CHECK(out.exit_code == 0);
  // The file carries kovgen's fingerprint line (content_fingerprint.h); the terminal does not need it.
  CHECK(read_text(written("md")) == kovgen::seal_markdown(out.out));
  // The library's handout, in the English that this process (no catalog bound) speaks.
  CHECK(run_kovgen({"questions", "-t", "mini", "--lang", "en"}, "", kMiniEnv).out == handout(mini_library(), "mini"));
}

// As a Word form (questionnaire_form.h): fields that say what to enter instead of lines.
TEST_CASE("questions as DOCX, read back with pandoc") {
  if (!find_output_format("docx")) {
    MESSAGE("the DOCX writer is not in the output-format table yet");
    return;
  }
  REQUIRE(have_program("pandoc"));
  CommandResult text = run_command({"pandoc", "-f", "docx", "-t", "plain", "--wrap=none", written("docx")});
  REQUIRE(text.exit_code == 0);
  for (const auto& visible : kVisible) CHECK_MESSAGE(contains(text.out, visible), visible);
  CHECK(contains(text.out, "\u2610"));  // boxes to tick
  CHECK(contains(text.out, "Antwort hier eingeben."));  // fields to type into
}

TEST_CASE("questions as Flat OPC XML holds the same text") {
  if (!find_output_format("xml")) {
    MESSAGE("the Flat OPC writer is not in the output-format table yet");
    return;
  }
  const std::string xml = read_text(written("xml"));
  CHECK(xml.rfind("<?xml", 0) == 0);
  for (const auto& visible : {"Caritas/katholisch", "Gremienbeschlüsse", "Kommunaler Eigenanteil je Platz"})
    CHECK(contains(xml, visible));
}

TEST_CASE("questions as PDF, read back with pdftotext") {
  if (!find_output_format("pdf")) {
    MESSAGE("the PDF writer is not in the output-format table yet");
    return;
  }
  REQUIRE(have_program("pdftotext"));
  CommandResult text = run_command({"pdftotext", "-layout", written("pdf"), "-"});
  REQUIRE(text.exit_code == 0);
  for (const auto& visible : kVisible) CHECK_MESSAGE(contains(text.out, visible), visible);
  CHECK(contains(text.out, "______________"));
}

TEST_CASE("every format of the table can write the handout, others fail with a clear message") {
  for (const auto& f : output_formats()) {
    CAPTURE(f.name);
    CHECK(file_exists(written(f.name, "questions-every-format")));
  }
  CommandResult odt = run_kovgen({"questions", "-t", "mini", "-o", "fragebogen.odt"}, "", kMiniEnv);
  CHECK(odt.exit_code == 2);
  CHECK(contains(odt.err, "\u201Efragebogen.odt\u201C kann nicht geschrieben werden: Wählen Sie eine Dateiendung, die kovgen schreibt (.md"));
  CHECK(run_kovgen({"questions"}, "", kMiniEnv).exit_code == 2);
  CHECK(run_kovgen({"questions", "-t", "gibtsnicht"}, "", kMiniEnv).exit_code == 1);
}
