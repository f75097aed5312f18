// kovgen vorlage: the Beschlussvorlage as a command, its usage errors, and nothing
// written for a template without one; and render --anlagen getrennt.
#include <doctest/doctest.h>

#include "test_support.h"

using namespace kovgen::test;

TEST_CASE("kovgen vorlage writes the Beschlussvorlage for the given body") {
  const std::string dir = fresh_temp_dir("vorlage-cli");
  const CommandResult r = run_kovgen({"vorlage", source_dir() + "/samples/ogs/ogs-vollstaendig.yaml", "--gremium",
                                      "Jugendhilfeausschuss", "-o", dir + "/v.md"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string paper = read_text(dir + "/v.md");
  CHECK(paper.find("## Beschlussvorschlag") != std::string::npos);
  CHECK(paper.find("Der Jugendhilfeausschuss empfiehlt dem Rat") != std::string::npos);
  CHECK(paper.find("## Finanzielle Auswirkungen") != std::string::npos);
}

TEST_CASE("kovgen vorlage needs one of the three bodies") {
  const std::string dir = fresh_temp_dir("vorlage-cli-gremium");
  for (const std::vector<std::string>& extra : {std::vector<std::string>{}, {"--gremium", "Kreistag"}}) {
    std::vector<std::string> args = {"vorlage", source_dir() + "/samples/ogs/ogs-vollstaendig.yaml", "-o",
                                     dir + "/v.md"};
    args.insert(args.end(), extra.begin(), extra.end());
    const CommandResult r = run_kovgen(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--gremium erwartet Schulausschuss, Jugendhilfeausschuss oder Rat") != std::string::npos);
    CHECK_FALSE(file_exists(dir + "/v.md"));
  }
}

TEST_CASE("kovgen vorlage writes nothing for a template without a Beschlussvorlage") {
  const std::string dir = fresh_temp_dir("vorlage-cli-none");
  const CommandResult r =
      run_kovgen({"vorlage", source_dir() + "/samples/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml",
                  "--gremium", "Rat", "-o", dir + "/v.md"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("hat keine Beschlussvorlage") != std::string::npos);
  CHECK_FALSE(file_exists(dir + "/v.md"));
}

TEST_CASE("render --anlagen getrennt writes each annex as a file of its own and leaves it out of the agreement") {
  const std::string dir = fresh_temp_dir("anlagen-getrennt");
  const CommandResult r = run_kovgen({"render", source_dir() + "/samples/ogs/ogs-vollstaendig.yaml", "--out", dir,
                                      "--name", "v", "-f", "md", "--anlagen", "getrennt"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string agreement = read_text(dir + "/v.md");
  CHECK(agreement.find("zur Kooperationsvereinbarung vom") == std::string::npos);
  // The final clauses still name them: they belong to the agreement.
  CHECK(agreement.find("- Anlage 3 Finanzierungsübersicht") != std::string::npos);
  for (const char* n : {"1", "3", "4"}) {
    CAPTURE(n);
    const std::string annex = read_text(dir + "/v-anlage-" + std::string(n) + ".md");
    CHECK(annex.rfind("# Anlage " + std::string(n) + " zur Kooperationsvereinbarung vom 30. März 2026\n", 0) == 0);
  }
  CHECK(read_text(dir + "/v-anlage-3.md").find("**Zuschüsse insgesamt**") != std::string::npos);
  CHECK_FALSE(file_exists(dir + "/v-anlage-2.md"));
}

TEST_CASE("render --anlagen takes getrennt or angehaengt, and getrennt needs files to write") {
  const std::string sample = source_dir() + "/samples/ogs/ogs-vollstaendig.yaml";
  CHECK(run_kovgen({"render", sample, "-o", "-", "--anlagen", "getrennt"}).exit_code == 2);
  const CommandResult bad = run_kovgen({"render", sample, "-o", "-", "--anlagen", "hinten"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--anlagen erwartet getrennt") != std::string::npos);
}
