// The render command end to end: exit codes, outputs, report, determinism.
#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.h"

using namespace kovgen::test;

namespace {

const std::vector<std::string> kEnv = {"KOVGEN_TEMPLATES=" + source_dir() + "/tests/data/templates"};
const std::string kComplete = source_dir() + "/tests/data/mini-complete.yaml";

std::string write_answers(const std::string& dir, const std::string& yaml) {
  const std::string path = dir + "/answers.yaml";
  write_text(path, yaml);
  return path;
}

}  // namespace

TEST_CASE("render -o - prints the draft and exits 0") {
  CommandResult r = run_kovgen({"render", kComplete, "-o", "-"}, "", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("# \\*\\*A\\*\\* & \\<b>\\#1\\</b> \\[x\\](y) {{z}}\n", 0) == 0);
  CHECK(r.err.find("Checkliste: 5 von 5 Abschnitten vollständig") != std::string::npos);
}

TEST_CASE("invalid answers exit 1 and write nothing") {
  const std::string dir = fresh_temp_dir("render-invalid");
  const std::string answers = write_answers(dir, "vorlage: mini\nfinanzierung:\n  plaetze: viele\n");
  CommandResult r = run_kovgen({"render", answers, "--out", dir + "/out", "--report", dir + "/r.json"}, "", kEnv);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(answers + ":3:12: finanzierung.plaetze") != std::string::npos);
  CHECK(r.err.find(answers + ": 1 Fehler; es wurde nichts geschrieben") != std::string::npos);
  CHECK_FALSE(file_exists(dir + "/out"));
  CHECK_FALSE(file_exists(dir + "/r.json"));
}

TEST_CASE("a wrong command line exits 2") {
  CHECK(run_kovgen({"render"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"render", kComplete, "--frmat", "md"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"render", kComplete, "--out", "x", "--format", "odt"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"no-such-command"}, "", kEnv).exit_code == 2);
}

TEST_CASE("--strict exits 3 exactly when check does: a mandatory section incomplete or a placeholder left") {
  const std::string dir = fresh_temp_dir("render-strict");
  CHECK(run_kovgen({"render", kComplete, "--strict", "-o", dir + "/ok.md"}, "", kEnv).exit_code == 0);
  CHECK(run_kovgen({"check", kComplete}, "", kEnv).exit_code == 0);
  // Only a recommended section missing, but its text shows a placeholder: not ready.
  std::string yaml = read_text(kComplete);
  yaml.replace(yaml.find("  ziele: [Vereinbarkeit, Förderung, Inklusion]\n"), 48, "");
  const std::string recommended = write_answers(dir, yaml);
  CHECK(run_kovgen({"render", recommended, "--strict", "-o", dir + "/a.md"}, "", kEnv).exit_code == 3);
  CHECK(run_kovgen({"check", recommended}, "", kEnv).exit_code == 3);
  CHECK(read_text(dir + "/a.md").find("\\[offen: Ziele\\]") != std::string::npos);
  const std::string partial = write_answers(dir, "vorlage: mini\nmeta: {titel: T}\n");
  CHECK(run_kovgen({"render", partial, "-o", dir + "/b.md"}, "", kEnv).exit_code == 0);
  CommandResult strict = run_kovgen({"render", partial, "--strict", "-o", dir + "/c.md"}, "", kEnv);
  CHECK(strict.exit_code == 3);
  CHECK(strict.err.find("Entwurf, noch nicht unterschriftsreif") != std::string::npos);
  // The draft is still written, so the user sees what is missing.
  CHECK(read_text(dir + "/c.md").find("[!CAUTION]") != std::string::npos);
}

TEST_CASE("the JSON report lists every section with its status") {
  const std::string dir = fresh_temp_dir("render-report");
  const std::string partial = write_answers(dir, "vorlage: mini\nmeta: {titel: T}\n");
  REQUIRE(run_kovgen({"render", partial, "-o", dir + "/d.md", "--report", dir + "/r.json"}, "", kEnv).exit_code == 0);
  const std::string json = read_text(dir + "/r.json");
  if (have_program("python3")) {
    CommandResult parsed = run_command(
        {"python3", "-c",
         "import json,sys; r=json.load(open(sys.argv[1])); "
         "print(r['template'], r['unterschriftsreif'], len(r['sections']), "
         "[s['id'] for s in r['sections'] if s['status']=='incomplete'], "
         "r['sections'][1]['missing'][0]['key'], r['sections'][1]['mandatory'])",
         dir + "/r.json"});
    CHECK(parsed.exit_code == 0);
    CHECK(parsed.out ==
          "mini False 5 ['vertragspartner', 'finanzierung', 'zeiten'] vertragspartner.schultraeger_name True\n");
  }
  CHECK(json.find("\"label\": \"Name des Schulträgers\"") != std::string::npos);
}

TEST_CASE("two runs give byte-identical outputs") {
  const std::string dir = fresh_temp_dir("render-determinism");
  for (const char* run : {"a", "b"}) {
    CommandResult r = run_kovgen({"render", kComplete, "--out", dir + "/" + run, "--report", dir + "/" + run + ".json"},
                                 "", kEnv);
    REQUIRE(r.exit_code == 0);
  }
  for (const char* ext : {".md", ".docx", ".xml", ".pdf"}) {
    const std::string a = dir + "/a/mini-complete" + ext, b = dir + "/b/mini-complete" + ext;
    if (!file_exists(a)) continue;  // only the formats this build has
    CAPTURE(ext);
    CHECK(read_text(a) == read_text(b));
  }
  CHECK(file_exists(dir + "/a/mini-complete.md"));
  CHECK(read_text(dir + "/a.json") == read_text(dir + "/b.json"));
}

TEST_CASE("every command documents its options and exit codes") {
  for (const char* cmd : {"render", "convert", "init"}) {
    CAPTURE(cmd);
    CommandResult r = run_kovgen({cmd, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Aufruf: kovgen " + std::string(cmd)) == 0);
    CHECK(r.out.find("3  nicht unterschriftsreif") != std::string::npos);
    r = run_kovgen({cmd, "--help", "--lang", "en"});
    CHECK(r.out.find("Usage: kovgen " + std::string(cmd)) == 0);
    CHECK(r.out.find("3  not ready to sign") != std::string::npos);
  }
  for (const char* cmd : {"templates"}) {
    CAPTURE(cmd);
    CommandResult r = run_kovgen({cmd, "--help", "--lang", "en"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Usage: kovgen " + std::string(cmd)) == 0);
    CHECK(r.out.find("3  not ready to sign") != std::string::npos);
  }
  CHECK(run_kovgen({"--help"}).out.find("Befehle:") != std::string::npos);
  CHECK(run_kovgen({"--help", "--lang", "en"}).out.find("Commands:") != std::string::npos);
  CHECK(run_kovgen({"help", "render"}).out == run_kovgen({"render", "--help"}).out);
}

TEST_CASE("kovgen speaks German unless asked for English, and suggests a mistyped command") {
  CommandResult r = run_kovgen({"rendr"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "kovgen: unbekannter Befehl „rendr“. Meinten Sie „render“? „kovgen --help“ zeigt alle Befehle.\n");
  CHECK(run_kovgen({"--lang=en", "rendr"}).err.find("unknown command \"rendr\". Did you mean \"render\"?") !=
        std::string::npos);
  CHECK(run_kovgen({"rendr"}, "", {"KOVGEN_LANG=en"}).err.find("Did you mean") != std::string::npos);
  CHECK(run_kovgen({"rendr", "--lang", "de"}, "", {"KOVGEN_LANG=en"}).err.find("Meinten Sie") != std::string::npos);
  // German whatever the locale says.
  CHECK(run_kovgen({"rendr"}, "", {"LANG=en_US.UTF-8", "LC_ALL=C", "LANGUAGE=en"}).err.find("Meinten Sie") !=
        std::string::npos);
  r = run_kovgen({"--lang", "fr", "templates"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unbekannte Sprache „fr“") != std::string::npos);
  CHECK(run_kovgen({"templates", "--lang"}).exit_code == 2);
}

TEST_CASE("templates lists the templates with titles") {
  CommandResult r = run_kovgen({"templates"}, "", kEnv);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "mini                 Testvereinbarung (5 Abschnitte)\n");
}

TEST_CASE("convert writes several formats from one reading, each as convert writes it alone") {
  const std::string dir = fresh_temp_dir("convert-several");
  const std::string draft = std::string(KOVGEN_SOURCE_DIR) + "/tests/data/pdf/agreement.md";
  CommandResult all = run_kovgen({"convert", draft, "-o", dir + "/a.md", "-o", dir + "/a.docx", "-o", dir + "/a.pdf"});
  CHECK(all.exit_code == 0);
  for (const char* ext : {"md", "docx", "pdf"}) {
    CAPTURE(ext);
    CHECK(run_kovgen({"convert", draft, "-o", dir + "/b." + ext}).exit_code == 0);
    CHECK(read_text(dir + "/a." + ext) == read_text(dir + "/b." + ext));
  }
  // One unknown ending refuses the whole command before anything is written.
  CommandResult bad = run_kovgen({"convert", draft, "-o", dir + "/c.md", "-o", dir + "/c.odt"});
  CHECK(bad.exit_code == 2);
  CHECK_FALSE(file_exists(dir + "/c.md"));
  CHECK(run_kovgen({"convert", draft, "-o", dir + "/d.md", "-o", dir + "/d.md"}).exit_code == 2);
  // A folder that is not there: exit 4, and the other output is not written either.
  CommandResult unwritable = run_kovgen({"convert", draft, "-o", dir + "/e.md", "-o", dir + "/fehlt/e.pdf"});
  CHECK(unwritable.exit_code == 4);
  CHECK(unwritable.err.find("fehlt/e.pdf") != std::string::npos);
  CHECK_FALSE(file_exists(dir + "/e.md"));
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("answers can come through a pipe (/dev/stdin), read as they come") {
  CommandResult file = run_kovgen({"render", kComplete, "-o", "-"}, "", kEnv);
  CommandResult piped = run_kovgen({"render", "/dev/stdin"}, read_text(kComplete), kEnv);
  CHECK(piped.exit_code == 0);
  CHECK(piped.out == file.out);
}

TEST_CASE("a Markdown render loads neither libharu nor minizip, a PDF loads libharu, a DOCX minizip but no libcrypto") {
  // Loading them at start cost a tenth of a Markdown render (haru_library.h).
  const std::string dir = fresh_temp_dir("render-lazy-libraries");
  std::vector<std::string> env = kEnv;
  env.push_back("LD_DEBUG=libs");
  CommandResult md = run_kovgen({"render", kComplete, "-o", dir + "/a.md"}, "", env);
  REQUIRE(md.exit_code == 0);
  REQUIRE(md.err.find("libc.so") != std::string::npos);  // the loader did report its work
  CHECK(md.err.find("libhpdf") == std::string::npos);
  CHECK(md.err.find("libminizip") == std::string::npos);
  CommandResult pdf = run_kovgen({"render", kComplete, "-o", dir + "/a.pdf"}, "", env);
  REQUIRE(pdf.exit_code == 0);
  CHECK(pdf.err.find("libhpdf") != std::string::npos);
  CHECK(file_exists(dir + "/a.pdf"));
  // libzip would bring OpenSSL's libcrypto, a millisecond of loading (zip_library.h).
  CommandResult docx = run_kovgen({"render", kComplete, "-o", dir + "/a.docx"}, "", env);
  REQUIRE(docx.exit_code == 0);
  CHECK(docx.err.find("libminizip") != std::string::npos);
  CHECK(docx.err.find("libcrypto") == std::string::npos);
  CHECK(file_exists(dir + "/a.docx"));
}

TEST_CASE("a malformed SOURCE_DATE_EPOCH is reported once and ignored, a valid one dates the DOCX") {
  const std::string dir = fresh_temp_dir("render-epoch");
  std::vector<std::string> env = kEnv;
  env.push_back("SOURCE_DATE_EPOCH=gestern");
  CommandResult r = run_kovgen({"render", kComplete, "--out", dir + "/a"}, "", env);
  CHECK(r.exit_code == 0);
  const size_t first = r.err.find("SOURCE_DATE_EPOCH");
  REQUIRE(first != std::string::npos);
  CHECK(r.err.find("SOURCE_DATE_EPOCH", first + 1) == std::string::npos);
  CommandResult core = run_command({"unzip", "-p", dir + "/a/mini-complete.docx", "docProps/core.xml"});
  CHECK(core.out.find("dcterms:created") == std::string::npos);

  env.back() = "SOURCE_DATE_EPOCH=1754006400";
  r = run_kovgen({"render", kComplete, "--out", dir + "/b"}, "", env);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("SOURCE_DATE_EPOCH") == std::string::npos);
  core = run_command({"unzip", "-p", dir + "/b/mini-complete.docx", "docProps/core.xml"});
  CHECK(core.out.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-08-01T00:00:00Z</dcterms:created>") !=
        std::string::npos);
}

TEST_CASE("templates: a folder without templates is an error, not an empty list") {
  const std::string dir = fresh_temp_dir("no-templates");
  CommandResult r = run_kovgen({"templates"}, "", {"KOVGEN_TEMPLATES=" + dir});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("keine Vorlagen in " + dir) != std::string::npos);
  r = run_kovgen({"templates"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ogs ") != std::string::npos);  // found next to the executable
}

TEST_CASE("--template naming another template than the file's vorlage is one error naming both") {
  CommandResult r = run_kovgen({"check", source_dir() + "/samples/ogs/ogs-teilweise.yaml", "-t", "schulsozialarbeit"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("die Datei gehört zur Vorlage „ogs“, nicht zu „schulsozialarbeit“ (--template)") != std::string::npos);
  CHECK(r.err.find("unknown") == std::string::npos);
  r = run_kovgen({"check", source_dir() + "/samples/ogs/ogs-vollstaendig.yaml", "-t", "ogs"});
  CHECK(r.exit_code == 0);
  // render too, and writes nothing.
  const std::string dir = fresh_temp_dir("render-template-mismatch");
  r = run_kovgen({"render", source_dir() + "/samples/ogs/ogs-teilweise.yaml", "-t", "schulsozialarbeit", "-o",
                  dir + "/x.md"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("die Datei gehört zur Vorlage „ogs“, nicht zu „schulsozialarbeit“ (--template)") != std::string::npos);
  CHECK_FALSE(file_exists(dir + "/x.md"));
}

TEST_CASE("render: --name without --out and -f with -o are usage errors, not ignored") {
  CommandResult r = run_kovgen({"render", kComplete, "--name", "x"}, "", kEnv);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--name gilt nur zusammen mit --out") != std::string::npos);
  r = run_kovgen({"render", kComplete, "-o", "/tmp/x.md", "-f", "pdf"}, "", kEnv);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("-f gilt nur zusammen mit --out") != std::string::npos);
}

TEST_CASE("a staff share typed the English way (1.125) is caught by its range, not printed as 1.125 meaning 1125") {
  const std::string dir = fresh_temp_dir("vzae-typo");
  std::string answers = read_text(source_dir() + "/samples/ogs/ogs-vollstaendig.yaml");
  answers.replace(answers.find("leitung_vzae: 0.5"), 17, "leitung_vzae: 1.125");
  write_text(dir + "/a.yaml", answers);
  CommandResult r = run_kovgen({"check", dir + "/a.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("leitung_vzae") != std::string::npos);
  CHECK(r.err.find("Wert außerhalb des zulässigen Bereichs (erlaubt: 0 bis 10)") != std::string::npos);
}

TEST_CASE("render -o takes the format from the file ending in any case, and an unknown ending names the valid ones") {
  const std::string dir = fresh_temp_dir("render-endings");
  CommandResult pdf = run_kovgen({"render", kComplete, "-o", dir + "/A.PDF"}, "", kEnv);
  CHECK(pdf.exit_code == 0);
  CHECK(read_text(dir + "/A.PDF").rfind("%PDF-", 0) == 0);
  CommandResult docx = run_kovgen({"render", kComplete, "-o", dir + "/b.Docx"}, "", kEnv);
  CHECK(docx.exit_code == 0);
  CHECK(read_text(dir + "/b.Docx").rfind("PK", 0) == 0);
  CommandResult odt = run_kovgen({"render", kComplete, "-o", dir + "/c.odt"}, "", kEnv);
  CHECK(odt.exit_code == 2);
  CHECK(odt.err.find("das Format von " + dir + "/c.odt ist an der Endung nicht zu erkennen; der Dateiname muss auf "
                     ".md, .docx, .xml oder .pdf enden") != std::string::npos);
  CHECK_FALSE(file_exists(dir + "/c.odt"));
}
