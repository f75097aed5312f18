// The Beschlussvorlage (kovgen vorlage): golden for the complete OGS sample, the
// proposal worded for the chosen body, and placeholders for its open headings.
#include <doctest/doctest.h>

#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;

namespace {

std::string council_paper(const std::string& answers_text, const std::string& body) {
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  auto loaded = load_answers(answers_text, "antworten.yaml", "", cache, diag);
  REQUIRE(loaded);
  ComposeOptions options;
  options.stand_fallback = Date{2026, 8, 1};  // as scripts/update-golden.sh
  options.council_paper_for = body;
  return make_draft(*loaded->tmpl, loaded->answers, options).markdown;
}

std::string complete_sample() {
  return test::read_text(test::source_dir() + "/samples/ogs/ogs-vollstaendig.yaml");
}

}  // namespace

TEST_CASE("the Beschlussvorlage of the complete OGS sample matches its golden") {
  const std::string golden = test::source_dir() + "/tests/golden/ogs-vollstaendig-beschlussvorlage.md";
  REQUIRE_MESSAGE(test::file_exists(golden), "run scripts/update-golden.sh");
  CHECK(council_paper(complete_sample(), "Rat") == test::read_text(golden));
}

TEST_CASE("the Rat decides, a committee recommends the decision to the Rat") {
  CHECK(council_paper(complete_sample(), "Rat").find("Der Rat beschließt den Abschluss der als Anlage beigefügten "
                                                     "Kooperationsvereinbarung") != std::string::npos);
  const std::string committee = council_paper(complete_sample(), "Jugendhilfeausschuss");
  CHECK(committee.find("Der Jugendhilfeausschuss empfiehlt dem Rat, den Abschluss") != std::string::npos);
  CHECK(committee.find("Der Rat beschließt") == std::string::npos);
}

TEST_CASE("the Beschlussvorlage's own share is the sum of the municipal amounts of Anlage 3") {
  const std::string paper = council_paper(complete_sample(), "Rat");
  // 2026/27 of the sample: Pflichtanteil 224.843,85 € + freiwilliger Zuschuss 308.000,00 €.
  CHECK(paper.find("| **Kommunaler Eigenanteil** | **532.843,85\u00A0€** |") != std::string::npos);
}

TEST_CASE("unanswered standard headings of the Beschlussvorlage are placeholders") {
  std::string answers = complete_sample();
  for (const char* line : {"  auswirkungen_klimaschutz: keine\n", "  haushaltsstelle: Produkt 03.01.02 Offene "
                                                                    "Ganztagsschule, Sachkonto 531800\n"}) {
    const size_t at = answers.find(line);
    REQUIRE(at != std::string::npos);
    answers.erase(at, std::string(line).size());
  }
  const std::string paper = council_paper(answers, "Rat");
  CHECK(paper.find("\\[offen: Auswirkungen auf den Klimaschutz – „keine“, wenn es keine gibt\\]") != std::string::npos);
  CHECK(paper.find("Haushaltsstelle: \\[offen: Haushaltsstelle der kommunalen Zuschüsse\\]") != std::string::npos);
}
