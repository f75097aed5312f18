// The static and small parts: styles, numbering, settings, header, footer and
// document properties, as exact XML.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "docx_parts.h"
#include "docx_styles.h"
#include "docx_test_support.h"
#include "docx_writer.h"

namespace {

std::string style_xml(const char* id) {
  pugi::xml_document styles = kovgen::default_styles();
  return kovgen::xml_fragment(
      styles.child("w:styles").find_child_by_attribute("w:style", "w:styleId", id));
}

}  // namespace

TEST_CASE("docx parts: headings are Word's heading styles with outline levels") {
  CHECK(style_xml("Heading1") ==
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
        "<w:next w:val=\"BodyText\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>"
        "<w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
        "<w:rPr><w:b/><w:bCs/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>");
  CHECK(style_xml("Heading2").find("<w:name w:val=\"heading 2\"/>") != std::string::npos);
  CHECK(style_xml("Heading2").find("<w:outlineLvl w:val=\"1\"/>") != std::string::npos);
  CHECK(style_xml("Heading3").find("<w:outlineLvl w:val=\"2\"/>") != std::string::npos);
  CHECK(style_xml("Title").find("<w:name w:val=\"Title\"/>") != std::string::npos);
}

TEST_CASE("docx parts: body text is German, and alert boxes are bordered and shaded") {
  pugi::xml_document styles = kovgen::default_styles();
  CHECK(kovgen::xml_fragment(styles.child("w:styles").child("w:docDefaults").child("w:rPrDefault")) ==
        "<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"Times New Roman\" "
        "w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
        "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"de-DE\" w:eastAsia=\"de-DE\" w:bidi=\"ar-SA\"/>"
        "</w:rPr></w:rPrDefault>");
  CHECK(style_xml("AlertCaution") ==
        "<w:style w:type=\"paragraph\" w:styleId=\"AlertCaution\"><w:name w:val=\"Kasten Achtung\"/>"
        "<w:basedOn w:val=\"BodyText\"/><w:next w:val=\"BodyText\"/><w:pPr><w:keepLines/><w:pBdr>"
        "<w:top w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"CF222E\"/>"
        "<w:left w:val=\"single\" w:sz=\"24\" w:space=\"4\" w:color=\"CF222E\"/>"
        "<w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"CF222E\"/>"
        "<w:right w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"CF222E\"/></w:pBdr>"
        "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FAE5E6\"/><w:spacing w:before=\"120\" w:after=\"120\"/>"
        "<w:ind w:left=\"170\" w:right=\"113\"/><w:contextualSpacing/></w:pPr></w:style>");
}

TEST_CASE("docx parts: every style the writer refers to exists") {
  pugi::xml_document styles = kovgen::default_styles();
  kovgen::DocxBody body;
  kovgen::docx_test::body_xml(kovgen::docx_test::slurp(
                                  kovgen::docx_test::source_path("tests/data/docx/constructs.md")) +
                                  "\n```\ncode\n```\n\n> [!NOTE]\n> n\n\n> [!TIP]\n> t\n\n> [!IMPORTANT]\n> i\n\n"
                                  "> [!WARNING]\n> w\n\n###### deep\n",
                              nullptr, &body);
  pugi::xml_document header = kovgen::header_part({});
  pugi::xml_document footer = kovgen::footer_part();
  int checked = 0;
  for (pugi::xml_document* doc : {&body.document, &body.comments, &header, &footer})
    for (const char* element : {"w:pStyle", "w:rStyle", "w:tblStyle"})
      for (pugi::xpath_node n : doc->select_nodes((std::string("//") + element).c_str())) {
        const char* id = n.node().attribute("w:val").value();
        INFO(id);
        CHECK(styles.child("w:styles").find_child_by_attribute("w:style", "w:styleId", id));
        ++checked;
      }
  CHECK(checked > 30);
}

TEST_CASE("docx parts: numbering has one w:num per list, ordered lists restart") {
  pugi::xml_document numbering = kovgen::numbering_part({{true, 0, 1}, {false, 1, 1}, {true, 0, 3}});
  pugi::xml_node root = numbering.child("w:numbering");
  CHECK(kovgen::xml_fragment(root.find_child_by_attribute("w:abstractNum", "w:abstractNumId", "1")
                                 .find_child_by_attribute("w:lvl", "w:ilvl", "1")) ==
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/>"
        "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"850\" w:hanging=\"425\"/></w:pPr></w:lvl>");
  CHECK(kovgen::xml_fragment(root.find_child_by_attribute("w:abstractNum", "w:abstractNumId", "0")
                                 .find_child_by_attribute("w:lvl", "w:ilvl", "0")) ==
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/>"
        "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"425\" w:hanging=\"425\"/></w:pPr></w:lvl>");
  std::string nums;
  for (pugi::xml_node n : root.children("w:num")) nums += kovgen::xml_fragment(n);
  CHECK(nums ==
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"3\"/></w:lvlOverride></w:num>");
  // Word requires every w:abstractNum before the first w:num.
  CHECK(std::string(root.first_child().name()) == "w:abstractNum");
  CHECK(std::string(root.first_child().next_sibling().next_sibling().name()) == "w:num");
}

TEST_CASE("docx parts: settings update fields on open") {
  CHECK(kovgen::xml_part_bytes(kovgen::settings_part()) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"708\"/><w:autoHyphenation w:val=\"true\"/>"
        "<w:hyphenationZone w:val=\"425\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
        "<w:updateFields w:val=\"true\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
        "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        "<w:themeFontLang w:val=\"de-DE\"/><w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/></w:settings>");
}

TEST_CASE("docx parts: the header shows the title, after ENTWURF for drafts") {
  kovgen::DocumentInfo info;
  info.title = "Vertrag <A&B>";
  const std::string open =
      "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr><w:bookmarkStart w:id=\"900001\" w:name=\"kovgen_kopfzeile\"/>";
  const std::string title =
      "<w:r><w:t>Vertrag &lt;A&amp;B&gt;</w:t></w:r><w:bookmarkEnd w:id=\"900001\"/></w:p></w:hdr>";
  CHECK(kovgen::xml_fragment(kovgen::header_part(info)) == open + title);
  info.draft = true;
  CHECK(kovgen::xml_fragment(kovgen::header_part(info)) ==
        open + "<w:r><w:rPr><w:b/><w:color w:val=\"C00000\"/></w:rPr><w:t>ENTWURF</w:t></w:r>"
               "<w:r><w:t xml:space=\"preserve\"> – </w:t></w:r>" + title);
}

TEST_CASE("docx parts: the footer says Seite PAGE von NUMPAGES") {
  auto field = [](const char* instruction) {
    return std::string("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> ") +
           instruction +
           " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
           "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  };
  CHECK(kovgen::xml_fragment(kovgen::footer_part().child("w:ftr").child("w:p")) ==
        "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr><w:bookmarkStart w:id=\"900002\" w:name=\"kovgen_fusszeile\"/>"
        "<w:r><w:t xml:space=\"preserve\">Seite </w:t></w:r>" +
            field("PAGE") + "<w:r><w:t xml:space=\"preserve\"> von </w:t></w:r>" + field("NUMPAGES") +
            "<w:bookmarkEnd w:id=\"900002\"/></w:p>");
}

TEST_CASE("docx parts: document properties without clock time, dates from SOURCE_DATE_EPOCH") {
  kovgen::DocumentInfo info;
  info.title = "Kooperationsvereinbarung OGS";
  info.subject = "Kooperationsvereinbarung";
  const std::string props =
      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>Kooperationsvereinbarung OGS</dc:title>"
      "<dc:subject>Kooperationsvereinbarung</dc:subject><dc:creator>kovgen</dc:creator><dc:language>de-DE</dc:language>";
  CHECK(kovgen::xml_fragment(kovgen::core_properties_part(info, std::nullopt)) == props + "</cp:coreProperties>");
  CHECK(kovgen::xml_fragment(kovgen::core_properties_part(info, 1754006400)) ==
        props + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-08-01T00:00:00Z</dcterms:created>"
                "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2025-08-01T00:00:00Z</dcterms:modified></cp:coreProperties>");
}

// Word refuses documents whose property elements are out of schema order, though
// pandoc and LibreOffice read them: this is the only client-free check of it.
TEST_CASE("docx parts: property elements follow the order of the WordprocessingML schema") {
  const std::map<std::string, std::vector<std::string>> orders = {
      {"w:pPr", {"w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
                 "w:numPr", "w:pBdr", "w:shd", "w:tabs", "w:spacing", "w:ind", "w:contextualSpacing", "w:jc",
                 "w:outlineLvl", "w:rPr"}},
      {"w:rPr", {"w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:strike", "w:color", "w:sz", "w:szCs",
                 "w:u", "w:lang"}},
      {"w:tblPr", {"w:tblStyle", "w:tblW", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblLook"}},
      {"w:sectPr", {"w:headerReference", "w:footerReference", "w:pgSz", "w:pgMar", "w:cols", "w:docGrid"}},
      {"w:style", {"w:name", "w:basedOn", "w:next", "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat",
                   "w:pPr", "w:rPr", "w:tblPr", "w:tblStylePr"}},
      {"w:lvl", {"w:start", "w:numFmt", "w:lvlText", "w:lvlJc", "w:pPr", "w:rPr"}},
      {"w:settings", {"w:zoom", "w:defaultTabStop", "w:autoHyphenation", "w:hyphenationZone",
                      "w:characterSpacingControl", "w:updateFields", "w:compat", "w:themeFontLang",
                      "w:decimalSymbol", "w:listSeparator"}},
  };
  kovgen::Diagnostics diag;
  kovgen::MarkdownTree tree = kovgen::parse_markdown(
      kovgen::docx_test::slurp(kovgen::docx_test::source_path("tests/data/docx/agreement.md")) +
      kovgen::docx_test::slurp(kovgen::docx_test::source_path("tests/data/docx/constructs.md")));
  auto parts = kovgen::docx_parts(tree.get(), {}, diag);
  REQUIRE(parts);
  int checked = 0;
  for (const auto& part : *parts) {
    pugi::xml_document doc;
    REQUIRE(doc.load_buffer(part.bytes.data(), part.bytes.size()));
    for (const auto& [parent, order] : orders)
      for (pugi::xpath_node n : doc.select_nodes(("//" + parent).c_str())) {
        size_t last = 0;
        for (pugi::xml_node child : n.node().children()) {
          auto at = std::find(order.begin(), order.end(), child.name());
          INFO(part.name << ": " << parent << " > " << child.name());
          REQUIRE(at != order.end());
          CHECK(static_cast<size_t>(at - order.begin()) >= last);
          last = at - order.begin();
        }
        ++checked;
      }
  }
  CHECK(checked > 100);
}
