// Kerning and hyphenation with the real fonts and patterns (issue 16): the
// kerning pairs the layout measures, and a golden layout of the paragraph that
// had the widest word gaps of the OGS sample (4.3 spaces) before hyphenation.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "german_hyphenator.h"
#include "layout.h"
#include "pdf_fonts.h"
#include "pdf_haru.h"
#include "test_support.h"

using namespace kovgen;
using namespace kovgen::layout;

// The source fonts' values (units per em 2048): V-o -264, T-e -143, W-a -164.
TEST_CASE("pdf typeset: Vo, Te and Wa are kerned in measured widths") {
  HaruDoc doc;
  PdfFonts fonts(doc, "");
  Diagnostics diag;
  REQUIRE(fonts.load(Face::regular, diag));
  CHECK(fonts.kerning(Face::regular, U'V', U'o') == -129);
  CHECK(fonts.kerning(Face::regular, U'T', U'e') == -70);
  CHECK(fonts.kerning(Face::regular, U'W', U'a') == -80);
  CHECK(fonts.kerning(Face::regular, U'o', U'V') == 0);
  CHECK(fonts.kerning(Face::bold, U'V', U'o') != 0);
  const Style s{Face::regular, 10};
  for (const char* pair : {"Vo", "Te", "Wa"}) {
    CAPTURE(pair);
    const float plain = float(fonts.advance(Face::regular, char32_t(pair[0])) +
                              fonts.advance(Face::regular, char32_t(pair[1]))) * 10 / 1000;
    const float kerned = plain + float(fonts.kerning(Face::regular, char32_t(pair[0]), char32_t(pair[1]))) * 10 / 1000;
    CHECK(text_width(fonts, s, pair) == doctest::Approx(kerned));
    CHECK(text_width(fonts, s, pair) < plain - 0.5f);
  }
}

static const char* const kParagraph =
    "(4) Für leistungsberechtigte Kinder werden die Leistungen für die gemeinschaftliche "
    "Mittagsverpflegung nach dem Bildungs- und Teilhabepaket (insbesondere § 28 Abs. 6 SGB II) "
    "unmittelbar mit dem zuständigen Leistungsträger abgerechnet.";

TEST_CASE("pdf typeset: the paragraph with the widest gaps is hyphenated as the golden says") {
  HaruDoc doc;
  PdfFonts fonts(doc, "");
  Diagnostics diag;
  REQUIRE(fonts.load(Face::regular, diag));
  const hyphenation::GermanHyphenator hyphenator;
  const PageGeometry page;
  const Style body{Face::regular, 11};
  const std::vector<Line> lines =
      break_lines({Run{kParagraph, body, {}}}, page.text_width(), Align::justify, 14.5f, fonts, &hyphenator);
  std::string got;
  for (const Line& l : lines) {
    for (const TextOp& op : l.texts) got += op.text;
    got += "\n";
  }
  // Before hyphenation its first line had to stretch its spaces to 4.3 times
  // their width; now no line but the last may exceed twice.
  const float space = text_width(fonts, body, " ");
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    int spaces = 0;
    for (const TextOp& op : lines[i].texts)
      for (char c : op.text) spaces += c == ' ';
    REQUIRE(spaces > 0);
    const float gap = space + (page.text_width() - lines[i].width) / float(spaces);
    CAPTURE(i);
    CHECK(gap / space <= 2.0f);
  }
  const std::string golden_path = test::source_dir() + "/tests/golden/typeset-paragraph.txt";
  if (std::getenv("KOVGEN_UPDATE_GOLDEN")) test::write_text(golden_path, got);
  INFO("the lines now (KOVGEN_UPDATE_GOLDEN=1 rewrites the golden):\n" << got);
  CHECK(got == test::read_text(golden_path));
}
