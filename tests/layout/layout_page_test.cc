// Pagination with a fixed-width fake font: widows and orphans, keep-with-next,
// keep-together groups, table header repeat, boxes, margins, page furniture, and
// parts that count their own pages.
#include <doctest/doctest.h>

#include <map>

#include "layout.h"
#include "layout_fake_metrics.h"
#include "markdown_conventions.h"
#include "markdown_tree.h"
#include "pdf_blocks.h"
#include "test_support.h"

using namespace kovgen;
using namespace kovgen::layout;
using kovgen::test::FakeMetrics;
using kovgen::test::run;

namespace {

// A small page: 120 pt of text height (ten lines of 12 pt), 200 pt of text width.
PageGeometry small_page() {
  PageGeometry g;
  g.width = 240;
  g.height = 160;
  g.margin_left = g.margin_right = 20;
  g.margin_top = g.margin_bottom = 20;
  return g;
}

Block para(const std::string& text, float leading = 12) {
  Block b;
  b.para.runs = {run(text)};
  b.para.leading = leading;
  return b;
}

// A paragraph of n lines on a 200 pt line: words "tag0xxx..." of 40 characters
// (200 pt), each filling a line.
Block lines_para(const std::string& tag, int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    const std::string word = tag + std::to_string(i);
    text += (i ? " " : "") + word + std::string(40 - word.size(), 'x');
  }
  return para(text);
}

// On which page each text starting with `tag` ended up.
std::map<int, int> lines_per_page(const std::vector<Page>& pages, const std::string& tag) {
  std::map<int, int> count;
  for (size_t p = 0; p < pages.size(); ++p)
    for (const auto& t : pages[p].texts)
      if (t.text.rfind(tag, 0) == 0) ++count[int(p)];
  return count;
}

bool page_has(const Page& page, const std::string& text) {
  for (const auto& t : page.texts)
    if (t.text.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("a page holds as many lines as fit, then breaks") {
  FakeMetrics m;
  auto pages = layout_document({lines_para("a", 25)}, {}, small_page(), m);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].texts.size() == 10);
  CHECK(pages[1].texts.size() == 10);
  CHECK(pages[2].texts.size() == 5);
  CHECK(pages[1].texts[0].y == doctest::Approx(pages[0].texts[0].y));
}

TEST_CASE("no orphan: a paragraph does not leave its first line alone at the bottom") {
  FakeMetrics m;
  // 9 lines fill the page but one; the next paragraph has 4 lines.
  auto pages = layout_document({lines_para("a", 9), lines_para("b", 4)}, {}, small_page(), m);
  auto b = lines_per_page(pages, "b");
  CHECK(b[0] == 0);
  CHECK(b[1] == 4);
}

TEST_CASE("no widow: a paragraph does not leave its last line alone at the top") {
  FakeMetrics m;
  // 6 lines, then a paragraph of 5: 4 would fit, leaving 1 for the next page.
  auto pages = layout_document({lines_para("a", 6), lines_para("b", 5)}, {}, small_page(), m);
  auto b = lines_per_page(pages, "b");
  CHECK(b[0] == 3);
  CHECK(b[1] == 2);
  // Every split paragraph keeps at least two lines on each page.
  for (int n = 2; n <= 12; ++n)
    for (int before = 1; before <= 10; ++before) {
      auto p = layout_document({lines_para("a", before), lines_para("b", n)}, {}, small_page(), m);
      for (auto [page, count] : lines_per_page(p, "b")) {
        CAPTURE(n);
        CAPTURE(before);
        CHECK(count >= 2);
      }
    }
}

TEST_CASE("a heading stays with the next paragraph") {
  FakeMetrics m;
  Block heading = para("Heading");
  heading.keep_with_next = true;
  // 8 lines, heading (line 9), then a 3-line paragraph that cannot split.
  auto pages = layout_document({lines_para("a", 8), heading, lines_para("b", 3)}, {}, small_page(), m);
  REQUIRE(pages.size() == 2);
  CHECK_FALSE(page_has(pages[0], "Heading"));
  CHECK(page_has(pages[1], "Heading"));
  CHECK(pages[1].texts[0].text == "Heading");
}

TEST_CASE("a keep-together group moves to the next page whole") {
  FakeMetrics m;
  std::vector<Block> blocks = {lines_para("a", 7)};
  for (int i = 0; i < 4; ++i) {
    Block b = para("sig" + std::to_string(i));
    b.keep_group = 1;
    blocks.push_back(b);
  }
  auto pages = layout_document(blocks, {}, small_page(), m);
  REQUIRE(pages.size() == 2);
  CHECK(lines_per_page(pages, "sig")[1] == 4);
  CHECK(lines_per_page(pages, "sig")[0] == 0);
}

TEST_CASE("a group taller than a page is broken rather than lost") {
  FakeMetrics m;
  std::vector<Block> blocks;
  for (int i = 0; i < 15; ++i) {
    Block b = para("g" + std::to_string(i));
    b.keep_group = 1;
    blocks.push_back(b);
  }
  auto pages = layout_document(blocks, {}, small_page(), m);
  CHECK(pages.size() == 2);
  CHECK(lines_per_page(pages, "g").size() == 2);
}

TEST_CASE("a page break marker starts a new page, space before is dropped at the top") {
  FakeMetrics m;
  Block second = para("second");
  second.page_break_before = true;
  second.space_before = 30;
  auto pages = layout_document({para("first"), second}, {}, small_page(), m);
  REQUIRE(pages.size() == 2);
  CHECK(pages[1].texts[0].y == doctest::Approx(pages[0].texts[0].y));
}

TEST_CASE("the table header row repeats after a page break, rows never split") {
  FakeMetrics m;
  Block t;
  t.kind = BlockKind::table;
  t.table.leading = 12;
  t.table.rows.push_back({{{run("Head A")}}, {{run("Head B")}}});
  // Row i has a tag "<i>" in its first cell and three lines in its second.
  for (int i = 0; i < 20; ++i) {
    const std::string tag = "<" + std::to_string(i) + ">";
    t.table.rows.push_back({{{run(tag)}}, {{run(tag + "aaaaaaaaaaaaaaaaaaaaaaaaa " + tag + "bbbbbbbbbbbbbbbbbbbbbbbbb " + tag + "c")}}});
  }
  auto pages = layout_document({t}, {}, small_page(), m);
  REQUIRE(pages.size() > 3);
  for (const Page& p : pages) {
    // The first texts of every page are the header row.
    REQUIRE(p.texts.size() >= 2);
    CHECK(p.texts[0].text == "Head A");
    CHECK(p.texts[1].text == "Head B");
  }
  // All four pieces of a row are on the same page.
  for (int i = 0; i < 20; ++i) {
    const std::string tag = "<" + std::to_string(i) + ">";
    std::map<int, int> on;
    for (size_t p = 0; p < pages.size(); ++p)
      for (const auto& op : pages[p].texts)
        if (op.text.rfind(tag, 0) == 0) ++on[int(p)];
    CAPTURE(tag);
    CHECK(on.size() == 1);
    CHECK(on.begin()->second == 4);
  }
  // The header is never alone at the bottom of a page: row 0 is with it.
  CHECK(page_has(pages[0], "<0>"));
}

namespace {

// How far the second column starts after the first, for a two-column table whose
// second column holds the long text.
float first_column_width(bool equal_columns) {
  FakeMetrics m;
  Block t;
  t.kind = BlockKind::table;
  t.table.equal_columns = equal_columns;
  t.table.rows.push_back({{{run("A")}}, {{run("B")}}});
  t.table.rows.push_back({{{run("x")}}, {{run("a much longer cell text")}}});
  auto pages = layout_document({t}, {}, small_page(), m);
  REQUIRE(pages.size() == 1);
  float xa = -1, xb = -1;
  for (const auto& op : pages[0].texts) {
    if (op.text == "A") xa = op.x;
    if (op.text == "B") xb = op.x;
  }
  return xb - xa;
}

}  // namespace

TEST_CASE("column widths follow the content") {
  // The narrow column gets less than half of the 200 pt.
  const float width = first_column_width(false);
  CHECK(width < 60);
  CHECK(width > 10);
}

TEST_CASE("an equal-columns table shares the width equally whatever its cells hold") {
  // Half of the 200 pt, where the content alone gives the first column less than 60.
  CHECK(first_column_width(true) == doctest::Approx(100).epsilon(0.001));
}

TEST_CASE("nothing is drawn beyond the margins") {
  FakeMetrics m;
  const PageGeometry g;  // A4
  // The real fixture, through the real typography, with the fake font.
  MarkdownTree tree = parse_markdown(kovgen::test::read_text(kovgen::test::source_dir() + "/tests/data/pdf/agreement.md"));
  PdfContent content = pdf_blocks(tree.get());
  auto pages = layout_document(content.blocks, content.boxes, g, m);
  add_page_furniture(pages, "Titel", g, m);
  REQUIRE(pages.size() >= 3);
  const float left = g.margin_left - 0.01f, right = g.width - g.margin_right + 0.01f;
  const float top = g.margin_top - 0.01f, bottom = g.height - g.margin_bottom + 0.01f;
  int checked = 0;
  for (const Page& p : pages) {
    for (const auto& t : p.texts) {
      CAPTURE(t.text);
      CHECK(t.x >= left);
      CHECK(t.x + t.width <= right);
      CHECK(t.y - t.style.size * 0.9f >= top);  // ascender
      CHECK(t.y + t.style.size * 0.25f <= bottom);  // descender
      ++checked;
    }
    for (const auto& r : p.rects) {
      CHECK(r.x >= left);
      CHECK(r.x + r.w <= right);
      CHECK(r.y >= top);
      CHECK(r.y + r.h <= bottom);
    }
    for (const auto& l : p.lines) {
      CHECK(std::min(l.x1, l.x2) >= left);
      CHECK(std::max(l.x1, l.x2) <= right);
      CHECK(std::min(l.y1, l.y2) >= top);
      CHECK(std::max(l.y1, l.y2) <= bottom);
    }
    // Header and footer lie in the margins, inside the paper.
    for (const auto& t : p.furniture) {
      CHECK(t.x >= left);
      CHECK(t.x + t.width <= right);
      CHECK((t.y < top || t.y > bottom));
      CHECK(t.y > 0);
      CHECK(t.y < g.height);
    }
  }
  CHECK(checked > 500);
}

TEST_CASE("a box split across pages gets its padding on both parts, inside the margins") {
  FakeMetrics m;
  const PageGeometry g = small_page();
  Box box;
  box.filled = true;
  box.padding = 5;
  std::vector<Block> blocks = {lines_para("a", 6)};
  Block inside = lines_para("b", 8);
  inside.box = 1;
  blocks.push_back(inside);
  auto pages = layout_document(blocks, {box}, g, m);
  REQUIRE(pages.size() == 2);
  for (const Page& p : pages) {
    REQUIRE(p.rects.size() == 2);  // fill and bar
    const RectOp& r = p.rects[0];
    CHECK(r.y >= g.margin_top - 0.01f);
    CHECK(r.y + r.h <= g.height - g.margin_bottom + 0.01f);
    // The box encloses its lines with the padding.
    for (const auto& t : p.texts)
      if (t.text[0] == 'b') {
        CHECK(t.y - 8 >= r.y);
        CHECK(t.y + 2 <= r.y + r.h);
      }
  }
  auto b = lines_per_page(pages, "b");
  CHECK(b[0] >= 2);
  CHECK(b[1] >= 2);
}

TEST_CASE("every page gets the title and Seite X von Y") {
  FakeMetrics m;
  auto pages = layout_document({lines_para("a", 25)}, {}, small_page(), m);
  add_page_furniture(pages, "Kooperationsvereinbarung über die Offene Ganztagsschule Am Lindenhof", small_page(), m);
  REQUIRE(pages.size() == 3);
  for (size_t i = 0; i < pages.size(); ++i) {
    REQUIRE(pages[i].furniture.size() == 2);
    CHECK(pages[i].furniture[1].text == "Seite " + std::to_string(i + 1) + " von 3");
  }
  // A title wider than the text area is shortened with an ellipsis.
  CHECK(pages[0].furniture[0].text.find("…") != std::string::npos);
  CHECK(pages[0].furniture[0].width <= 200.01f);
}

TEST_CASE("the header title falls back to the symbol face like the body, and stays within the line") {
  FakeMetrics m;
  m.missing = {U'✓', U'中'};
  m.symbol_has = {U'✓', 0xFFFD};
  auto pages = layout_document({lines_para("a", 2)}, {}, small_page(), m);
  add_page_furniture(pages, "Vertrag ✓ und 中", small_page(), m);
  REQUIRE(pages.size() == 1);
  const auto& f = pages[0].furniture;
  REQUIRE(f.size() == 5);  // "Vertrag ", "✓", " und ", "�" (for 中), then the footer
  CHECK(f[0].text == "Vertrag ");
  CHECK(f[1].text == "✓");
  CHECK(f[1].style.face == Face::symbol);
  CHECK(f[2].style.face == Face::regular);
  CHECK(f[3].text == "\xEF\xBF\xBD");
  CHECK(f[3].style.face == Face::symbol);
  for (size_t i = 1; i < 4; ++i) CHECK(f[i].x == doctest::Approx(f[i - 1].x + f[i - 1].width));
  // Centred as a whole.
  const float left = f[0].x, right = f[3].x + f[3].width;
  CHECK((left - small_page().margin_left) == doctest::Approx(small_page().width - small_page().margin_right - right));

  // Too long: shortened across runs, the ellipsis in the style of the run where it ends.
  auto long_pages = layout_document({lines_para("a", 2)}, {}, small_page(), m);
  add_page_furniture(long_pages, std::string(30, 'x') + " ✓ " + std::string(60, 'y'), small_page(), m);
  const auto& g = long_pages[0].furniture;
  REQUIRE(g.size() == 4);
  CHECK(g[2].text.find("…") != std::string::npos);
  CHECK(g[2].x + g[2].width - g[0].x <= small_page().text_width() + 0.01f);
}

TEST_CASE("headings carry outline anchors with their page position") {
  FakeMetrics m;
  Block h = para("§ 1 Gegenstand");
  h.para.outline_level = 1;
  h.para.outline_title = "§ 1 Gegenstand";
  h.keep_with_next = true;
  auto pages = layout_document({lines_para("a", 9), h, lines_para("b", 2)}, {}, small_page(), m);
  REQUIRE(pages.size() == 2);
  REQUIRE(pages[1].anchors.size() == 1);
  CHECK(pages[1].anchors[0].title == "§ 1 Gegenstand");
  CHECK(pages[1].anchors[0].y == doctest::Approx(20));
}

TEST_CASE("a box that fills a page still has room for its bottom padding") {
  FakeMetrics m;
  const PageGeometry g = small_page();  // 120 pt: ten lines of 12 pt
  Box box;
  box.filled = true;
  box.padding = 7;  // 7 + 9 * 12 = 115 would fit without the bottom padding, 122 does not
  Block inside = lines_para("b", 15);
  inside.box = 1;
  auto pages = layout_document({inside}, {box}, g, m);
  REQUIRE(pages.size() == 2);
  auto b = lines_per_page(pages, "b");
  CHECK(b[0] == 8);
  CHECK(b[1] == 7);
  for (const Page& p : pages) {
    REQUIRE(p.rects.size() == 2);  // fill and bar
    for (const RectOp& r : p.rects) CHECK(r.y + r.h <= g.height - g.margin_bottom + 0.01f);
  }
}

// ---- Parts that count their own pages (the Anlagen) ----

namespace {

std::string footer(const Page& page) {
  std::string text;
  for (const auto& t : page.furniture)
    if (t.text.find("Seite") != std::string::npos) text += t.text;
  return text;
}

}  // namespace


TEST_CASE("page numbering: each part after a numbering start counts its own pages on fresh pages") {
  const FakeMetrics m;
  // 14 lines of agreement (2 pages), Anlage 1 with 3 lines (1 page), Anlage 3 with 25 (3 pages).
  const std::vector<Block> blocks = {lines_para("v", 14), lines_para("a", 3), lines_para("b", 25)};
  std::vector<PageNumber> numbers;
  std::vector<Page> pages =
      layout_numbered_document(blocks, {}, {{1, "Anlage 1"}, {2, "Anlage 3"}}, small_page(), m, nullptr, numbers);
  REQUIRE(pages.size() == 6);
  REQUIRE(numbers.size() == 6);
  CHECK(numbers[0] == PageNumber{"", 1, 2});
  CHECK(numbers[1] == PageNumber{"", 2, 2});
  CHECK(numbers[2] == PageNumber{"Anlage 1", 1, 1});
  CHECK(numbers[3] == PageNumber{"Anlage 3", 1, 3});
  CHECK(numbers[5] == PageNumber{"Anlage 3", 3, 3});
  // Each part starts at the top of its own page, even where the last page had room.
  CHECK(page_has(pages[2], "a0"));
  CHECK_FALSE(page_has(pages[1], "a0"));
  CHECK(page_has(pages[3], "b0"));
  CHECK_FALSE(page_has(pages[2], "b0"));

  add_page_furniture(pages, "Titel", small_page(), m, &numbers);
  CHECK(footer(pages[0]) == "Seite 1 von 2");
  CHECK(footer(pages[2]) == "Anlage 1 \u2013 Seite 1 von 1");
  CHECK(footer(pages[4]) == "Anlage 3 \u2013 Seite 2 von 3");
}

TEST_CASE("page numbering: without numbering starts the pages count as one document") {
  const FakeMetrics m;
  std::vector<PageNumber> numbers;
  std::vector<Page> pages = layout_numbered_document({lines_para("v", 25)}, {}, {}, small_page(), m, nullptr, numbers);
  REQUIRE(pages.size() == 3);
  CHECK(numbers.back() == PageNumber{"", 3, 3});
  add_page_furniture(pages, "Titel", small_page(), m, &numbers);
  CHECK(footer(pages[1]) == "Seite 2 von 3");
  // Without numbers the footer counts the pages as before.
  std::vector<Page> plain = layout_document({lines_para("v", 25)}, {}, small_page(), m);
  add_page_furniture(plain, "Titel", small_page(), m);
  CHECK(footer(plain[2]) == "Seite 3 von 3");
}

TEST_CASE("page numbering: a document that opens with a numbered part has no unnumbered first page") {
  const FakeMetrics m;
  std::vector<PageNumber> numbers;
  std::vector<Page> pages =
      layout_numbered_document({lines_para("a", 3)}, {}, {{0, "Anlage 3"}}, small_page(), m, nullptr, numbers);
  REQUIRE(pages.size() == 1);
  CHECK(numbers[0] == PageNumber{"Anlage 3", 1, 1});
}

TEST_CASE("page numbering: a part without blocks gets no page") {
  const FakeMetrics m;
  std::vector<PageNumber> numbers;
  // A marker at the very end (a document cut off after it) and two in a row.
  std::vector<Page> pages = layout_numbered_document({lines_para("v", 3), lines_para("a", 3)}, {},
                                                     {{1, "Anlage 1"}, {1, "Anlage 3"}, {2, "Anlage 4"}}, small_page(),
                                                     m, nullptr, numbers);
  REQUIRE(pages.size() == 2);
  CHECK(numbers[0] == PageNumber{"", 1, 1});
  CHECK(numbers[1] == PageNumber{"Anlage 3", 1, 1});
  CHECK(page_has(pages[1], "a0"));
}

TEST_CASE("page numbering: the marker names its label, and the PDF blocks start a part where it stands") {
  MarkdownTree tree = parse_markdown(
      "# Vertrag\n\nText.\n\n<!-- kovgen:page-numbering Anlage 3 -->\n\n# Anlage 3\n\nMehr.\n\n"
      "<!-- kovgen:page-numbering  -->\n\n<!-- kovgen:page-break -->\n");
  cmark_node* marker = cmark_node_next(cmark_node_next(cmark_node_first_child(tree.get())));
  CHECK(layout_marker(marker) == LayoutMarker::page_numbering);
  CHECK(page_numbering_label(marker) == "Anlage 3");
  cmark_node* empty = cmark_node_next(cmark_node_next(cmark_node_next(marker)));
  CHECK(layout_marker(empty) == LayoutMarker::none);  // no label: no part
  CHECK(page_numbering_label(cmark_node_next(empty)).empty());

  const PdfContent content = pdf_blocks(tree.get());
  REQUIRE(content.numbering.size() == 1);
  CHECK(content.numbering[0].label == "Anlage 3");
  REQUIRE(content.numbering[0].first_block < content.blocks.size());
  CHECK(content.blocks[content.numbering[0].first_block].para.runs.front().text == "Anlage 3");
}
