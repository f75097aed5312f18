// User text must print literally: escape, parse with cmark-gfm, and the text of
// the tree must be the original value, whatever the surrounding Markdown.
#include <doctest/doctest.h>

#include <random>

#include "markdown_escape.h"
#include "markdown_tree.h"

using namespace kovgen;

namespace {

// The text of the whole document, as cmark-gfm parsed it.
std::string text_of(const std::string& markdown) {
  MarkdownTree tree = parse_markdown(markdown);
  return plain_text(tree.get());
}

int count_nodes(cmark_node* root, cmark_node_type type) {
  int n = 0;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it)) == type) ++n;
  cmark_iter_free(it);
  return n;
}

std::string in_context(const std::string& before, const std::string& value, const std::string& after) {
  return resolve_line_start_marks(before + escape_markdown_deferred(value) + after);
}

}  // namespace

TEST_CASE("the issue's example value prints literally") {
  const std::string value = "**A** & <b>#1</b> [x](y) {{z}}";
  CHECK(text_of(escape_markdown(value)) == value);
  CHECK(text_of("Schule: " + escape_markdown(value)) == "Schule: " + value);
  MarkdownTree tree = parse_markdown(escape_markdown(value));
  CHECK(count_nodes(tree.get(), CMARK_NODE_STRONG) == 0);
  CHECK(count_nodes(tree.get(), CMARK_NODE_HTML_INLINE) == 0);
  CHECK(count_nodes(tree.get(), CMARK_NODE_LINK) == 0);
}

TEST_CASE("values at a line start never become blocks") {
  for (std::string value : {"1. August", "2) b", "- Liste", "+ plus", "# Titel", "> Zitat", "===", "---",
                            "***", "___", "    Code", "| a | b |", "<!-- kovgen:page-break -->",
                            "<div>x</div>", "```", "~~~", "[^1]: x", "- [ ] Aufgabe"}) {
    CAPTURE(value);
    const std::string md = escape_markdown(value);
    MarkdownTree tree = parse_markdown(md);
    cmark_node* first = cmark_node_first_child(tree.get());
    REQUIRE(first != nullptr);
    CHECK(cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH);
    CHECK(cmark_node_next(first) == nullptr);
    std::string expected = value;
    expected.erase(0, expected.find_first_not_of(' '));
    CHECK(plain_text(tree.get()) == expected);
  }
}

TEST_CASE("deferred line-start escapes keep running text readable") {
  CHECK(in_context("Stand: ", "10. Februar 2026", "") == "Stand: 10. Februar 2026");
  CHECK(in_context("", "10. Februar 2026", "") == "10\\. Februar 2026");
  CHECK(in_context("- ", "1. Punkt", "") == "- 1\\. Punkt");
  CHECK(in_context("> ", "- x", "") == "> \\- x");
  CHECK(in_context("| ", "1. x", " |") == "| 1. x |");
  CHECK(in_context("a\n", "1. x", "") == "a\n1\\. x");
  // User text cannot smuggle in the private mark.
  CHECK(in_context("", "\uE000-", "").find("\uE000") == std::string::npos);
}

TEST_CASE("values inside table cells, list items and headings stay literal") {
  const std::string value = "A | B *C* `D` <E> & F_G_ ~H~ \\I";
  const std::string cell = in_context("| Name |\n| --- |\n| ", value, " |\n");
  MarkdownTree table = parse_markdown(cell);
  cmark_node* t = cmark_node_first_child(table.get());
  REQUIRE(is_table(t));
  cmark_node* body_row = cmark_node_next(cmark_node_first_child(t));
  REQUIRE(body_row != nullptr);
  CHECK(plain_text(cmark_node_first_child(body_row)) == value);
  CHECK(text_of(in_context("- ", value, "\n")) == value);
  CHECK(text_of(in_context("## ", value + " #", "\n")) == value + " #");
}

TEST_CASE("multi-line values keep their paragraphs and line breaks") {
  const std::string md = escape_markdown("Erster Absatz\nzweite Zeile\n\n\n  - Zweiter Absatz");
  MarkdownTree tree = parse_markdown(md);
  CHECK(count_nodes(tree.get(), CMARK_NODE_PARAGRAPH) == 2);
  CHECK(count_nodes(tree.get(), CMARK_NODE_LINEBREAK) == 1);
  CHECK(count_nodes(tree.get(), CMARK_NODE_LIST) == 0);
}

TEST_CASE("random punctuation soup always round-trips") {
  const std::string alphabet = "ab1 .-+*_`[]()<>!&#|~\\=:{}\"'/";
  std::mt19937 rng(42);
  for (int i = 0; i < 2000; ++i) {
    std::string value;
    const int len = 1 + static_cast<int>(rng() % 24);
    for (int j = 0; j < len; ++j) value += alphabet[rng() % alphabet.size()];
    // Leading and trailing blanks are trimmed by design.
    value.erase(0, value.find_first_not_of(' '));
    while (!value.empty() && value.back() == ' ') value.pop_back();
    if (value.empty()) continue;
    CAPTURE(value);
    const std::string md = escape_markdown(value);
    REQUIRE(text_of(md) == value);
    REQUIRE(text_of("Text " + md + " Text") == "Text " + value + " Text");
  }
}

TEST_CASE("character references print literally, named and numeric") {
  for (std::string value : {"&amp;", "&copy; 2026", "AT&T", "a&nbsp;b", "&#38;", "&#x26;", "& x", "&"}) {
    CAPTURE(value);
    CHECK(text_of(escape_markdown(value)) == value);
    CHECK(text_of(in_context("Text ", value, " Text")) == "Text " + value + " Text");
  }
}

TEST_CASE("tabs become spaces and only an ampersand that starts a reference is escaped") {
  CHECK(escape_markdown("a\tb &amp; c & d &#38; e&") == "a b \\&amp; c & d \\&\\#38; e&");
  CHECK(escape_markdown("  Satz mit *Stern*\t \r\n\r\n\r\nzweiter_Absatz\nZeile") ==
        "Satz mit \\*Stern\\*\n\nzweiter\\_Absatz\\\nZeile");
}
