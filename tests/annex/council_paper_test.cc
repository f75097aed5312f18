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

TEST_CASE("the Beschlussvorlage has the parts of an NRW council paper in their order") {
  const std::string paper = council_paper(complete_sample(), "Rat");
  size_t at = 0;
  for (const char* heading :
       {"\n## Betreff\n", "\n## Beratungsfolge\n", "\n## Beschlussvorschlag\n", "\n## Sachverhalt\n",
        "\n## Finanzielle Auswirkungen\n", "\n## Auswirkungen auf den Klimaschutz\n",
        "\n## Auswirkungen auf die Gleichstellung\n", "\n## Anlagen\n"}) {
    CAPTURE(heading);
    const size_t next = paper.find(heading, at);
    REQUIRE(next != std::string::npos);
    at = next;
  }
  // The bodies in the order of the Gremien answers, each with its date.
  const size_t school = paper.find("| Schulausschuss der Stadt Musterhausen | 12.03.2026 |");
  const size_t council = paper.find("| Rat der Stadt Musterhausen | 26.03.2026 |");
  CHECK(school != std::string::npos);
  CHECK(council != std::string::npos);
  CHECK(school < council);
  // The own share highlighted, the budget line, and the Anlagen: the agreement and Anlage 3.
  CHECK(paper.find("| **Kommunaler Eigenanteil** |") != std::string::npos);
  CHECK(paper.find("Haushaltsstelle: Produkt 03.01.02") != std::string::npos);
  const std::string annexes = paper.substr(at);
  CHECK(annexes.find("- Entwurf der Kooperationsvereinbarung") != std::string::npos);
  CHECK(annexes.find("- Finanzierungsübersicht (Anlage 3 der Vereinbarung)") != std::string::npos);
}

TEST_CASE("a missing Land rate leaves the Beschlussvorlage's sums of that year open and the paper a draft") {
  std::string answers = complete_sample();
  const size_t from = answers.find("    - schuljahr: 2028/29");
  REQUIRE(from != std::string::npos);
  const size_t to = answers.find("  # Beispielwerte der Stadt", from);
  REQUIRE(to != std::string::npos);
  answers.erase(from, to - from);
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  auto loaded = load_answers(answers, "ohne.yaml", "", cache, diag);
  REQUIRE(loaded);
  ComposeOptions options;
  options.council_paper_for = "Rat";
  const Draft d = make_draft(*loaded->tmpl, loaded->answers, options);
  auto row = [&](const std::string& label) {
    const size_t at = d.markdown.find("| " + label + " |");
    REQUIRE(at != std::string::npos);
    return d.markdown.substr(at, d.markdown.find('\n', at) - at);
  };
  // 2028/29 is the last column: open where it needs the Land's amounts, never a partial sum.
  const std::string land = row("Landesmittel, an den Träger weitergeleitet");
  CHECK(land.substr(land.rfind("| ", land.size() - 3)).find("offen") != std::string::npos);
  const std::string total = row("Zuschüsse insgesamt");
  CHECK(total.substr(total.rfind("| ", total.size() - 3)).find("offen") != std::string::npos);
  CHECK(total.find("1.144.828,65") != std::string::npos);  // 2026/27 keeps its figure
  // The own share needs no Land amount: it stays a figure.
  const std::string own = row("**Kommunaler Eigenanteil**");
  CHECK(own.find("offen") == std::string::npos);
  CHECK(own.find("602.003,00") != std::string::npos);
  CHECK_FALSE(is_ready_to_sign(d.findings));
}
