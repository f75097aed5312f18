#pragma once
// The Word styles the DOCX writer uses: their ids (shared by document.xml and
// styles.xml) and the default styles.xml. A reference document may rename ids;
// docx_reference.h maps them by style name.
#include <string>

#include <pugixml.hpp>

#include "markdown_conventions.h"

namespace kovgen::style_id {

inline constexpr const char* kNormal = "Normal";
inline constexpr const char* kTitle = "Title";
inline constexpr const char* kHeading[] = {"Heading1", "Heading2", "Heading3"};
inline constexpr const char* kBodyText = "BodyText";
inline constexpr const char* kSignatureLine = "SignatureLine";
inline constexpr const char* kBlockText = "BlockText";
inline constexpr const char* kListParagraph = "ListParagraph";
inline constexpr const char* kSourceCode = "SourceCode";
inline constexpr const char* kVerbatimChar = "VerbatimChar";
inline constexpr const char* kHyperlink = "Hyperlink";
inline constexpr const char* kTable = "Table";
inline constexpr const char* kTableText = "TableText";
inline constexpr const char* kTableHeading = "TableHeading";
inline constexpr const char* kHeader = "Header";
inline constexpr const char* kFooter = "Footer";
inline constexpr const char* kCommentText = "CommentText";
inline constexpr const char* kCommentReference = "CommentReference";

// "AlertNote", …, "AlertCaution": one paragraph style per alert kind.
const char* alert(AlertKind kind);

}  // namespace kovgen::style_id

namespace kovgen {

// Left indent of list level `level` (0-based) in twips; bullets hang by kListHanging.
inline constexpr int kListHanging = 425;  // 0.75 cm
inline int list_indent(int level) { return kListHanging * (level + 1); }

// The default word/styles.xml: body text Times New Roman 11 pt in de-DE (the PDF's
// Liberation Serif has its metrics, so both break lines alike), Title, Heading 1–3
// with outline levels, the table style, alert boxes in their kinds' colours.
pugi::xml_document default_styles();

}  // namespace kovgen
