// Parts that count their own pages (the Anlagen): layout, footer, and the marker
// that the PDF writer's blocks turn into a numbering start.
#include <doctest/doctest.h>

#include "layout.h"
#include "layout_fake_metrics.h"
#include "markdown_conventions.h"
#include "markdown_tree.h"
#include "pdf_blocks.h"

using namespace kovgen;
using namespace kovgen::layout;
using kovgen::test::FakeMetrics;
using kovgen::test::run;

namespace {

// Ten lines of 12 pt per page, 200 pt wide.
PageGeometry small_page() {
  PageGeometry g;
  g.width = 240;
  g.height = 160;
  g.margin_left = g.margin_right = 20;
  g.margin_top = g.margin_bottom = 20;
  return g;
}

// A paragraph of n full lines (words of 40 characters at 5 pt), each starting with tag.
Block lines_para(const std::string& tag, int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    const std::string word = tag + std::to_string(i);
    text += (i ? " " : "") + word + std::string(40 - word.size(), 'x');
  }
  Block b;
  b.para.runs = {run(text)};
  b.para.leading = 12;
  return b;
}

bool page_has(const Page& page, const std::string& text) {
  for (const auto& t : page.texts)
    if (t.text.rfind(text, 0) == 0) return true;
  return false;
}

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
