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

TEST_CASE("render prints the draft and exits 0") {
  CommandResult r = run_kovgen({"render", kComplete}, "", kEnv);
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
  CHECK(r.err.find("nothing was written") != std::string::npos);
  CHECK_FALSE(file_exists(dir + "/out"));
  CHECK_FALSE(file_exists(dir + "/r.json"));
}

TEST_CASE("a wrong command line exits 2") {
  CHECK(run_kovgen({"render"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"render", kComplete, "--frmat", "md"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"render", kComplete, "--out", "x", "--format", "odt"}, "", kEnv).exit_code == 2);
  CHECK(run_kovgen({"no-such-command"}, "", kEnv).exit_code == 2);
}

TEST_CASE("--strict exits 3 only when a mandatory section is incomplete") {
  const std::string dir = fresh_temp_dir("render-strict");
  // Only recommended sections missing: still 0.
  std::string yaml = read_text(kComplete);
  yaml.replace(yaml.find("beschluss:"), std::string::npos, "");
  yaml.replace(yaml.find("  ziele: [Vereinbarkeit, Förderung, Inklusion]\n"), 48, "");
  CHECK(run_kovgen({"render", write_answers(dir, yaml), "--strict", "-o", dir + "/a.md"}, "", kEnv).exit_code == 0);
  const std::string partial = write_answers(dir, "vorlage: mini\nmeta: {titel: T}\n");
  CHECK(run_kovgen({"render", partial, "-o", dir + "/b.md"}, "", kEnv).exit_code == 0);
  CommandResult strict = run_kovgen({"render", partial, "--strict", "-o", dir + "/c.md"}, "", kEnv);
  CHECK(strict.exit_code == 3);
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
         "print(r['template'], r['complete'], len(r['sections']), "
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
  for (const char* cmd : {"render", "convert", "templates"}) {
    CAPTURE(cmd);
    CommandResult r = run_kovgen({cmd, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Usage: kovgen " + std::string(cmd)) == 0);
    CHECK(r.out.find("3  checklist incomplete") != std::string::npos);
  }
  CHECK(run_kovgen({"--help"}).out.find("Commands:") != std::string::npos);
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
  CommandResult file = run_kovgen({"render", kComplete}, "", kEnv);
  CommandResult piped = run_kovgen({"render", "/dev/stdin"}, read_text(kComplete), kEnv);
  CHECK(piped.exit_code == 0);
  CHECK(piped.out == file.out);
}

TEST_CASE("a Markdown render loads neither libharu nor libzip, a PDF loads libharu when it needs it") {
  // Loading them at start cost a tenth of a Markdown render (haru_library.h).
  const std::string dir = fresh_temp_dir("render-lazy-libraries");
  std::vector<std::string> env = kEnv;
  env.push_back("LD_DEBUG=libs");
  CommandResult md = run_kovgen({"render", kComplete, "-o", dir + "/a.md"}, "", env);
  REQUIRE(md.exit_code == 0);
  REQUIRE(md.err.find("libc.so") != std::string::npos);  // the loader did report its work
  CHECK(md.err.find("libhpdf") == std::string::npos);
  CHECK(md.err.find("libzip") == std::string::npos);
  CommandResult pdf = run_kovgen({"render", kComplete, "-o", dir + "/a.pdf"}, "", env);
  REQUIRE(pdf.exit_code == 0);
  CHECK(pdf.err.find("libhpdf") != std::string::npos);
  CHECK(file_exists(dir + "/a.pdf"));
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
  CHECK(r.err.find("no templates in " + dir) != std::string::npos);
  r = run_kovgen({"templates"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ogs ") != std::string::npos);  // found next to the executable
}

TEST_CASE("--template naming another template than the file's vorlage is one error naming both") {
  CommandResult r = run_kovgen({"check", source_dir() + "/samples/ogs/ogs-teilweise.yaml", "-t", "schulsozialarbeit"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("the file is for template \"ogs\", not \"schulsozialarbeit\" (--template)") != std::string::npos);
  CHECK(r.err.find("unknown") == std::string::npos);
  r = run_kovgen({"check", source_dir() + "/samples/ogs/ogs-vollstaendig.yaml", "-t", "ogs"});
  CHECK(r.exit_code == 0);
}

TEST_CASE("render: --name without --out and -f with -o are usage errors, not ignored") {
  CommandResult r = run_kovgen({"render", kComplete, "--name", "x"}, "", kEnv);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--name goes with --out") != std::string::npos);
  r = run_kovgen({"render", kComplete, "-o", "/tmp/x.md", "-f", "pdf"}, "", kEnv);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("-f goes with --out") != std::string::npos);
}

TEST_CASE("a staff share typed the English way (1.125) is caught by its range, not printed as 1.125 meaning 1125") {
  const std::string dir = fresh_temp_dir("vzae-typo");
  std::string answers = read_text(source_dir() + "/samples/ogs/ogs-vollstaendig.yaml");
  answers.replace(answers.find("leitung_vzae: 0.5"), 17, "leitung_vzae: 1.125");
  write_text(dir + "/a.yaml", answers);
  CommandResult r = run_kovgen({"check", dir + "/a.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("leitung_vzae") != std::string::npos);
  CHECK(r.err.find("value out of range (allowed: 0 to 10)") != std::string::npos);
}
