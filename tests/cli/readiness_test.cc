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
  CommandResult r = run_kovgen({"batch", "--base", kSamples + "/batch/basis.yaml", "--schools",
                                kSamples + "/batch/schulen-beispiel.csv", "--map",
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
