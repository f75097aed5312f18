// The German hyphenation points from hyphen-de's patterns (src/hyphenation):
// "-" marks a syllable break, "=" the joint of a compound.
#include <doctest/doctest.h>

#include <string>

#include "german_hyphenator.h"
#include "utf8.h"

using namespace kovgen;

namespace {

std::string marked(const std::string& word) {
  const auto points = hyphenation::german_hyphen_points(word);
  std::string out;
  size_t next = 0;
  int letters = 0;
  for (size_t pos = 0; pos < word.size();) {
    while (next < points.size() && points[next].letters == letters) {
      out += points[next].joint ? "=" : "-";
      ++next;
    }
    append_utf8(out, next_code_point(word, pos));
    ++letters;
  }
  return out;
}

}  // namespace

TEST_CASE("German words break at syllables, compounds at joints the compound list knows") {
  CHECK(marked("Mittagsverpflegung") == "Mit-tags=ver-pfle-gung");
  CHECK(marked("Gruppenzahlen") == "Grup-pen=zah-len");
  CHECK(marked("Kooperationsvereinbarung") == "Ko=ope-ra-ti-ons=ver=ein-ba-rung");
  CHECK(marked("Bezirksregierung") == "Be=zirks=re=gie-rung");
  CHECK(marked("Auflage") == "Auf=la-ge");
  CHECK(marked("Ganztagsschulen") == "Ganz-tags-schu-len");
  CHECK(marked("Schulträger") == "Schul-trä-ger");
  CHECK(marked("Zuständigkeit") == "Zu-stän-dig-keit");
  CHECK(marked("Betreuungszeiten") == "Be-treu-ungs-zei-ten");
}

TEST_CASE("no one-letter syllable between two points") {
  // libhyphen gives "Schul-so-zi-a-l-ar-beit".
  CHECK(marked("Schulsozialarbeit") == "Schul-so-zialar-beit");
}

TEST_CASE("upper case hyphenates like lower case, and the sharp s is a letter") {
  CHECK(marked("ZUSTÄNDIGKEIT") == "ZU-STÄN-DIG-KEIT");
  CHECK(marked("Straßenverkehr") == marked("straßenverkehr").replace(0, 1, "S"));
}

TEST_CASE("words with characters the patterns do not know get no points") {
  CHECK(hyphenation::german_hyphen_points("Schule2026").empty());
  CHECK(hyphenation::german_hyphen_points("Łódźstraße").empty());
  CHECK(hyphenation::german_hyphen_points("").empty());
}

TEST_CASE("the cached hyphenator gives the same points twice") {
  const hyphenation::GermanHyphenator h;
  std::vector<layout::HyphenPoint> first, second;
  h.hyphenate("Mittagsverpflegung", first);
  h.hyphenate("Mittagsverpflegung", second);
  REQUIRE(first.size() == second.size());
  REQUIRE(first.size() == hyphenation::german_hyphen_points("Mittagsverpflegung").size());
  for (size_t i = 0; i < first.size(); ++i) CHECK(first[i].letters == second[i].letters);
}
