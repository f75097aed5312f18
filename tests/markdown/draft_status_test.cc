// A Markdown draft's readiness from the document alone (convert, the writers):
// placeholders, CAUTION boxes and kovgen's checklist appendix.
#include <doctest/doctest.h>

#include "draft_status.h"
#include "markdown_conventions.h"
#include "placeholder.h"

using namespace kovgen;

namespace {

const std::string kAppendix =
    "<!-- kovgen:page-break -->\n\n## Anhang: Checkliste\n\nNicht Bestandteil.\n\n"
    "<!-- kovgen:checklist draft mandatory-missing=1 placeholders=1 -->\n\n"
    "| Section | Kind | Status | Missing |\n| --- | --- | --- | --- |\n| § 1 Finanzierung | mandatory | **incomplete** | Betrag |\n";

DraftStatus status_of(const std::string& markdown) {
  MarkdownTree tree = parse_markdown(markdown);
  return assess_draft(tree.get());
}

}  // namespace

TEST_CASE("placeholders are found in Markdown source and in the tree, escaped or not") {
  const auto spans = find_placeholders("a \\[offen: Betrag – laut Bescheid\\] b [offen: Datum] c [offen nicht");
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].what == "Betrag – laut Bescheid");
  CHECK(spans[1].what == "Datum");
  CHECK(placeholder_text("Datum") == "[offen: Datum]");

  MarkdownTree tree = parse_markdown("Es gilt \\[offen: Betrag\\] je Platz und *\\[offen: Frist\\]*.\n");
  const DraftStatus s = assess_draft(tree.get());
  REQUIRE(s.placeholders.size() == 2);
  CHECK(s.placeholders[0].text == "Betrag");
  CHECK(s.placeholders[0].line == 1);
  CHECK(s.placeholders[1].text == "Frist");
  // Each placeholder is a text node of its own, for the writers to highlight.
  cmark_node* para = cmark_node_first_child(tree.get());
  cmark_node* second = cmark_node_next(cmark_node_first_child(para));
  CHECK(is_placeholder_node(second));
  CHECK(std::string(cmark_node_get_literal(second)) == "[offen: Betrag]");
  CHECK_FALSE(is_placeholder_node(cmark_node_first_child(para)));
}

TEST_CASE("deleting the warning boxes does not make a draft final") {
  const std::string box = "> [!CAUTION]\n> **Pflichtabschnitt unvollständig.**\n\n";
  const std::string body = "# Vereinbarung\n\n## § 1 Finanzierung\n\n";
  CHECK_FALSE(status_of(body + box + "Zuschuss: \\[offen: Betrag\\].\n\n" + kAppendix).ready_to_sign());
  // Without the box the placeholder still counts.
  DraftStatus s = status_of(body + "Zuschuss: \\[offen: Betrag\\].\n\n" + kAppendix);
  CHECK_FALSE(s.ready_to_sign());
  CHECK(s.caution_boxes.empty());
  // Placeholder filled in by hand: kovgen's appendix still says sections are missing.
  s = status_of(body + "Zuschuss: 1.477,00 €.\n\n" + kAppendix);
  CHECK(s.placeholders.empty());
  CHECK(s.checklist_draft);
  CHECK(s.checklist_mandatory_missing == 1);
  CHECK_FALSE(s.ready_to_sign());
  // Only a document without any of these is final.
  CHECK(status_of(body + "Zuschuss: 1.477,00 €.\n").ready_to_sign());
  // A box alone (kovgen's box of a missing mandatory section) keeps it a draft.
  CHECK_FALSE(status_of(body + box + "Zuschuss: 1.477,00 €.\n").ready_to_sign());
  // What the writers decide follows: the ENTWURF mark.
  MarkdownTree tree = parse_markdown(body + "Zuschuss: 1.477,00 €.\n\n" + kAppendix);
  CHECK(document_info(tree.get(), {}).draft);
}

TEST_CASE("convert's review: a warning with the line, and the appendix left out on request") {
  const std::string md = "# V\n\nZuschuss: \\[offen: Betrag\\].\n\n" + kAppendix;
  Diagnostics diag;
  ReviewedDraft kept = review_draft(md, "e.md", false, diag);
  CHECK(kept.markdown == md);
  // The text is unchanged, so its tree is handed on to the writers, not parsed again.
  REQUIRE(kept.tree);
  CHECK(document_info(kept.tree.get(), {}).draft);
  REQUIRE(diag.items().size() == 1);
  CHECK(diag.items()[0].severity == Severity::warning);
  CHECK(diag.items()[0].where.line == 3);
  CHECK(diag.to_string().find("not ready to sign") != std::string::npos);
  CHECK(diag.to_string().find("1 placeholder “[offen: …]” is left (line 3: “Betrag”)") != std::string::npos);
  CHECK(diag.to_string().find("the checklist appendix lists 1 incomplete mandatory section") != std::string::npos);

  Diagnostics quiet;
  const ReviewedDraft without = review_draft(md, "e.md", true, quiet);
  CHECK(without.markdown == "# V\n\nZuschuss: \\[offen: Betrag\\].\n");
  // Its tree would still hold the appendix.
  CHECK_FALSE(without.tree);
  // Text after the appendix (a further ## section) stays.
  Diagnostics more;
  CHECK(review_draft(md + "\n## Anlage 2\n\nText.\n", "e.md", true, more).markdown ==
        "# V\n\nZuschuss: \\[offen: Betrag\\].\n\n## Anlage 2\n\nText.\n");
  // A document that is ready to sign needs no warning.
  Diagnostics none;
  CHECK(review_draft("# V\n\nText.\n", "e.md", false, none).markdown == "# V\n\nText.\n");
  CHECK(none.items().empty());
}

TEST_CASE("the checklist appendix after the Anlagen goes whole, with the marker that numbers its pages") {
  std::string appendix = kAppendix;
  appendix.replace(0, appendix.find("\n"), "<!-- kovgen:page-numbering Anhang -->");
  const std::string markdown = "# Vereinbarung\n\nText.\n\n<!-- kovgen:page-numbering Anlage 3 -->\n\n# Anlage 3\n\n"
                               "Geld.\n\n" + appendix;
  MarkdownTree tree = parse_markdown(markdown);
  const DraftStatus s = assess_draft(tree.get());
  REQUIRE(s.checklist_found);
  const std::string rest = without_checklist_appendix(markdown, s);
  CHECK(rest.find("Anhang") == std::string::npos);
  CHECK(rest.find("<!-- kovgen:page-numbering Anlage 3 -->\n\n# Anlage 3\n\nGeld.") != std::string::npos);
}
