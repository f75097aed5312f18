// word/document.xml for each Markdown construct, compared as exact XML (as
// pugixml's tests do). P(style, runs) spells out the usual paragraph wrapper.
#include <doctest/doctest.h>

#include "docx_test_support.h"

using kovgen::docx_test::body_xml;

namespace {

std::string P(const std::string& style, const std::string& runs, const std::string& more_ppr = "") {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + more_ppr + "</w:pPr>" + runs + "</w:p>";
}
std::string R(const std::string& text) { return "<w:r><w:t>" + text + "</w:t></w:r>"; }
std::string numbered(int ilvl, int num) {
  return "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num) + "\"/></w:numPr>";
}

}  // namespace

TEST_CASE("docx document: first # is the title, ## to #### are Heading 1 to 3") {
  CHECK(body_xml("# Vertrag\n\n## § 1 Gegenstand\n\n### Absatz\n\n#### Tiefer\n\n##### Noch tiefer\n\n# Zweite Eins\n") ==
        P("Title", R("Vertrag")) + P("Heading1", R("§ 1 Gegenstand")) + P("Heading2", R("Absatz")) +
            P("Heading3", R("Tiefer")) + P("Heading3", R("Noch tiefer")) + P("Heading1", R("Zweite Eins")));
}

TEST_CASE("docx document: emphasis, strong, strikethrough, code and breaks become runs") {
  CHECK(body_xml("a *b* **c** ~~d~~ `e`\nsoft  \nhard") ==
        P("BodyText",
          "<w:r><w:t xml:space=\"preserve\">a </w:t></w:r>"
          "<w:r><w:rPr><w:i/></w:rPr><w:t>b</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
          "<w:r><w:rPr><w:b/></w:rPr><w:t>c</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
          "<w:r><w:rPr><w:strike/></w:rPr><w:t>d</w:t></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
          "<w:r><w:rPr><w:rStyle w:val=\"VerbatimChar\"/></w:rPr><w:t>e</w:t></w:r>"
          "<w:r><w:t xml:space=\"preserve\"> soft</w:t></w:r><w:r><w:br/></w:r>" + R("hard")));
  // Nested emphasis combines; neighbouring text of equal format is one run.
  CHECK(body_xml("***both*** plain\ntext") ==
        P("BodyText", "<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t>both</w:t></w:r>"
                      "<w:r><w:t xml:space=\"preserve\"> plain text</w:t></w:r>"));
}

TEST_CASE("docx document: ordered lists restart, nest and keep their start number") {
  const std::string xml = body_xml("1. a\n2. b\n   1. x\n\n   - z\n\ntext\n\n3. c\n");
  CHECK(xml == P("ListParagraph", R("a"), numbered(0, 1)) + P("ListParagraph", R("b"), numbered(0, 1)) +
                   P("ListParagraph", R("x"), numbered(1, 2)) + P("ListParagraph", R("z"), numbered(1, 3)) +
                   P("BodyText", R("text")) + P("ListParagraph", R("c"), numbered(0, 4)));
  kovgen::DocxBody body;
  body_xml("1. a\n\ntext\n\n3. c\n   - d\n", nullptr, &body);
  REQUIRE(body.lists.size() == 3);
  CHECK(body.lists[0].ordered);
  CHECK(body.lists[0].start == 1);
  CHECK(body.lists[1].start == 3);
  CHECK(!body.lists[2].ordered);
  CHECK(body.lists[2].level == 1);
}

TEST_CASE("docx document: further paragraphs of a list item are indented, not numbered") {
  CHECK(body_xml("- first\n\n  more\n") ==
        P("ListParagraph", R("first"), numbered(0, 1)) +
            P("ListParagraph", R("more"), "<w:ind w:left=\"425\"/>"));
}

TEST_CASE("docx document: task items show a box instead of a bullet") {
  CHECK(body_xml("- [ ] offen\n- [x] erledigt\n") ==
        P("ListParagraph", "<w:r><w:t>☐</w:t><w:tab/><w:t>offen</w:t></w:r>",
          "<w:ind w:left=\"425\" w:hanging=\"425\"/>") +
            P("ListParagraph", "<w:r><w:t>☒</w:t><w:tab/><w:t>erledigt</w:t></w:r>",
              "<w:ind w:left=\"425\" w:hanging=\"425\"/>"));
}

TEST_CASE("docx document: tables have a repeating header row, widths and alignment") {
  const std::string cell_a = "<w:tc><w:tcPr><w:tcW w:w=\"4535\" w:type=\"dxa\"/></w:tcPr>";
  CHECK(body_xml("| A | B |\n| :-: | --: |\n| 1 | 2 |\n| 3 |\n") ==
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"Table\"/><w:tblW w:w=\"9070\" w:type=\"dxa\"/>"
        "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
        "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
        "<w:tblGrid><w:gridCol w:w=\"4535\"/><w:gridCol w:w=\"4535\"/></w:tblGrid>"
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" +
            cell_a + P("TableHeading", R("A"), "<w:jc w:val=\"center\"/>") + "</w:tc>" + cell_a +
            P("TableHeading", R("B"), "<w:jc w:val=\"right\"/>") + "</w:tc></w:tr>" +
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell_a +
            P("TableText", R("1"), "<w:jc w:val=\"center\"/>") + "</w:tc>" + cell_a +
            P("TableText", R("2"), "<w:jc w:val=\"right\"/>") + "</w:tc></w:tr>" +
            // A short row is filled up with empty cells: Word wants every grid column.
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + cell_a +
            P("TableText", R("3"), "<w:jc w:val=\"center\"/>") + "</w:tc>" + cell_a +
            P("TableText", "", "<w:jc w:val=\"right\"/>") + "</w:tc></w:tr></w:tbl>");
}

TEST_CASE("docx document: column widths follow the cell texts and never break a word") {
  // Everything fits: widths in proportion to the longest texts (2 and 25 bold characters).
  CHECK(body_xml("| Nr | Beschreibung der Leistung |\n| - | - |\n| 1 | x |\n")
            .find("<w:tblGrid><w:gridCol w:w=\"1187\"/><w:gridCol w:w=\"7883\"/></w:tblGrid>") != std::string::npos);
  // Too long to fit: each column keeps its longest word ("vollständig": 11 characters
  // = 1470 twips), the long column takes the rest.
  const std::string long_text(60, 'x');
  const std::string xml = body_xml("| Nr. | Status | Fehlende Angaben |\n| - | - | - |\n| 1 | vollständig | " +
                                   long_text + " " + long_text + " |\n");
  CHECK(xml.find("<w:tblGrid><w:gridCol w:w=\"635\"/><w:gridCol w:w=\"1470\"/><w:gridCol w:w=\"6965\"/>") !=
        std::string::npos);
}

TEST_CASE("docx document: an equal-columns marker gives the next table equal columns, and only that one") {
  const std::string xml = body_xml("<!-- kovgen:equal-columns -->\n\n| Nr | Beschreibung der Leistung |\n| - | - |\n| 1 | x |\n\n"
                                   "| Nr | Beschreibung der Leistung |\n| - | - |\n| 1 | x |\n");
  CHECK(xml.find("<w:tblGrid><w:gridCol w:w=\"4535\"/><w:gridCol w:w=\"4535\"/></w:tblGrid>") != std::string::npos);
  CHECK(xml.find("<w:tblGrid><w:gridCol w:w=\"1187\"/><w:gridCol w:w=\"7883\"/></w:tblGrid>") != std::string::npos);
}

TEST_CASE("docx document: a CAUTION alert is a shaded box with a title and a Word comment") {
  kovgen::DocxBody body;
  const std::string xml = body_xml(
      "> [!CAUTION]\n> **Abschnitt „Finanzierung“ unvollständig.** Es fehlen: X.\n", nullptr, &body);
  CHECK(xml ==
        "<w:p><w:pPr><w:pStyle w:val=\"AlertCaution\"/><w:keepNext/></w:pPr><w:commentRangeStart w:id=\"0\"/>"
        "<w:r><w:rPr><w:b/><w:color w:val=\"CF222E\"/></w:rPr><w:t>Achtung</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"AlertCaution\"/></w:pPr>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t>Abschnitt „Finanzierung“ unvollständig.</w:t></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> Es fehlen: X.</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>"
        "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"0\"/></w:r></w:p>");
  CHECK(kovgen::xml_fragment(body.comments) ==
        "<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:comment w:id=\"0\" w:author=\"kovgen\" w:initials=\"KG\"><w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr>"
        "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:annotationRef/></w:r>"
        "<w:r><w:t>Abschnitt „Finanzierung“ unvollständig. Es fehlen: X.</w:t></w:r></w:p></w:comment></w:comments>");
}

TEST_CASE("docx document: other alerts are boxes without comments, quotes are Block Text") {
  kovgen::DocxBody body;
  const std::string xml = body_xml("> [!NOTE]\n>\n> Hinweis.\n\n> zitiert\n", nullptr, &body);
  CHECK(xml == P("AlertNote", "<w:r><w:rPr><w:b/><w:color w:val=\"1F6FEB\"/></w:rPr><w:t>Hinweis</w:t></w:r>",
                 "<w:keepNext/>") +
                   P("AlertNote", R("Hinweis.")) + P("BlockText", R("zitiert")));
  CHECK(!body.comments.child("w:comments").first_child());
}

TEST_CASE("docx document: two alerts of one kind stay two boxes") {
  const std::string xml = body_xml("> [!CAUTION]\n> eins\n\n> [!CAUTION]\n> zwei\n");
  CHECK(xml.find(P("BodyText", "")) != std::string::npos);
  CHECK(xml.find("<w:commentRangeStart w:id=\"1\"/>") != std::string::npos);
}

TEST_CASE("docx document: keep-together is one unsplittable row, paragraphs keep with the next") {
  CHECK(body_xml("vorher\n\n<!-- kovgen:keep-together -->\n\nOrt, Datum\n\n\\_\\_\\_\\_\\_\n\nName\n\n"
                 "<!-- kovgen:end-keep-together -->\n\nnachher\n") ==
        P("BodyText", R("vorher")) +
            "<w:tbl><w:tblPr><w:tblW w:w=\"9070\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
            "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
            "<w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"9070\"/></w:tblGrid>"
            "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"9070\" w:type=\"dxa\"/></w:tcPr>" +
            P("BodyText", R("Ort, Datum"), "<w:keepNext/><w:keepLines/>") +
            P("SignatureLine", R("_____"), "<w:keepNext/><w:keepLines/>") +
            P("BodyText", R("Name"), "<w:keepLines/>") + "</w:tc></w:tr></w:tbl>" +
            // Word leaves no space below a table; the next paragraph adds it.
            P("BodyText", R("nachher"), "<w:spacing w:before=\"160\"/>"));
  // An unclosed group ends with the document; a cell always ends with a paragraph.
  const std::string open_group = body_xml("<!-- kovgen:keep-together -->\n\n| a |\n| - |\n");
  CHECK(open_group.find("</w:tbl><w:p/></w:tc></w:tr></w:tbl>") != std::string::npos);
}

TEST_CASE("docx document: a page-break marker starts the next paragraph on a new page") {
  CHECK(body_xml("a\n\n<!-- kovgen:page-break -->\n\n## Anlagen\n") ==
        P("BodyText", R("a")) + P("Heading1", R("Anlagen"), "<w:pageBreakBefore/>"));
  // Before a table (or at the end) there is no paragraph to carry it: a break run.
  CHECK(body_xml("a\n\n<!-- kovgen:page-break -->\n").find(
            "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>") != std::string::npos);
  // Other HTML is not shown.
  CHECK(body_xml("<div>x</div>\n\na <b>b</b>") ==
        P("BodyText", R("a b")));
}

TEST_CASE("docx document: code blocks keep tabs and line breaks, thematic breaks are rules") {
  CHECK(body_xml("```\nx\ty\n  z\n```\n\n***\n") ==
        P("SourceCode", "<w:r><w:t>x</w:t><w:tab/><w:t>y</w:t><w:br/><w:t xml:space=\"preserve\">  z</w:t></w:r>") +
            P("BodyText", "",
              "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>"));
}

TEST_CASE("docx document: links become hyperlinks with one relationship per target") {
  kovgen::DocxBody body;
  const std::string xml = body_xml("[a](https://e.org/?x=1&y=2) [b](#oben) [c](https://e.org/?x=1&y=2)",
                                   nullptr, &body);
  const std::string link = "<w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t>";
  CHECK(xml == P("BodyText", "<w:hyperlink r:id=\"rIdLink1\">" + link + "a</w:t></w:r></w:hyperlink>" +
                                 "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
                                 "<w:hyperlink w:anchor=\"oben\">" + link + "b</w:t></w:r></w:hyperlink>" +
                                 "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
                                 "<w:hyperlink r:id=\"rIdLink1\">" + link + "c</w:t></w:r></w:hyperlink>"));
  REQUIRE(body.hyperlinks.size() == 1);
  CHECK(body.hyperlinks[0] == "https://e.org/?x=1&y=2");
}

TEST_CASE("docx document: link targets are URIs Word accepts") {
  kovgen::DocxBody body;
  body_xml("[a](<https://e.org/a b?q=ä&x=\"1\">)", nullptr, &body);
  REQUIRE(body.hyperlinks.size() == 1);
  CHECK(body.hyperlinks[0] == "https://e.org/a%20b?q=%C3%A4&x=%221%22");
}

TEST_CASE("docx document: an empty draft is an empty body, invalid UTF-8 in a tree is an error") {
  CHECK(body_xml("") == "");
  // cmark replaces invalid bytes while parsing; a tree built otherwise is checked.
  kovgen::MarkdownTree tree(cmark_node_new(CMARK_NODE_DOCUMENT));
  cmark_node* para = cmark_node_new(CMARK_NODE_PARAGRAPH);
  cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(text, "bad \xC3\x28");
  cmark_node_append_child(para, text);
  cmark_node_append_child(tree.get(), para);
  kovgen::DocxBody body;
  kovgen::Diagnostics diag;
  kovgen::WriterOptions options;
  options.source_name = "x.md";
  kovgen::render_docx_body(tree.get(), options, {}, body, diag);
  CHECK(diag.has_errors());
  CHECK(diag.to_string().find("x.md: invalid UTF-8 in text") != std::string::npos);
}

TEST_CASE("docx document: text is escaped and characters XML forbids are dropped with a warning") {
  kovgen::Diagnostics diag;
  CHECK(body_xml("a <&]]> \"q\"\n\nline two \x01x\x0by\x1f", &diag) ==
        P("BodyText", "<w:r><w:t>a &lt;&amp;]]&gt; \"q\"</w:t></w:r>") +
            P("BodyText", R("line two xy")));
  CHECK(!diag.has_errors());
  REQUIRE(diag.items().size() == 1);
  CHECK(kovgen::format_diagnostic(diag.items()[0]) ==
        "test.md:3: warning: dropped 3 control characters such as U+0001 that a Word document cannot hold");
}

TEST_CASE("docx document: a placeholder is highlighted yellow, the text around it is not") {
  CHECK(body_xml("Zuschuss \\[offen: Betrag – laut Bescheid\\] je Platz.") ==
        P("BodyText", "<w:r><w:t xml:space=\"preserve\">Zuschuss </w:t></w:r>"
                      "<w:r><w:rPr><w:highlight w:val=\"yellow\"/></w:rPr><w:t>[offen: Betrag – laut Bescheid]</w:t></w:r>"
                      "<w:r><w:t xml:space=\"preserve\"> je Platz.</w:t></w:r>"));
  // Bold placeholders keep their bold.
  CHECK(body_xml("**\\[offen: Schulen\\]**") ==
        P("BodyText", "<w:r><w:rPr><w:b/><w:highlight w:val=\"yellow\"/></w:rPr><w:t>[offen: Schulen]</w:t></w:r>"));
}
