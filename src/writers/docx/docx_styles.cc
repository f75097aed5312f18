#include "docx_styles.h"

#include <cstdio>
#include <string>

#include "docx_xml.h"

namespace kovgen {

const char* style_id::alert(AlertKind kind) {
  switch (kind) {
    case AlertKind::note: return "AlertNote";
    case AlertKind::tip: return "AlertTip";
    case AlertKind::important: return "AlertImportant";
    case AlertKind::warning: return "AlertWarning";
    case AlertKind::caution: return "AlertCaution";
    case AlertKind::none: break;
  }
  return style_id::kBlockText;
}

namespace {

// Signature lines get room above them to sign on.
// Names are Word's built-in names where one exists ("heading 1", "header"), so that
// Word and LibreOffice treat them as their own and localise them in the UI.
// Sizes in half-points, distances in twips (567 = 1 cm).
constexpr const char* kStyles = R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults>
  <w:rPrDefault><w:rPr>
    <w:rFonts w:ascii="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>
    <w:sz w:val="22"/><w:szCs w:val="22"/>
    <w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="ar-SA"/>
  </w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal">
  <w:name w:val="Normal"/><w:qFormat/>
  <w:pPr><w:widowControl/></w:pPr>
</w:style>
<w:style w:type="paragraph" w:styleId="BodyText">
  <w:name w:val="Body Text"/><w:basedOn w:val="Normal"/><w:qFormat/>
  <w:pPr><w:spacing w:after="120"/></w:pPr>
</w:style>
<w:style w:type="paragraph" w:styleId="SignatureLine">
  <w:name w:val="Signature Line"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/>
  <w:pPr><w:spacing w:before="720" w:after="0"/></w:pPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Title">
  <w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:after="360"/><w:jc w:val="center"/></w:pPr>
  <w:rPr><w:b/><w:bCs/><w:sz w:val="34"/><w:szCs w:val="34"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Heading1">
  <w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:uiPriority w:val="9"/><w:qFormat/>
  <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>
  <w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Heading2">
  <w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
  <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>
  <w:rPr><w:b/><w:bCs/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Heading3">
  <w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
  <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr>
  <w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph">
  <w:name w:val="List Paragraph"/><w:basedOn w:val="BodyText"/><w:uiPriority w:val="34"/><w:qFormat/>
  <w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr>
</w:style>
<w:style w:type="paragraph" w:styleId="BlockText">
  <w:name w:val="Block Text"/><w:basedOn w:val="BodyText"/><w:next w:val="BodyText"/>
  <w:pPr><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="A0A0A0"/></w:pBdr><w:ind w:left="567" w:right="567"/></w:pPr>
  <w:rPr><w:color w:val="404040"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="SourceCode">
  <w:name w:val="Source Code"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/>
  <w:pPr><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="TableText">
  <w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>
  <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="TableHeading">
  <w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/>
  <w:pPr><w:keepNext/></w:pPr>
  <w:rPr><w:b/><w:bCs/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Header">
  <w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
  <w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="A0A0A0"/></w:pBdr></w:pPr>
  <w:rPr><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Footer">
  <w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
  <w:pPr><w:jc w:val="center"/></w:pPr>
  <w:rPr><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="CommentText">
  <w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
  <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
</w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
  <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>
</w:style>
<w:style w:type="character" w:styleId="CommentReference">
  <w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
  <w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
</w:style>
<w:style w:type="character" w:styleId="VerbatimChar">
  <w:name w:val="Verbatim Char"/><w:basedOn w:val="DefaultParagraphFont"/>
  <w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
</w:style>
<w:style w:type="character" w:styleId="Hyperlink">
  <w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
  <w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>
</w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal">
  <w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
  <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>
</w:style>
<w:style w:type="table" w:styleId="Table">
  <w:name w:val="Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/>
  <w:tblPr><w:tblBorders>
    <w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>
    <w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>
    <w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>
  </w:tblBorders></w:tblPr>
  <w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/></w:tcPr></w:tblStylePr>
</w:style>
</w:styles>)";

// The kind's colour mixed with white: the box's background.
std::string tint(const char* rrggbb) {
  unsigned rgb = std::stoul(rrggbb, nullptr, 16);
  std::string out(6, '0');
  char buf[8];
  unsigned mixed[3];
  for (int i = 0; i < 3; ++i) {
    unsigned c = (rgb >> (16 - 8 * i)) & 0xFF;
    mixed[i] = 255 - (255 - c) * 12 / 100;
  }
  std::snprintf(buf, sizeof buf, "%02X%02X%02X", mixed[0], mixed[1], mixed[2]);
  return buf;
}

void add_alert_style(pugi::xml_node styles, AlertKind kind) {
  const std::string color = alert_color(kind);
  pugi::xml_node s = add_element(styles, "w:style", {{"w:type", "paragraph"}, {"w:styleId", style_id::alert(kind)}});
  add_element(s, "w:name", {{"w:val", std::string("Kasten ") + alert_title(kind)}});
  add_element(s, "w:basedOn", {{"w:val", style_id::kBodyText}});
  add_element(s, "w:next", {{"w:val", style_id::kBodyText}});
  pugi::xml_node ppr = s.append_child("w:pPr");
  ppr.append_child("w:keepLines");
  // Neighbouring paragraphs with equal borders form one box in Word and LibreOffice.
  pugi::xml_node bdr = ppr.append_child("w:pBdr");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"})
    add_element(bdr, side, {{"w:val", "single"}, {"w:sz", side == std::string("w:left") ? "24" : "6"},
                            {"w:space", "4"}, {"w:color", color}});
  add_element(ppr, "w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", tint(color.c_str())}});
  // Space around the box but none inside it: contextual spacing drops the spacing
  // between paragraphs of the same style.
  add_element(ppr, "w:spacing", {{"w:before", "120"}, {"w:after", "120"}});
  add_element(ppr, "w:ind", {{"w:left", "170"}, {"w:right", "113"}});
  ppr.append_child("w:contextualSpacing");
}

}  // namespace

pugi::xml_document default_styles() {
  pugi::xml_document doc = parse_own_xml(kStyles);
  pugi::xml_node styles = doc.child("w:styles");
  for (AlertKind kind : {AlertKind::note, AlertKind::tip, AlertKind::important, AlertKind::warning,
                         AlertKind::caution})
    add_alert_style(styles, kind);
  return doc;
}

}  // namespace kovgen
