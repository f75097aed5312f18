// The Word form in real clients: LibreOffice 7.4 opens it, saves it again as
// DOCX and import still reads every filled control; pandoc reads it; its parts
// validate against the ECMA-376 schemas (the w14/w15 extensions removed first, as
// a client that does not know them does by Markup Compatibility).
#include <doctest/doctest.h>

#include <filesystem>

#include "form_fill.h"
#include "mini_template.h"
#include "ooxml_schema_check.h"
#include "pipeline.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

const std::string kOgsComplete = source_dir() + "/samples/ogs/ogs-vollstaendig.yaml";

std::string soffice(const std::string& dir, const std::string& to, const std::string& file) {
  return "soffice -env:UserInstallation=file://" + dir + "/profile --headless --convert-to " + to + " --outdir '" +
         dir + "/lo' '" + file + "' >/dev/null 2>&1";
}

// A copy of the node without the elements and attributes of the ignorable namespaces.
void strip_ignorable(pugi::xml_node node) {
  for (pugi::xml_attribute a = node.first_attribute(); a;) {
    pugi::xml_attribute next = a.next_attribute();
    const std::string_view name = a.name();
    if (name.rfind("w14:", 0) == 0 || name.rfind("w15:", 0) == 0 || name == "mc:Ignorable") node.remove_attribute(a);
    a = next;
  }
  for (pugi::xml_node c = node.first_child(); c;) {
    pugi::xml_node next = c.next_sibling();
    const std::string_view name = c.name();
    if (name.rfind("w14:", 0) == 0 || name.rfind("w15:", 0) == 0) node.remove_child(c);
    else strip_ignorable(c);
    c = next;
  }
}

}  // namespace

TEST_CASE("word form: LibreOffice saves the filled form again as DOCX and import reads every control" * doctest::test_suite("slow")) {
  if (!have_program("soffice") || !have_program("zip")) {
    MESSAGE("skipped: needs soffice and zip");
    return;
  }
  const std::string dir = fresh_temp_dir("form-libreoffice");
  REQUIRE(run_kovgen({"questions", "-t", "ogs", "-o", dir + "/leer.docx", "-q"}).exit_code == 0);
  TemplateCache cache(real_disk(), real_library());
  Diagnostics diag;
  auto expected = load_answers_file(kOgsComplete, "", cache, diag);
  REQUIRE(expected);
  edit_form_file(dir + "/leer.docx", dir + "/ausgefuellt.docx", [&](pugi::xml_document& doc) {
    fill_form(doc, expected->tmpl->questionnaire, expected->answers);
  });
  REQUIRE(run_command({"sh", "-c", soffice(dir, "docx:\"MS Word 2007 XML\"", dir + "/ausgefuellt.docx")}).exit_code == 0);
  const std::string saved = dir + "/lo/ausgefuellt.docx";
  REQUIRE(file_exists(saved));
  CHECK(read_text(saved) != read_text(dir + "/ausgefuellt.docx"));
  CommandResult r = run_kovgen({"import", saved, "-o", dir + "/antworten.yaml"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto got = load_answers_file(dir + "/antworten.yaml", "", cache, diag);
  INFO(diag.to_string());
  REQUIRE(got);
  check_same_answers(got->answers, expected->answers);
  CHECK_FALSE(contains(r.err, "Warnung"));
}

TEST_CASE("word form: pandoc and LibreOffice open it without errors" * doctest::test_suite("slow")) {
  if (!have_program("soffice") || !have_program("pandoc") || !have_program("pdftotext")) {
    MESSAGE("skipped: needs soffice, pandoc and pdftotext");
    return;
  }
  const std::string dir = fresh_temp_dir("form-clients");
  REQUIRE(run_kovgen({"questions", "-t", "ogs", "--antworten", kOgsComplete, "-o", dir + "/fragebogen.docx", "-q"})
              .exit_code == 0);
  CommandResult pandoc = run_command({"pandoc", dir + "/fragebogen.docx", "-t", "plain"});
  CHECK(pandoc.exit_code == 0);
  CHECK(pandoc.err.empty());
  CHECK(contains(pandoc.out, "Dokumentangaben"));  // the title goes into pandoc's metadata
  REQUIRE(run_command({"sh", "-c", soffice(dir, "pdf", dir + "/fragebogen.docx")}).exit_code == 0);
  CommandResult text = run_command({"pdftotext", dir + "/lo/fragebogen.pdf", "-"});
  CHECK(text.exit_code == 0);
  CHECK(contains(text.out, "Fragebogen"));
  CHECK(contains(text.out, "\u2612"));  // a ticked box of a prefilled yes/no question
}

TEST_CASE("word form: its parts validate against the OOXML schemas once the w14 and w15 extensions are removed") {
  if (!can_check_ooxml_schemas() || !have_program("unzip")) return;
  const std::string dir = fresh_temp_dir("form-schema");
  REQUIRE(run_kovgen({"questions", "-t", "ogs", "--antworten", kOgsComplete, "-o", dir + "/f.docx", "-q"}).exit_code == 0);
  REQUIRE(run_command({"unzip", "-q", dir + "/f.docx", "-d", dir + "/x"}).exit_code == 0);
  pugi::xml_document doc;
  REQUIRE(doc.load_file((dir + "/x/word/document.xml").c_str()));
  CHECK(doc.select_node("//w14:checkbox"));
  CHECK(doc.select_node("//w15:repeatingSection"));
  strip_ignorable(doc);
  write_text(dir + "/x/word/document-stripped.xml", xml_part_bytes(doc));
  const std::pair<const char*, const char*> parts[] = {
      {"word/document-stripped.xml", "wml.xsd"},
      {"word/settings.xml", "wml.xsd"},
      {"word/styles.xml", "wml.xsd"},
      {"word/numbering.xml", "wml.xsd"},
      {"[Content_Types].xml", "opc-xsd/opc-contentTypes.xsd"},
      {"_rels/.rels", "opc-xsd/opc-relationships.xsd"},
  };
  for (const auto& [part, schema] : parts) check_file_against_ooxml_schema(dir + "/x/" + part, schema);
}
