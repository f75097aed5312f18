// The Nachtrag: amendment instructions in German drafting style for the changes
// between two versions, and the whole document for the school year update
// against its golden file.
#include <doctest/doctest.h>

#include <cstdlib>

#include "agreement_diff.h"
#include "nachtrag.h"
#include "test_support.h"
#include "version_pairs.h"

using namespace kovgen;
using namespace kovgen::diff;

namespace {

std::string render(const std::string& yaml) { return test::render_agreement(yaml); }

std::vector<std::string> sentences(const std::string& pair_name) {
  const auto pair = test::version_pair(pair_name);
  const AgreementDiff d(render(pair.old_yaml), render(pair.new_yaml));
  std::vector<std::string> out;
  for (const auto& i : amendment_instructions(d)) out.push_back(i.sentence);
  return out;
}

const std::string kSection = "\u00A7\u00A0";  // "§" and a no-break space, as kovgen writes it

}  // namespace

TEST_CASE("nachtrag: a changed amount is an Angabe replaced in its paragraph") {
  CHECK(sentences("changed amount") ==
        std::vector<std::string>{"In " + kSection + "12 Absatz 2 wird die Angabe \u201E75,00\u00A0\u20AC\u201C "
                                 "durch die Angabe \u201E78,50\u00A0\u20AC\u201C ersetzt."});
}

TEST_CASE("nachtrag: a clause switched off is a paragraph repealed and the next renumbered") {
  CHECK(sentences("clause switched off") == std::vector<std::string>{kSection + "3 wird wie folgt ge\u00E4ndert:",
                                                                     "a) Absatz 6 wird aufgehoben.",
                                                                     "b) Der bisherige Absatz 7 wird Absatz 6."});
}

TEST_CASE("nachtrag: a clause switched on is a paragraph inserted with its wording") {
  const auto pair = test::version_pair("clause switched on");
  const AgreementDiff d(render(pair.old_yaml), render(pair.new_yaml));
  const auto instructions = amendment_instructions(d);
  REQUIRE(instructions.size() == 3);
  CHECK(instructions[1].sentence == "a) Nach Absatz 5 wird folgender Absatz 6 eingef\u00FCgt:");
  REQUIRE(instructions[1].wording.size() == 1);
  CHECK(instructions[1].wording[0].rfind("\u201E(6) Die Fachkr\u00E4fte f\u00F6rdern die sprachliche Bildung", 0) == 0);
  CHECK(instructions[2].sentence == "b) Der bisherige Absatz 6 wird Absatz 7.");
}

TEST_CASE("nachtrag: a changed party name is replaced throughout") {
  CHECK(sentences("changed party name") ==
        std::vector<std::string>{"In der Vereinbarung wird die Angabe \u201EKreisverband Musterkreis e.V.\u201C jeweils durch "
                                 "die Angabe \u201EMusterkreis gGmbH\u201C ersetzt."});
}

TEST_CASE("nachtrag: a whole section repealed, and those after it renumbered") {
  const std::string before = render(test::ogs_sample_yaml());
  // § 9 taken out, as a new template version would render the agreement.
  std::string after = before;
  const size_t start = after.find("## " + kSection + "9 ");
  REQUIRE(start != std::string::npos);
  after.erase(start, after.find("\n## ", start + 1) + 1 - start);
  int last = 9;
  for (int n = 10; n < 60; ++n) {
    const size_t at = after.find("## " + kSection + std::to_string(n) + " ");
    if (at == std::string::npos) break;
    after.replace(at, ("## " + kSection + std::to_string(n)).size(), "## " + kSection + std::to_string(n - 1));
    last = n;
  }
  const auto out = amendment_instructions(AgreementDiff(before, after));
  REQUIRE(out.size() == 2);
  CHECK(out[0].sentence == kSection + "9 wird aufgehoben.");
  CHECK(out[1].sentence == "Die bisherigen \u00A7\u00A7\u00A010 bis " + std::to_string(last) + " werden die \u00A7\u00A7\u00A09 bis " +
                               std::to_string(last - 1) + ".");
}

TEST_CASE("nachtrag: ordinals") {
  CHECK(nachtrag_ordinal(1) == "Erster");
  CHECK(nachtrag_ordinal(3) == "Dritter");
  CHECK(nachtrag_ordinal(12) == "Zw\u00F6lfter");
  CHECK(nachtrag_ordinal(13) == "13.");
}

TEST_CASE("nachtrag: the school year update reads as its golden file") {
  const auto pair = test::version_pair("school year update");
  const AgreementDiff d(render(pair.old_yaml), render(pair.new_yaml));
  const std::string actual = nachtrag_markdown(d, {1, "30. M\u00E4rz 2026", "1. August 2027"});
  const std::string golden_path = test::source_dir() + "/tests/golden/nachtrag-schuljahr.md";
  // KOVGEN_UPDATE_GOLDEN=1 writes the golden file (scripts/update-golden.sh); review its diff.
  if (std::getenv("KOVGEN_UPDATE_GOLDEN")) test::write_text(golden_path, actual);
  CHECK(actual == test::read_text(golden_path));
}
