// A hyphen or slash inside a word is a break opportunity only after at least
// three letters: "Abc-" may end a line, "E-" of "E-Mail" may not. Fake font:
// 5 pt per character.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout.h"
#include "layout_fake_metrics.h"

using namespace kovgen;
using namespace kovgen::layout;
using kovgen::test::FakeMetrics;
using kovgen::test::line_text;
using kovgen::test::run;

namespace {

std::vector<std::string> lines_of(const std::string& text, float width, Align align = Align::left) {
  FakeMetrics m;
  std::vector<std::string> out;
  for (const Line& l : break_lines({run(text)}, width, align, 12, m)) out.push_back(line_text(l));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a short prefix before a hyphen stays with its word at a line end") {
  // "aaaa E-" would fit into 40 pt; "E-Mail" must not break there.
  CHECK(lines_of("aaaa E-Mail", 40) == Lines{"aaaa", "E-Mail"});
  CHECK(lines_of("aaaa E-Mail", 40, Align::justify) == Lines{"aaaa", "E-Mail"});
  CHECK(lines_of("aaaa Ab-Xyz", 40) == Lines{"aaaa", "Ab-Xyz"});
  CHECK(lines_of("aaaa A/Bcd", 35) == Lines{"aaaa", "A/Bcd"});
  CHECK(lines_of("aaaa Ab/Xyz", 40) == Lines{"aaaa", "Ab/Xyz"});
}

TEST_CASE("three letters before a hyphen or slash allow a break after it") {
  CHECK(lines_of("aaaa Abc-Xyz", 45) == Lines{"aaaa Abc-", "Xyz"});
  CHECK(lines_of("aaaa Abc/Xyz", 45) == Lines{"aaaa Abc/", "Xyz"});
  CHECK(lines_of("E-Mail-Adresse", 40) == Lines{"E-Mail-", "Adresse"});
}

TEST_CASE("letters before a hyphen are counted in characters, not bytes") {
  // "Öl" is three bytes but two letters.
  CHECK(lines_of("aaaa Öl-Tank", 40) == Lines{"aaaa", "Öl-Tank"});
  CHECK(lines_of("aaaa Ölk-Tank", 45) == Lines{"aaaa Ölk-", "Tank"});
}

TEST_CASE("no break after a hyphen that a digit follows") {
  CHECK(lines_of("aaaa Abcd-2026", 50) == Lines{"aaaa", "Abcd-2026"});
  CHECK(lines_of("aaaa Abcd-Xyz", 50) == Lines{"aaaa Abcd-", "Xyz"});
}
