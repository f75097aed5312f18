#include "docx_parts.h"

#include <cstdlib>
#include <ctime>

#include "docx_reference.h"
#include "docx_styles.h"
#include "docx_xml.h"

namespace kovgen {

namespace {

pugi::xml_node root(pugi::xml_document& doc, const char* name) {
  pugi::xml_node n = doc.append_child(name);
  n.append_attribute("xmlns:w") = kNsW;
  n.append_attribute("xmlns:r") = kNsR;
  return n;
}

constexpr const char* kBullets[] = {"\u2022", "\u2013", "\u25E6"};  // • – ◦
constexpr const char* kOrderedFormats[] = {"decimal", "lowerLetter", "lowerRoman"};
constexpr const char* kOrderedSuffix[] = {".", ")", "."};  // 1.  a)  i.

void add_abstract_numbering(pugi::xml_node numbering, int id, bool ordered) {
  pugi::xml_node abs = add_element(numbering, "w:abstractNum", {{"w:abstractNumId", std::to_string(id)}});
  add_element(abs, "w:multiLevelType", {{"w:val", "hybridMultilevel"}});
  for (int level = 0; level < 9; ++level) {
    pugi::xml_node lvl = add_element(abs, "w:lvl", {{"w:ilvl", std::to_string(level)}});
    add_element(lvl, "w:start", {{"w:val", "1"}});
    if (ordered) {
      add_element(lvl, "w:numFmt", {{"w:val", kOrderedFormats[level % 3]}});
      std::string text = std::to_string(level + 1);
      text.insert(text.begin(), '%');
      text += kOrderedSuffix[level % 3];
      add_element(lvl, "w:lvlText", {{"w:val", text}});
    } else {
      add_element(lvl, "w:numFmt", {{"w:val", "bullet"}});
      add_element(lvl, "w:lvlText", {{"w:val", kBullets[level % 3]}});
    }
    add_element(lvl, "w:lvlJc", {{"w:val", "left"}});
    add_element(lvl.append_child("w:pPr"), "w:ind",
                {{"w:left", std::to_string(list_indent(level))},
                 {"w:hanging", std::to_string(kListHanging)}});
  }
}

void add_field(pugi::xml_node para, const std::string& instruction, const char* placeholder) {
  add_element(para.append_child("w:r"), "w:fldChar", {{"w:fldCharType", "begin"}});
  pugi::xml_node instr = para.append_child("w:r").append_child("w:instrText");
  instr.append_attribute("xml:space") = "preserve";
  instr.text().set(instruction.c_str());
  add_element(para.append_child("w:r"), "w:fldChar", {{"w:fldCharType", "separate"}});
  para.append_child("w:r").append_child("w:t").text().set(placeholder);
  add_element(para.append_child("w:r"), "w:fldChar", {{"w:fldCharType", "end"}});
}

}  // namespace

pugi::xml_document numbering_part(const std::vector<DocxList>& lists) {
  pugi::xml_document doc;
  pugi::xml_node numbering = root(doc, "w:numbering");
  // Every w:abstractNum must come before the first w:num.
  add_abstract_numbering(numbering, 0, false);
  add_abstract_numbering(numbering, 1, true);
  for (size_t i = 0; i < lists.size(); ++i) {
    pugi::xml_node num = add_element(numbering, "w:num", {{"w:numId", std::to_string(i + 1)}});
    add_element(num, "w:abstractNumId", {{"w:val", lists[i].ordered ? "1" : "0"}});
    if (!lists[i].ordered) continue;
    // Without an override Word continues the count of an earlier list.
    pugi::xml_node over = add_element(num, "w:lvlOverride", {{"w:ilvl", std::to_string(lists[i].level)}});
    add_element(over, "w:startOverride", {{"w:val", std::to_string(lists[i].start)}});
  }
  return doc;
}

pugi::xml_document settings_part() {
  pugi::xml_document doc;
  pugi::xml_node s = root(doc, "w:settings");
  // Children in schema order (CT_Settings).
  add_element(s, "w:zoom", {{"w:percent", "100"}});
  add_element(s, "w:defaultTabStop", {{"w:val", "708"}});
  add_element(s, "w:autoHyphenation", {{"w:val", "true"}});
  add_element(s, "w:hyphenationZone", {{"w:val", "425"}});
  add_element(s, "w:characterSpacingControl", {{"w:val", "doNotCompress"}});
  add_element(s, "w:updateFields", {{"w:val", "true"}});
  pugi::xml_node compat = s.append_child("w:compat");
  add_element(compat, "w:compatSetting",
              {{"w:name", "compatibilityMode"}, {"w:uri", "http://schemas.microsoft.com/office/word"},
               {"w:val", "15"}});
  add_element(s, "w:themeFontLang", {{"w:val", "de-DE"}});
  add_element(s, "w:decimalSymbol", {{"w:val", ","}});
  add_element(s, "w:listSeparator", {{"w:val", ";"}});
  return doc;
}

// Marks our paragraph, so that --reference-docx finds it in an edited copy of our
// reference document (docx_reference.h). Ids far above Word's own bookmark ids.
void add_bookmark_start(pugi::xml_node para, const char* id, const char* name) {
  add_element(para, "w:bookmarkStart", {{"w:id", id}, {"w:name", name}});
}

pugi::xml_document header_part(const DocumentInfo& info) {
  pugi::xml_document doc;
  pugi::xml_node p = root(doc, "w:hdr").append_child("w:p");
  add_element(p.append_child("w:pPr"), "w:pStyle", {{"w:val", style_id::kHeader}});
  add_bookmark_start(p, "900001", kHeaderBookmark);
  if (info.draft) {
    // The mark leads: after a title that fills the line, a tab to the right
    // margin would glue it to the title's last word.
    pugi::xml_node r = p.append_child("w:r");
    pugi::xml_node rpr = r.append_child("w:rPr");
    rpr.append_child("w:b");
    add_element(rpr, "w:color", {{"w:val", "C00000"}});
    append_run_text(r, "ENTWURF");
    append_run_text(p.append_child("w:r"), " \u2013 ");
  }
  append_run_text(p.append_child("w:r"), info.title);
  add_element(p, "w:bookmarkEnd", {{"w:id", "900001"}});
  return doc;
}

pugi::xml_document footer_part(const std::string& label, const std::string& last_page) {
  pugi::xml_document doc;
  pugi::xml_node p = root(doc, "w:ftr").append_child("w:p");
  add_element(p.append_child("w:pPr"), "w:pStyle", {{"w:val", style_id::kFooter}});
  // Every footer carries the mark: a reference made from a document with Anlagen
  // reads the footer of its last section.
  add_bookmark_start(p, "900002", kFooterBookmark);
  append_run_text(p.append_child("w:r"), label.empty() ? "Seite " : label + " \u2013 Seite ");
  add_field(p, " PAGE ", "1");
  append_run_text(p.append_child("w:r"), " von ");
  add_field(p, last_page.empty() ? " NUMPAGES " : " PAGEREF " + last_page + " ", "1");
  add_element(p, "w:bookmarkEnd", {{"w:id", "900002"}});
  return doc;
}

pugi::xml_document default_page_setup() {
  pugi::xml_document doc;
  pugi::xml_node s = doc.append_child("w:sectPr");
  add_element(s, "w:pgSz", {{"w:w", "11906"}, {"w:h", "16838"}});  // A4
  add_element(s, "w:pgMar", {{"w:top", "1418"}, {"w:right", "1418"}, {"w:bottom", "1418"},
                             {"w:left", "1418"}, {"w:header", "709"}, {"w:footer", "709"},
                             {"w:gutter", "0"}});
  add_element(s, "w:cols", {{"w:space", "708"}});
  return doc;
}

int text_width(const pugi::xml_node& sect_pr) {
  int width = sect_pr.child("w:pgSz").attribute("w:w").as_int(11906);
  pugi::xml_node mar = sect_pr.child("w:pgMar");
  width -= mar.attribute("w:left").as_int(1418) + mar.attribute("w:right").as_int(1418);
  width -= mar.attribute("w:gutter").as_int(0);
  return width > 1000 ? width : 9070;
}

pugi::xml_document core_properties_part(const DocumentInfo& info, std::optional<int64_t> timestamp) {
  pugi::xml_document doc;
  pugi::xml_node cp = doc.append_child("cp:coreProperties");
  cp.append_attribute("xmlns:cp") =
      "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
  cp.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
  cp.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
  cp.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
  cp.append_child("dc:title").text().set(info.title.c_str());
  cp.append_child("dc:subject").text().set(info.subject.c_str());
  cp.append_child("dc:creator").text().set(info.author.c_str());
  cp.append_child("dc:language").text().set(info.language.c_str());
  if (timestamp) {
    std::tm tm{};
    const std::time_t t = static_cast<std::time_t>(*timestamp);
    char date[32];
    if (gmtime_r(&t, &tm) &&
        std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm)) {
      for (const char* name : {"dcterms:created", "dcterms:modified"}) {
        pugi::xml_node d = cp.append_child(name);
        d.append_attribute("xsi:type") = "dcterms:W3CDTF";
        d.text().set(date);
      }
    }
  }
  return doc;
}

pugi::xml_document app_properties_part(const std::string& application) {
  pugi::xml_document doc;
  pugi::xml_node p = doc.append_child("Properties");
  p.append_attribute("xmlns") =
      "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
  p.append_child("Application").text().set(application.c_str());
  return doc;
}

std::string office_relationship(const char* name) {
  return std::string("http://schemas.openxmlformats.org/officeDocument/2006/relationships/") + name;
}

pugi::xml_document relationships_part(const std::vector<Relationship>& rels) {
  pugi::xml_document doc;
  pugi::xml_node root_node = doc.append_child("Relationships");
  root_node.append_attribute("xmlns") = kNsRelationships;
  for (const Relationship& r : rels) {
    pugi::xml_node n = add_element(root_node, "Relationship",
                                   {{"Id", r.id}, {"Type", r.type}, {"Target", r.target}});
    if (r.external) n.append_attribute("TargetMode") = "External";
  }
  return doc;
}

}  // namespace kovgen
