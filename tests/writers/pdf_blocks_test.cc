// The PDF writer's typography: which blocks the Markdown conventions become.
#include <doctest/doctest.h>

#include "pdf_blocks.h"

using namespace kovgen;
using namespace kovgen::layout;

namespace {

PdfContent blocks_of(const std::string& markdown) {
  MarkdownTree tree = parse_markdown(markdown);
  return pdf_blocks(tree.get());
}

std::string text_of(const Block& b) {
  std::string s;
  for (const Run& r : b.para.runs) s += r.text;
  return s;
}

}  // namespace

TEST_CASE("the first # is the centred title, ## and ### are outline levels 1 and 2") {
  PdfContent c = blocks_of("# Titel\n\n## § 1 Gegenstand\n\n### Absatz\n\nText.\n");
  REQUIRE(c.blocks.size() == 4);
  CHECK(c.blocks[0].para.align == Align::center);
  CHECK(c.blocks[0].para.outline_level == 0);
  CHECK(c.blocks[1].para.outline_level == 1);
  CHECK(c.blocks[1].para.outline_title == "§ 1 Gegenstand");
  CHECK(c.blocks[2].para.outline_level == 2);
  for (int i = 0; i < 3; ++i) CHECK(c.blocks[i].keep_with_next);
  CHECK_FALSE(c.blocks[3].keep_with_next);
  CHECK(c.blocks[3].para.align == Align::justify);
  CHECK(c.blocks[1].para.runs[0].style.face == Face::bold);
}

TEST_CASE("inline styles become runs: bold, italic, code, links, strike-through") {
  PdfContent c = blocks_of("a **b *c*** `d` [e](https://x.org) ~~f~~ g  \nh\n");
  REQUIRE(c.blocks.size() == 1);
  const auto& runs = c.blocks[0].para.runs;
  auto find = [&](const std::string& t) -> const Run* {
    for (const Run& r : runs)
      if (r.text == t) return &r;
    return nullptr;
  };
  REQUIRE(find("b "));
  CHECK(find("b ")->style.face == Face::bold);
  REQUIRE(find("c"));
  CHECK(find("c")->style.face == Face::bold_italic);
  REQUIRE(find("d"));
  CHECK(find("d")->style.face == Face::mono);
  REQUIRE(find("e"));
  CHECK(find("e")->link == "https://x.org");
  CHECK(find("e")->style.underline);
  REQUIRE(find("f"));
  CHECK(find("f")->style.strike);
  CHECK(text_of(c.blocks[0]) == "a b c d e f g\nh");  // hard break kept as "\n"
}

TEST_CASE("alerts are filled boxes with a coloured bar and the German title") {
  PdfContent c = blocks_of("> [!CAUTION]\n> **Abschnitt** fehlt.\n\n> Zitat\n");
  REQUIRE(c.boxes.size() == 2);
  CHECK(c.boxes[0].filled);
  CHECK(c.boxes[0].bar == Color{0xCF / 255.0f, 0x22 / 255.0f, 0x2E / 255.0f});
  CHECK_FALSE(c.boxes[1].filled);  // a plain quote: bar only
  REQUIRE(c.blocks.size() == 3);
  CHECK(text_of(c.blocks[0]) == "Achtung");
  CHECK(c.blocks[0].keep_with_next);
  CHECK(text_of(c.blocks[1]) == "Abschnitt fehlt.");  // no "[!CAUTION]"
  CHECK(c.blocks[0].box == 1);
  CHECK(c.blocks[1].box == 1);
  CHECK(c.blocks[2].box == 2);
  CHECK(c.blocks[2].indent_left > 0);
}

TEST_CASE("lists hang their markers, nesting indents further, task items get boxes") {
  PdfContent c = blocks_of("1. eins\n2. zwei\n   - tief\n\n- [ ] offen\n- [x] erledigt\n");
  REQUIRE(c.blocks.size() == 5);
  CHECK(c.blocks[0].para.marker == MarkerKind::text);
  CHECK(c.blocks[0].para.marker_runs[0].text == "1.");
  CHECK(c.blocks[1].para.marker_runs[0].text == "2.");
  CHECK(c.blocks[2].para.marker_runs[0].text == "–");
  CHECK(c.blocks[2].indent_left > c.blocks[1].indent_left);
  CHECK(c.blocks[1].indent_left > 0);
  CHECK(c.blocks[3].para.marker == MarkerKind::box_empty);
  CHECK(c.blocks[4].para.marker == MarkerKind::box_checked);
}

TEST_CASE("keep-together markers group blocks, a page-break marker breaks before the next") {
  PdfContent c = blocks_of(
      "Vorher\n\n<!-- kovgen:keep-together -->\n\nOrt, den \\_\\_\\_\\_\n\n"
      "\\_\\_\\_\\_\\_\\_\\_\\_\n\nName\n\n<!-- kovgen:end-keep-together -->\n\n"
      "<!-- kovgen:page-break -->\n\n## Anlagen\n");
  REQUIRE(c.blocks.size() == 5);
  CHECK(c.blocks[0].keep_group == 0);
  CHECK(c.blocks[1].keep_group != 0);
  CHECK(c.blocks[2].keep_group == c.blocks[1].keep_group);
  CHECK(c.blocks[3].keep_group == c.blocks[1].keep_group);
  CHECK(c.blocks[4].keep_group == 0);
  CHECK(c.blocks[4].page_break_before);
  CHECK_FALSE(c.blocks[3].page_break_before);
  // The signature line has room above it to sign on, the name right below.
  CHECK(c.blocks[2].space_before >= 20);
  CHECK(c.blocks[2].space_after <= 2);
  CHECK(c.blocks[1].space_before < 20);  // "Ort, den ____" is no signature line
}

TEST_CASE("tables keep header, cells and alignment") {
  PdfContent c = blocks_of("| A | B |\n| :-- | --: |\n| x | **y** |\n");
  REQUIRE(c.blocks.size() == 1);
  const Table& t = c.blocks[0].table;
  CHECK(c.blocks[0].kind == BlockKind::table);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0][0].runs[0].style.face == Face::bold);  // header
  CHECK(t.rows[1][0].runs[0].style.face == Face::regular);
  CHECK(t.rows[1][1].runs[0].style.face == Face::bold);
  REQUIRE(t.align.size() == 2);
  CHECK(t.align[0] == Align::left);
  CHECK(t.align[1] == Align::right);
}

TEST_CASE("code blocks keep their lines and indentation, other HTML is not shown") {
  PdfContent c = blocks_of("```\na\n  b\n```\n\n<div>x</div>\n\nText <b>fett</b>\n");
  REQUIRE(c.blocks.size() == 2);
  CHECK(text_of(c.blocks[0]) == "a\n\xC2\xA0\xC2\xA0" "b");
  CHECK(c.blocks[0].para.runs[0].style.face == Face::mono);
  CHECK(c.blocks[0].box == 1);
  CHECK(text_of(c.blocks[1]) == "Text fett");
}

TEST_CASE("missing glyphs are reported once per character for the whole document") {
  struct Metrics : GlyphMetrics {
    int advance(Face face, char32_t cp) const override {
      (void)face;
      return cp == U'山' ? -1 : 500;  // no face has it; the symbol face has U+FFFD
    }
  } metrics;
  PdfContent c = blocks_of("山\n\n山\n\n| 山 |\n| --- |\n");
  Diagnostics diag;
  resolve_pdf_glyphs(c, metrics, diag);
  CHECK(diag.items().size() == 1);
  CHECK(c.blocks[0].para.runs[0].style.face == Face::symbol);
  CHECK(c.blocks[0].para.runs[0].text == "\xEF\xBF\xBD");
}

TEST_CASE("a list keeps its first and last two items together and stays with its intro") {
  PdfContent c = blocks_of("Dazu gehören:\n\n- a\n- b\n- c\n- d\n\nDanach.\n");
  REQUIRE(c.blocks.size() == 6);
  CHECK(c.blocks[0].keep_with_next);   // the intro ends with ":"
  CHECK(c.blocks[1].keep_with_next);   // item a with item b
  CHECK_FALSE(c.blocks[2].keep_with_next);
  CHECK(c.blocks[3].keep_with_next);   // item c with item d
  CHECK_FALSE(c.blocks[4].keep_with_next);
  CHECK_FALSE(c.blocks[5].keep_with_next);
  PdfContent plain = blocks_of("Davor.\n\n- a\n- b\n");
  CHECK_FALSE(plain.blocks[0].keep_with_next);
}

TEST_CASE("a placeholder is a run of its own on a highlighted background, in tables too") {
  PdfContent c = blocks_of("Zuschuss \\[offen: Betrag – laut Bescheid\\] je Platz.\n\n| A | B |\n| --- | --- |\n| x | \\[offen: Datum\\] |\n");
  REQUIRE(c.blocks.size() == 2);
  const auto& runs = c.blocks[0].para.runs;
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].text == "Zuschuss ");
  CHECK_FALSE(runs[0].style.highlight);
  CHECK(runs[1].text == "[offen: Betrag – laut Bescheid]");
  CHECK(runs[1].style.highlight);
  CHECK_FALSE(runs[2].style.highlight);
  const auto& cell = c.blocks[1].table.rows[1][1].runs;
  REQUIRE(cell.size() == 1);
  CHECK(cell[0].style.highlight);
}

TEST_CASE("an equal-columns marker applies to the next table only") {
  PdfContent c = blocks_of("<!-- kovgen:equal-columns -->\n\n| a | b |\n| --- | --- |\n| x | y |\n\n"
                           "| c | d |\n| --- | --- |\n| x | y |\n");
  REQUIRE(c.blocks.size() == 2);
  CHECK(c.blocks[0].table.equal_columns);
  CHECK_FALSE(c.blocks[1].table.equal_columns);
}
