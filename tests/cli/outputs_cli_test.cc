// Nothing the user wrote is lost: render and convert replace only kovgen's own,
// untouched outputs; render writes all or nothing, next to the answers unless told
// otherwise; every written file is listed; init writes JSON too.
#include <doctest/doctest.h>

#include <filesystem>

#include "ooxml_schema_check.h"
#include "test_support.h"

using namespace kovgen::test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kEnv = {"KOVGEN_TEMPLATES=" + source_dir() + "/tests/data/templates"};
const std::string kComplete = source_dir() + "/tests/data/mini-complete.yaml";

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A copy of the complete mini answers in a fresh folder.
std::string answers_in(const std::string& dir) {
  write_text(dir + "/mini.yaml", read_text(kComplete));
  return dir + "/mini.yaml";
}

const char* const kRefusedEdited = "wurde geändert, nachdem kovgen sie geschrieben hat, und wird daher nicht ersetzt";
const char* const kRefusedForeign = "stammt nicht von dieser Version von kovgen";

}  // namespace

TEST_CASE("render without -o writes md, docx and pdf next to the answers and lists them") {
  const std::string dir = fresh_temp_dir("outputs-next-to");
  const std::string answers = answers_in(dir);
  CommandResult r = run_kovgen({"render", answers}, "", kEnv);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.empty());  // no Markdown on the terminal
  for (const char* ext : {".md", ".docx", ".pdf"}) {
    CAPTURE(ext);
    const std::string path = dir + "/mini" + ext;
    REQUIRE(file_exists(path));
    const std::string line = "geschrieben: " + path + " (";
    CHECK(contains(r.err, line));
    // The size in German: "1,2 kB", or "512 Byte".
    const size_t at = r.err.find(line) + line.size();
    const std::string size = r.err.substr(at, r.err.find('\n', at) - at);
    CHECK((size.find(" kB)") != std::string::npos || size.find(" Byte)") != std::string::npos));
    if (size.find(" kB)") != std::string::npos) CHECK(size.find(',') != std::string::npos);
  }
  CHECK_FALSE(file_exists(dir + "/mini.xml"));
  CHECK(read_text(dir + "/mini.md").rfind("# ", 0) == 0);
  // The list of files comes last.
  CHECK(r.err.rfind("geschrieben: " + dir + "/mini.pdf (") > r.err.find("Checkliste"));
  // --quiet: no list; unedited outputs are replaced silently.
  r = run_kovgen({"render", answers, "-q"}, "", kEnv);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(r.err, "geschrieben"));
  // --format chooses the formats there too.
  r = run_kovgen({"render", answers, "--format", "xml"}, "", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(file_exists(dir + "/mini.xml"));
}

TEST_CASE("render - reads the answers from standard input and writes to standard output, as -o - does") {
  const std::string dir = fresh_temp_dir("outputs-stdio");
  CommandResult piped = run_kovgen({"render", "-"}, read_text(kComplete), kEnv);
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.rfind("# \\*\\*A\\*\\* & \\<b>\\#1\\</b> \\[x\\](y) {{z}}\n", 0) == 0);
  CHECK(contains(piped.out, "\n<!-- kovgen: "));
  CommandResult dash = run_kovgen({"render", kComplete, "-o", "-"}, "", kEnv);
  CHECK(dash.exit_code == 0);
  CHECK(dash.out == piped.out);
  CHECK_FALSE(contains(dash.err, "geschrieben"));
  CommandResult pdf = run_kovgen({"render", kComplete, "-o", "-", "--format", "pdf"}, "", kEnv);
  CHECK(pdf.exit_code == 0);
  CHECK(pdf.out.rfind("%PDF-", 0) == 0);
  CHECK(run_kovgen({"render", kComplete, "-o", "-", "--format", "md,pdf"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"render", kComplete, "-o", "-", "-o", dir + "/a.md"}, "", kEnv).exit_code == 2);
  // The same bytes as a file.
  REQUIRE(run_kovgen({"render", "-", "-o", dir + "/a.md"}, read_text(kComplete), kEnv).exit_code == 0);
  CHECK(read_text(dir + "/a.md") == dash.out);
}

TEST_CASE("render -o a.md -o b.pdf writes both, and a report that cannot be written leaves none") {
  const std::string dir = fresh_temp_dir("outputs-all-or-nothing");
  CommandResult r = run_kovgen({"render", kComplete, "-o", dir + "/a.md", "-o", dir + "/b.pdf"}, "", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(file_exists(dir + "/a.md"));
  CHECK(read_text(dir + "/b.pdf").rfind("%PDF-", 0) == 0);
  CHECK(run_kovgen({"render", kComplete, "-o", dir + "/c.md", "-o", dir + "/c.md"}, "", kEnv).exit_code == 2);

  r = run_kovgen({"render", kComplete, "-o", dir + "/d.md", "-o", dir + "/d.pdf", "--report", dir + "/fehlt/r.json"},
                 "", kEnv);
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, "fehlt/r.json"));
  CHECK_FALSE(file_exists(dir + "/d.md"));
  CHECK_FALSE(file_exists(dir + "/d.pdf"));
  r = run_kovgen({"render", kComplete, "--out", dir + "/out", "--report", dir + "/fehlt/r.json"}, "", kEnv);
  CHECK(r.exit_code == 4);
  CHECK_FALSE(file_exists(dir + "/out/mini-complete.md"));
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("render replaces its own untouched outputs and keeps edited and foreign ones unless --force") {
  const std::string dir = fresh_temp_dir("outputs-edited");
  const std::string answers = answers_in(dir);
  REQUIRE(run_kovgen({"render", answers, "-q"}, "", kEnv).exit_code == 0);
  const std::string md = read_text(dir + "/mini.md"), docx = read_text(dir + "/mini.docx"),
                    pdf = read_text(dir + "/mini.pdf");
  // Unedited: replaced, the same bytes.
  REQUIRE(run_kovgen({"render", answers, "-q"}, "", kEnv).exit_code == 0);
  CHECK(read_text(dir + "/mini.md") == md);

  // The Markdown edited by hand: refused, and nothing else is written either.
  std::string edited = md;
  edited.replace(edited.find("\n<!-- kovgen: "), 0, "\nEine eigene Ergänzung.\n");
  write_text(dir + "/mini.md", edited);
  fs::remove(dir + "/mini.pdf");
  CommandResult r = run_kovgen({"render", answers}, "", kEnv);
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, dir + "/mini.md: Diese Datei " + kRefusedEdited));
  CHECK(contains(r.err, "--force"));
  CHECK(contains(r.err, "Es wurde nichts geschrieben"));
  CHECK_FALSE(contains(r.err, "geschrieben: "));
  CHECK(read_text(dir + "/mini.md") == edited);
  CHECK_FALSE(file_exists(dir + "/mini.pdf"));
  // English on request.
  CHECK(contains(run_kovgen({"render", answers, "--lang", "en"}, "", kEnv).err,
                 "mini.md: this file was changed after kovgen wrote it"));

  // --force replaces it.
  r = run_kovgen({"render", answers, "--force"}, "", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(read_text(dir + "/mini.md") == md);
  CHECK(read_text(dir + "/mini.pdf") == pdf);

  // A file kovgen did not write (or an older kovgen without fingerprints).
  write_text(dir + "/mini.pdf", "%PDF-1.4 von woanders\n");
  r = run_kovgen({"render", answers, "-o", dir + "/mini.pdf"}, "", kEnv);
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, dir + "/mini.pdf: Diese Datei ist schon vorhanden und " + kRefusedForeign));
  CHECK(read_text(dir + "/mini.pdf") == "%PDF-1.4 von woanders\n");
  write_text(dir + "/fremd.md", "# Eigene Notizen\n");
  CHECK(run_kovgen({"render", answers, "-o", dir + "/fremd.md"}, "", kEnv).exit_code == 4);
  CHECK(read_text(dir + "/fremd.md") == "# Eigene Notizen\n");

  // A PDF changed in place.
  std::string changed_pdf = pdf;
  changed_pdf[changed_pdf.size() / 3] ^= 1;
  write_text(dir + "/mini.pdf", changed_pdf);
  CHECK(run_kovgen({"render", answers, "-o", dir + "/mini.pdf"}, "", kEnv).exit_code == 4);
  CHECK(read_text(dir + "/mini.pdf") == changed_pdf);
}

TEST_CASE("a DOCX edited in Word's way (a word changed in document.xml, zipped again) is kept") {
  if (!have_program("unzip") || !have_program("zip")) {
    MESSAGE("skipped: needs unzip and zip");
    return;
  }
  const std::string dir = fresh_temp_dir("outputs-docx-edited");
  const std::string answers = answers_in(dir);
  REQUIRE(run_kovgen({"render", answers, "-q", "-o", dir + "/mini.docx"}, "", kEnv).exit_code == 0);
  // Unzipped and zipped again unchanged: still kovgen's own (the content counts, not the zip).
  REQUIRE(run_command({"unzip", "-q", dir + "/mini.docx", "-d", dir + "/x"}).exit_code == 0);
  REQUIRE(run_command({"sh", "-c", "cd \"$0\" && zip -q -r ../same.docx .", dir + "/x"}).exit_code == 0);
  fs::copy_file(dir + "/same.docx", dir + "/mini.docx", fs::copy_options::overwrite_existing);
  CHECK(run_kovgen({"render", answers, "-q", "-o", dir + "/mini.docx"}, "", kEnv).exit_code == 0);

  std::string document = read_text(dir + "/x/word/document.xml");
  const size_t at = document.find("Vertragspartner");
  REQUIRE(at != std::string::npos);
  document.replace(at, 4, "Best");
  write_text(dir + "/x/word/document.xml", document);
  REQUIRE(run_command({"sh", "-c", "cd \"$0\" && zip -q -r ../edited.docx .", dir + "/x"}).exit_code == 0);
  fs::copy_file(dir + "/edited.docx", dir + "/mini.docx", fs::copy_options::overwrite_existing);
  CommandResult r = run_kovgen({"render", answers, "-o", dir + "/mini.docx"}, "", kEnv);
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, dir + "/mini.docx: Diese Datei " + kRefusedEdited));
  CHECK(read_text(dir + "/mini.docx") == read_text(dir + "/edited.docx"));
  CHECK(run_kovgen({"render", answers, "-q", "-o", dir + "/mini.docx", "--force"}, "", kEnv).exit_code == 0);
  CHECK(read_text(dir + "/mini.docx") != read_text(dir + "/edited.docx"));
}

TEST_CASE("the DOCX fingerprint part validates against the OOXML schemas") {
  if (!can_check_ooxml_schemas() || !have_program("unzip")) return;
  const std::string dir = fresh_temp_dir("outputs-docx-schema");
  REQUIRE(run_kovgen({"render", kComplete, "-q", "-o", dir + "/a.docx"}, "", kEnv).exit_code == 0);
  REQUIRE(run_command({"unzip", "-q", dir + "/a.docx", "-d", dir + "/x"}).exit_code == 0);
  const std::pair<const char*, const char*> parts[] = {
      {"docProps/custom.xml", "shared-documentPropertiesCustom.xsd"},
      {"[Content_Types].xml", "opc-xsd/opc-contentTypes.xsd"},
      {"_rels/.rels", "opc-xsd/opc-relationships.xsd"},
  };
  for (const auto& [part, schema] : parts) check_file_against_ooxml_schema(dir + "/x/" + part, schema);
}

TEST_CASE("convert: the seal of a kovgen Markdown is no part of the document, and edited outputs are kept") {
  const std::string dir = fresh_temp_dir("outputs-convert");
  REQUIRE(run_kovgen({"render", kComplete, "-q", "-o", dir + "/entwurf.md"}, "", kEnv).exit_code == 0);
  std::string draft = read_text(dir + "/entwurf.md");
  // The user edits the draft (which breaks its seal) and converts it.
  draft.replace(draft.find("\n<!-- kovgen: "), 0, "\nEin eigener Absatz.\n");
  write_text(dir + "/entwurf.md", draft);
  CommandResult r = run_kovgen({"convert", dir + "/entwurf.md", "-o", dir + "/a.md", "-o", dir + "/a.xml"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(contains(r.err, "geschrieben: " + dir + "/a.md ("));
  CHECK(contains(r.err, "geschrieben: " + dir + "/a.xml ("));
  const std::string md = read_text(dir + "/a.md");
  CHECK(md.find("<!-- kovgen: ") == md.rfind("<!-- kovgen: "));  // one seal, the new one
  CHECK(contains(md, "Ein eigener Absatz."));
  const std::string xml = read_text(dir + "/a.xml");
  CHECK(contains(xml, "Ein eigener Absatz."));
  CHECK_FALSE(contains(xml, "&lt;!-- kovgen"));
  CHECK_FALSE(contains(xml, "<!-- kovgen"));
  // Converting again replaces the untouched outputs; an edited one is kept.
  CHECK(run_kovgen({"convert", dir + "/entwurf.md", "-o", dir + "/a.md", "-o", dir + "/a.xml", "-q"}).exit_code == 0);
  std::string edited_xml = xml;
  edited_xml.replace(edited_xml.find("Ein eigener Absatz."), 19, "Ein anderer Absatz.");
  write_text(dir + "/a.xml", edited_xml);
  r = run_kovgen({"convert", dir + "/entwurf.md", "-o", dir + "/a.md", "-o", dir + "/a.xml"});
  CHECK(r.exit_code == 4);
  CHECK(contains(r.err, dir + "/a.xml: Diese Datei " + kRefusedEdited));
  CHECK(run_kovgen({"convert", dir + "/entwurf.md", "-o", dir + "/a.xml", "--force"}).exit_code == 0);
  CHECK(read_text(dir + "/a.xml") == xml);
}

TEST_CASE("init -o a.json writes the skeleton as JSON, which check reads as an incomplete answers file") {
  const std::string dir = fresh_temp_dir("outputs-init-json");
  CommandResult r = run_kovgen({"init", "-t", "mini", "-o", dir + "/a.json"}, "", kEnv);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string json = read_text(dir + "/a.json");
  CHECK(json.rfind("{\n  \"vorlage\": \"mini\",\n", 0) == 0);
  CHECK(contains(json, "\"finanzierung\": {"));
  CHECK(contains(r.err, "JSON kennt keine Kommentare"));
  CHECK(contains(r.err, "geschrieben: " + dir + "/a.json ("));
  if (have_program("python3"))
    CHECK(run_command({"python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", dir + "/a.json"}).exit_code ==
          0);
  CommandResult check = run_kovgen({"check", dir + "/a.json"}, "", kEnv);
  CHECK(check.exit_code == 3);  // valid, nothing answered yet
  CHECK(contains(check.err + check.out, "Checkliste: 1 von 5 Abschnitten vollständig"));  // only optional ones
  CHECK_FALSE(contains(check.err, "Fehler"));
  // The YAML skeleton loads to the same (empty) answers.
  REQUIRE(run_kovgen({"init", "-t", "mini", "-o", dir + "/a.yaml", "-q"}, "", kEnv).exit_code == 0);
  std::string yaml_check = run_kovgen({"check", dir + "/a.yaml"}, "", kEnv).out;
  yaml_check.replace(yaml_check.find("/a.yaml"), 7, "/a.json");
  CHECK(yaml_check == check.out);
  CHECK(run_kovgen({"init", "-t", "mini", "-o", dir + "/a.json"}, "", kEnv).exit_code == 4);
}

TEST_CASE("questions and batch list the files they write") {
  const std::string dir = fresh_temp_dir("outputs-listed");
  CommandResult r = run_kovgen({"questions", "-t", "mini", "-o", dir + "/f.md"}, "", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "geschrieben: " + dir + "/f.md ("));
  r = run_kovgen({"questions", "-t", "mini", "-o", dir + "/g.md", "--quiet"}, "", kEnv);
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(r.err, "geschrieben"));
}
