// Word-level comparison: tokens a reader sees as one, and edits joined as a
// reviewer wants to read them.
#include <doctest/doctest.h>

#include "word_diff.h"

using namespace kovgen::diff;

namespace {

std::string show(const std::vector<Piece>& pieces) {
  std::string out;
  for (const auto& p : pieces) out += (p.edit == Edit::same ? "=" : p.edit == Edit::added ? "+" : "-") + p.text + "|";
  return out;
}

}  // namespace

TEST_CASE("word tokens keep figures, times and school years whole and Markdown marks apart") {
  CHECK(word_tokens("je 1.105,00 € ab 7:30 Uhr") ==
        std::vector<std::string>{"je", " ", "1.105,00", " ", "€", " ", "ab", " ", "7:30", " ", "Uhr"});
  CHECK(word_tokens("**Stadt Musterhausen**,") ==
        std::vector<std::string>{"*", "*", "Stadt", " ", "Musterhausen", "*", "*", ","});
  CHECK(word_tokens("Schuljahr 2026/27.") == std::vector<std::string>{"Schuljahr", " ", "2026/27", "."});
  CHECK(word_tokens("Größe") == std::vector<std::string>{"Größe"});
}

TEST_CASE("a changed amount is one replacement") {
  CHECK(show(word_diff("beträgt 1.105,00 € je Platz", "beträgt 1.138,00 € je Platz")) ==
        "=beträgt |-1.105,00|+1.138,00|= € je Platz|");
}

TEST_CASE("neighbouring changed words join into one replacement") {
  CHECK(show(word_diff("die AWO Kreisverband Musterkreis e.V. stellt", "die AWO Musterkreis gGmbH stellt")) ==
        "=die AWO |-Kreisverband |=Musterkreis |-e.V.|+gGmbH|= stellt|");
  CHECK(show(word_diff("a b c d", "x y c d")) == "-a b|+x y|= c d|");
}

TEST_CASE("insertions and deletions of words") {
  CHECK(show(word_diff("Kinder spielen", "Kinder spielen draußen")) == "=Kinder spielen|+ draußen|");
  CHECK(show(word_diff("Kinder spielen draußen", "Kinder spielen")) == "=Kinder spielen|- draußen|");
  CHECK(word_diff("gleich", "gleich").size() == 1);
}

TEST_CASE("similarity tells a changed paragraph from a different one") {
  CHECK(similarity("Der Träger stellt das Personal.", "Der Träger stellt das Fachpersonal.") > 0.7);
  CHECK(similarity("Der Träger stellt das Personal.", "Die Schule hat das Hausrecht.") < 0.5);
  CHECK(similarity("", "") == 1.0);
}

TEST_CASE("compare_sequences gives each element's index on its side") {
  const auto steps = compare_sequences({"a", "b", "c"}, {"a", "c", "d"});
  REQUIRE(steps.size() == 4);
  CHECK((steps[0].edit == Edit::same && steps[0].before == 0 && steps[0].after == 0));
  CHECK((steps[1].edit == Edit::removed && steps[1].before == 1));
  CHECK((steps[2].edit == Edit::same && steps[2].before == 2 && steps[2].after == 1));
  CHECK((steps[3].edit == Edit::added && steps[3].after == 2));
  // dtl swaps the sides internally when the first is longer: the indices must not.
  const auto longer_first = compare_sequences({"a", "b", "c", "d"}, {"b"});
  REQUIRE(longer_first.size() == 4);
  CHECK((longer_first[1].edit == Edit::same && longer_first[1].before == 1 && longer_first[1].after == 0));
  CHECK((longer_first[0].edit == Edit::removed && longer_first[0].before == 0));
  CHECK((longer_first[3].edit == Edit::removed && longer_first[3].before == 3));
}

TEST_CASE("dashes, quotes and currency signs are not parts of words") {
  CHECK(word_tokens("8:00–16:00 Uhr") == std::vector<std::string>{"8:00", "–", "16:00", " ", "Uhr"});
  CHECK(word_tokens("„Träger“") == std::vector<std::string>{"„", "Träger", "“"});
  CHECK(word_tokens("5 €") == std::vector<std::string>{"5", " ", "€"});
}

TEST_CASE("a date written out is one token, so a new date is one replacement, not two changed words") {
  CHECK(word_tokens("ab dem 1. August 2026 gilt") ==
        std::vector<std::string>{"ab", " ", "dem", " ", "1. August 2026", " ", "gilt"});
  CHECK(word_tokens("bis zum 30.\u00A0März.") == std::vector<std::string>{"bis", " ", "zum", " ", "30.\u00A0März", "."});
  CHECK(word_tokens("im 3. Maiplan") == std::vector<std::string>{"im", " ", "3", ".", " ", "Maiplan"});
  CHECK(show(word_diff("Stand: 30. März 2026", "Stand: 15. April 2026")) == "=Stand: |-30. März 2026|+15. April 2026|");
  CHECK(show(word_diff("gilt ab 1. August 2026.", "gilt ab 1. August 2027.")) ==
        "=gilt ab |-1. August 2026|+1. August 2027|=.|");
}
