// Line breaking and justification with a fixed-width fake font (5 pt per character).
#include <doctest/doctest.h>

#include "layout.h"
#include "layout_fake_metrics.h"

using namespace kovgen;
using namespace kovgen::layout;
using kovgen::test::FakeMetrics;
using kovgen::test::line_text;
using kovgen::test::run;

namespace {

// Right end of a line's ink.
float right_edge(const Line& line) {
  float r = 0;
  for (const auto& op : line.texts) r = std::max(r, op.x + op.width);
  return r;
}

}  // namespace

TEST_CASE("words wrap at the exact width") {
  FakeMetrics m;
  // Each word is 20 pt, a space 5 pt: two words (45 pt) fit in 50 pt, three do not.
  auto lines = break_lines({run("aaaa bbbb cccc dddd eeee")}, 50, Align::left, 12, m);
  REQUIRE(lines.size() == 3);
  CHECK(line_text(lines[0]) == "aaaa bbbb");
  CHECK(line_text(lines[1]) == "cccc dddd");
  CHECK(line_text(lines[2]) == "eeee");
  CHECK(lines[0].width == doctest::Approx(45));
  CHECK(lines[0].height == doctest::Approx(12));
  // A width of exactly 45 pt still takes two words.
  CHECK(break_lines({run("aaaa bbbb cccc")}, 45, Align::left, 12, m).size() == 2);
  CHECK(break_lines({run("aaaa bbbb cccc")}, 44.9f, Align::left, 12, m).size() == 3);
}

TEST_CASE("justified lines fill the width, the last line stays ragged") {
  FakeMetrics m;
  auto lines = break_lines({run("aa bb cc dd ee ff gg")}, 42, Align::justify, 12, m);
  REQUIRE(lines.size() >= 2);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    CHECK(right_edge(lines[i]) == doctest::Approx(42));
    CHECK(lines[i].texts.front().x == doctest::Approx(0));
  }
  CHECK(right_edge(lines.back()) < 42);
  // The stretched spaces are equal: the gaps between the words of line 1 are the same.
  const auto& ops = lines[0].texts;
  REQUIRE(ops.size() >= 3);
  const float gap1 = ops[1].x - (ops[0].x + 10);
  const float gap2 = ops[2].x - (ops[1].x + 10);
  CHECK(gap1 == doctest::Approx(gap2));
  CHECK(gap1 > 5);
}

TEST_CASE("a little slack is spread between all glyphs, keeping the line one op") {
  FakeMetrics m;
  // "aa bb cc" is 40 pt: 1 pt of slack over 7 gaps between 8 glyphs is 0.14 pt,
  // within 1.5 % of the 10 pt em; 2 pt would not be.
  auto lines = break_lines({run("aa bb cc dd")}, 41, Align::justify, 12, m);
  REQUIRE(lines.size() == 2);
  REQUIRE(lines[0].texts.size() == 1);
  CHECK(lines[0].texts[0].text == "aa bb cc");
  CHECK(lines[0].texts[0].char_spacing == doctest::Approx(1.0 / 7));
  CHECK(right_edge(lines[0]) == doctest::Approx(41));
  CHECK(lines[1].texts[0].char_spacing == 0);  // the last line stays as it is
  // Mixed styles: each op starts where the spaced glyphs before it end.
  lines = break_lines({run("aa "), run("bb", Face::bold), run(" cc dd")}, 41, Align::justify, 12, m);
  REQUIRE(lines[0].texts.size() == 3);
  CHECK(lines[0].texts[1].x == doctest::Approx(15 + 3.0 / 7));
  CHECK(right_edge(lines[0]) == doctest::Approx(41));
}

TEST_CASE("a line cut short by an unbreakable word stays ragged rather than full of holes") {
  FakeMetrics m;
  // "ab cd" (25 pt) before a 90 pt word in a 100 pt line: justifying would widen
  // the one space by 75 pt.
  auto lines = break_lines({run("ab cd " + std::string(18, 'x') + " ef")}, 100, Align::justify, 12, m);
  REQUIRE(lines.size() == 3);
  CHECK(line_text(lines[0]) == "ab cd");
  CHECK(right_edge(lines[0]) == doctest::Approx(25));
}

TEST_CASE("a forced break ends a ragged line inside a justified paragraph") {
  FakeMetrics m;
  auto lines = break_lines({run("aa bb\ncc dd ee ff")}, 100, Align::justify, 12, m);
  REQUIRE(lines.size() == 2);
  CHECK(line_text(lines[0]) == "aa bb");
  CHECK(right_edge(lines[0]) == doctest::Approx(25));  // not stretched
}

TEST_CASE("bold, italic and code runs share a line at their own positions") {
  FakeMetrics m;
  auto lines = break_lines({run("ab "), run("cd", Face::bold), run(" ef "),
                            run("gh", Face::mono), run(" ", Face::italic), run("ij", Face::italic)},
                           200, Align::left, 12, m);
  REQUIRE(lines.size() == 1);
  const auto& ops = lines[0].texts;
  REQUIRE(ops.size() == 5);
  // A space goes with the word before it.
  CHECK(ops[0].text == "ab ");
  CHECK(ops[1].text == "cd ");
  CHECK(ops[1].style.face == Face::bold);
  CHECK(ops[1].x == doctest::Approx(15));
  CHECK(ops[2].text == "ef ");
  CHECK(ops[2].x == doctest::Approx(30));
  CHECK(ops[3].style.face == Face::mono);
  CHECK(ops[3].x == doctest::Approx(45));
  CHECK(ops[4].style.face == Face::italic);
  CHECK(ops[4].x == doctest::Approx(60));
  CHECK(line_text(lines[0]) == "ab cd ef gh ij");
}

TEST_CASE("a word longer than the line is broken between characters") {
  FakeMetrics m;
  auto lines = break_lines({run("x " + std::string(25, 'w') + " y")}, 50, Align::justify, 12, m);
  std::string all;
  for (const auto& l : lines) {
    CHECK(right_edge(l) <= 50.001f);
    all += line_text(l);
  }
  CHECK(lines.size() >= 3);
  CHECK(all.find(std::string(10, 'w')) != std::string::npos);
}

TEST_CASE("hyphens and slashes inside words are break opportunities, numbers are not") {
  FakeMetrics m;
  auto lines = break_lines({run("Schul-/Jugendhilfe")}, 60, Align::left, 12, m);
  REQUIRE(lines.size() == 2);
  CHECK(line_text(lines[0]) == "Schul-/");
  CHECK(line_text(lines[1]) == "Jugendhilfe");
  // "2026/27" stays whole when it fits on a line.
  lines = break_lines({run("abc 2026/27")}, 40, Align::left, 12, m);
  REQUIRE(lines.size() == 2);
  CHECK(line_text(lines[1]) == "2026/27");
}

TEST_CASE("no line break after a section sign") {
  FakeMetrics m;
  // "aaaaaa §" would fit in 40 pt, but "§" stays with its number.
  auto lines = break_lines({run("aaaaaa § 12")}, 40, Align::left, 12, m);
  REQUIRE(lines.size() == 2);
  CHECK(line_text(lines[1]) == "§ 12");
}

TEST_CASE("missing glyphs move to the symbol face or become visible replacements") {
  FakeMetrics m;
  m.missing = {U'✓', U'一'};
  m.symbol_has = {U'✓', 0xFFFD};
  Diagnostics diag;
  auto runs = resolve_glyphs({run("ok ✓ 一x")}, m, diag);
  REQUIRE(runs.size() == 5);
  CHECK(runs[0].text == "ok ");
  CHECK(runs[1].text == "✓");
  CHECK(runs[1].style.face == Face::symbol);
  CHECK(runs[2].text == " ");
  CHECK(runs[3].text == "\xEF\xBF\xBD");  // U+FFFD
  CHECK(runs[3].style.face == Face::symbol);
  CHECK(runs[4].text == "x");
  REQUIRE(diag.items().size() == 1);
  CHECK(diag.items()[0].severity == Severity::warning);
  CHECK(diag.items()[0].message.find("U+4E00") != std::string::npos);
  CHECK_FALSE(diag.has_errors());

  // Without U+FFFD in any font, a question mark in the text's own face.
  m.symbol_has.clear();
  Diagnostics diag2;
  runs = resolve_glyphs({run("一")}, m, diag2);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].text == "?");
  CHECK(runs[0].style.face == Face::regular);
}

TEST_CASE("zero-width characters are dropped, tabs become spaces") {
  FakeMetrics m;
  Diagnostics diag;
  auto runs = resolve_glyphs({run("Ganz\xE2\x80\x8Btag\xE2\x80\x8B\tx")}, m, diag);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].text == "Ganztag x");
  CHECK(diag.items().empty());
}

TEST_CASE("links and decorations keep their style on the line") {
  FakeMetrics m;
  Run link = run("hier");
  link.link = "https://example.org";
  link.style.underline = true;
  auto lines = break_lines({run("siehe "), link}, 200, Align::left, 12, m);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].texts.size() == 2);
  CHECK(lines[0].texts[1].link == "https://example.org");
  REQUIRE(lines[0].lines.size() == 1);  // the underline
  CHECK(lines[0].lines[0].x1 == doctest::Approx(30));
  CHECK(lines[0].lines[0].x2 == doctest::Approx(50));
}

TEST_CASE("references and quantities stay on one line") {
  FakeMetrics m;
  // Each case fits on one 60 pt line only if broken before the number or unit.
  for (std::string text : {"aaaaaa Abs. 3", "aaaaaa Nr. 12", "aaaaaa Anlage 1",
                           "aaaaaaa 4,20 €", "aaaaa 16:30 Uhr", "aaaaaaaa 50 %."}) {
    CAPTURE(text);
    auto lines = break_lines({run(text)}, 60, Align::left, 12, m);
    REQUIRE(lines.size() == 2);
    CHECK(line_text(lines[0]).find(' ') == std::string::npos);  // the first word alone
  }
  // Without a number the words are free to part.
  auto lines = break_lines({run("aaaaaa Abs. x")}, 60, Align::left, 12, m);
  REQUIRE(lines.size() == 2);
  CHECK(line_text(lines[1]) == "x");
}

TEST_CASE("a text too wide is cut to the longest prefix that fits with an ellipsis") {
  FakeMetrics m;  // 5 pt per character at 10 pt
  const Style s{Face::regular, 10};
  CHECK(fit_with_ellipsis(m, s, "Lindenhof", 45) == "Lindenhof");
  CHECK(fit_with_ellipsis(m, s, "Lindenhof", 40) == "Lindenh…");
  CHECK(fit_with_ellipsis(m, s, "Grünau Süd", 25) == "Grün…");  // cut between code points
  CHECK(fit_with_ellipsis(m, s, "Lindenhof", 3) == "…");
  // Found by fuzz/pdf: a whole input as one heading became the page header, and
  // shortening it one character at a time took seconds.
  const std::string huge(200000, 'x');
  CHECK(fit_with_ellipsis(m, s, huge, 100) == std::string(19, 'x') + "…");
}

TEST_CASE("highlighted text gets one background rectangle per line, below the text") {
  FakeMetrics m;
  Run before = run("aaaa ");
  Run marked = run("bbbb cccc");
  marked.style.highlight = true;
  Run after = run(" dddd");
  auto lines = break_lines({before, marked, after}, 200, Align::left, 12, m);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].rects.size() == 1);
  const RectOp& r = lines[0].rects[0];
  // From "bbbb" (x 25) to the end of "cccc" (x 70), with a point of margin.
  CHECK(r.x == doctest::Approx(24));
  CHECK(r.x + r.w >= 70);
  CHECK(r.x + r.w <= 77);  // and the space after it
  CHECK(r.h > 0);
  // Nothing highlighted, nothing drawn.
  CHECK(break_lines({run("aaaa bbbb")}, 200, Align::left, 12, m)[0].rects.empty());
}
