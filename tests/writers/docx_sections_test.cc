// Parts that count their own pages (the Anlagen) in the DOCX: a section per part,
// restarting at page 1, with a footer that names the part and counts its pages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "docx_parts.h"
#include "docx_test_support.h"
#include "docx_writer.h"

namespace {

const std::string kAnnexed =
    "# Vertrag\n\nText.\n\n<!-- kovgen:keep-together -->\n\nUnterschrift\n\n<!-- kovgen:end-keep-together -->\n\n"
    "<!-- kovgen:page-numbering Anlage 1 -->\n\n# Anlage 1 zur Kooperationsvereinbarung\n\nPlätze.\n\n"
    "<!-- kovgen:page-numbering Anlage 3 -->\n\n# Anlage 3 zur Kooperationsvereinbarung\n\nGeld.\n";

std::vector<kovgen::DocxPart> parts_of(const std::string& markdown) {
  kovgen::MarkdownTree tree = kovgen::parse_markdown(markdown);
  kovgen::Diagnostics diag;
  auto parts = kovgen::docx_parts(tree.get(), {}, diag);
  REQUIRE(parts);
  return *parts;
}

std::string part(const std::vector<kovgen::DocxPart>& parts, const std::string& name) {
  for (const kovgen::DocxPart& p : parts)
    if (p.name == name) return p.bytes;
  return {};
}

std::string footer_text(const std::string& xml) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(xml.c_str()));
  // In document order: the field instructions between the words.
  struct Collect : pugi::xml_tree_walker {
    std::string text;
    bool for_each(pugi::xml_node& n) override {
      const std::string_view name = n.name();
      if (name == "w:t" || name == "w:instrText") text += n.text().get();
      return true;
    }
  } collect;
  doc.traverse(collect);
  return collect.text;
}

}  // namespace

TEST_CASE("docx sections: each Anlage is a section that restarts at page 1 with its own footer") {
  const std::vector<kovgen::DocxPart> parts = parts_of(kAnnexed);
  pugi::xml_document doc;
  REQUIRE(doc.load_string(part(parts, "word/document.xml").c_str()));
  const pugi::xpath_node_set sections = doc.select_nodes("//w:sectPr");
  REQUIRE(sections.size() == 3);
  // The agreement and Anlage 1 end in an empty paragraph of the body (the signature
  // group before it is a table, whose cells cannot end a section).
  for (int i : {0, 1}) {
    const pugi::xml_node para = sections[i].node().parent().parent();
    CHECK(std::string(para.name()) == "w:p");
    CHECK(std::string(para.parent().name()) == "w:body");
    CHECK(para.select_nodes(".//w:t").empty());
  }
  CHECK(std::string(sections[2].node().parent().name()) == "w:body");
  const std::string footers[] = {"rIdFooter", "rIdFooter2", "rIdFooter3"};
  for (int i = 0; i < 3; ++i) {
    const pugi::xml_node s = sections[i].node();
    CAPTURE(i);
    CHECK(s.child("w:headerReference").attribute("r:id").value() == std::string("rIdHeader"));
    CHECK(s.child("w:footerReference").attribute("r:id").value() == footers[i]);
    CHECK(s.child("w:pgSz"));
    // Only the Anlagen restart; w:pgNumType stands where the schema wants it, before w:cols.
    CHECK(bool(s.child("w:pgNumType")) == (i > 0));
    if (i > 0) {
      CHECK(s.child("w:pgNumType").attribute("w:start").as_int() == 1);
      CHECK(std::string(s.child("w:pgNumType").next_sibling().name()) == "w:cols");
    }
  }
  // The Anlagen start on a new page through their section; no extra page break.
  CHECK(doc.select_nodes("//w:pageBreakBefore | //w:br[@w:type='page']").empty());

  const std::string rels = part(parts, "word/_rels/document.xml.rels");
  CHECK(rels.find("Id=\"rIdFooter2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                  "footer\" Target=\"footer2.xml\"") != std::string::npos);
  CHECK(rels.find("Target=\"footer3.xml\"") != std::string::npos);
  // „von Y“ is the page of the bookmark on the part's last page, counted within its section.
  CHECK(footer_text(part(parts, "word/footer1.xml")) == "Seite  PAGE 1 von  PAGEREF _KovgenTeilEnde0 1");
  CHECK(footer_text(part(parts, "word/footer2.xml")) == "Anlage 1 \u2013 Seite  PAGE 1 von  PAGEREF _KovgenTeilEnde1 1");
  CHECK(footer_text(part(parts, "word/footer3.xml")) == "Anlage 3 \u2013 Seite  PAGE 1 von  PAGEREF _KovgenTeilEnde2 1");
  for (int i = 0; i < 3; ++i) {
    const std::string name = "_KovgenTeilEnde" + std::to_string(i);
    CAPTURE(name);
    const pugi::xml_node mark =
        doc.select_node(("//w:bookmarkStart[@w:name='" + name + "']").c_str()).node();
    REQUIRE(mark);
    CHECK(mark.next_sibling("w:bookmarkEnd").attribute("w:id").value() == std::string(mark.attribute("w:id").value()));
    // In the part's last paragraph: the one that ends its section, or the body's last.
    const pugi::xml_node para = mark.parent();
    CHECK((i < 2 ? para.child("w:pPr").child("w:sectPr") : para.next_sibling("w:sectPr")));
  }
}

TEST_CASE("docx sections: a document without Anlagen keeps one section and counts all its pages") {
  const std::vector<kovgen::DocxPart> parts = parts_of("# Vertrag\n\nText.\n\n<!-- kovgen:page-break -->\n\nMehr.\n");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(part(parts, "word/document.xml").c_str()));
  CHECK(doc.select_nodes("//w:sectPr").size() == 1);
  CHECK(doc.select_nodes("//w:pgNumType").empty());
  CHECK(part(parts, "word/footer2.xml").empty());
  CHECK(footer_text(part(parts, "word/footer1.xml")) == "Seite  PAGE 1 von  NUMPAGES 1");
  CHECK(doc.select_nodes("//w:bookmarkStart").empty());
}

TEST_CASE("docx sections: a marker without content after it makes no empty section") {
  // Two markers in a row, and one at the very end (a document cut off after it).
  const std::vector<kovgen::DocxPart> parts =
      parts_of("# Vertrag\n\nText.\n\n<!-- kovgen:page-numbering Anlage 1 -->\n\n"
               "<!-- kovgen:page-numbering Anlage 3 -->\n\n# Anlage 3\n\nGeld.\n\n"
               "<!-- kovgen:page-numbering Anlage 4 -->\n");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(part(parts, "word/document.xml").c_str()));
  CHECK(doc.select_nodes("//w:sectPr").size() == 2);
  CHECK(footer_text(part(parts, "word/footer2.xml")) == "Anlage 3 \u2013 Seite  PAGE 1 von  PAGEREF _KovgenTeilEnde1 1");
  CHECK(part(parts, "word/footer3.xml").empty());
  // The body's last paragraph holds the last part's bookmark and some text comes before it.
  CHECK(doc.select_nodes("//w:bookmarkStart").size() == 2);
}
