#pragma once
// The few constructs of our Markdown that writers treat specially
// (docs/markdown-conventions.md): alerts, layout markers, document info.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "markdown_tree.h"

namespace kovgen {

enum class AlertKind { none, note, tip, important, warning, caution };

// The kind of a GitHub-style alert ("> [!CAUTION]"), or none for any other node.
AlertKind alert_kind(cmark_node* block_quote);

// German box title for a kind: Hinweis, Tipp, Wichtig, Warnung, Achtung.
const char* alert_title(AlertKind kind);

// RGB colour of a kind's bar and border, as "RRGGBB".
const char* alert_color(AlertKind kind);

// Whether a text node is the "[!KIND]" marker of an alert (or its pieces, since cmark
// splits "[", "!KIND", "]" into separate text nodes). Writers skip such nodes, and
// the soft break right after them.
bool is_alert_marker_node(cmark_node* n);

// The alert's text without the marker, for Word comments and accessibility.
std::string alert_plain_text(cmark_node* block_quote);

// A paragraph of five or more underscores: a line to sign on.
bool is_signature_line(cmark_node* paragraph);

// equal_columns: the next table's columns share the width equally (a Synopse's
// "Bisherige Fassung | Neue Fassung"), whatever their content.
enum class LayoutMarker { none, keep_together_begin, keep_together_end, page_break, page_numbering, equal_columns };

// Recognises "<!-- kovgen:keep-together -->" etc. on an HTML block node.
LayoutMarker layout_marker(cmark_node* html_block);

// "<!-- kovgen:page-numbering Anlage 3 -->": what follows starts on a new page and
// counts its pages on its own, its footer led by the label („Anlage 3 – Seite 1 von 2“),
// up to the next such marker. The label of a page_numbering marker, else "".
std::string page_numbering_label(cmark_node* html_block);

struct ReferenceDocx;  // the parsed --reference-docx (writers/docx/docx_reference.h)
namespace layout {
class LineCache;  // paragraphs broken into lines before (layout/line_cache.h)
}

struct WriterOptions {
  bool force_draft = false;        // --draft
  // --reference-docx FILE, read and parsed once by the front-end
  // (load_reference_docx in output_formats.h) for every document it writes.
  std::shared_ptr<const ReferenceDocx> reference_docx;
  std::string source_name;         // the input's file name, for messages
  // The documents' creation date in seconds since 1970 (SOURCE_DATE_EPOCH, read by
  // the front-end); none: the DOCX carries no date, so equal drafts stay equal files.
  std::optional<int64_t> timestamp;
  // The program named as the documents' creator ("kovgen 0.1.0").
  std::string creator = "kovgen";
  // A folder with the PDF font subsets that replaces the build's (PDF writer only).
  std::string font_dir;
  // A comparison (kovgen diff): **bold** is new wording and ~~struck~~ old
  // wording, shown in change colours; the PDF adds a change bar to their lines.
  bool change_marks = false;
  // Shared by the PDFs of a batch, which have most paragraphs in common (PDF writer only).
  std::shared_ptr<layout::LineCache> line_cache;
};

struct DocumentInfo {
  std::string title;     // text of the first level-1 heading, or "Kooperationsvereinbarung"
  std::string subject;   // "Kooperationsvereinbarung" unless the title says otherwise
  std::string author = "kovgen";
  std::string language = "de-DE";
  bool draft = false;    // --draft, or the document is not ready to sign (draft_status.h)
};

DocumentInfo document_info(cmark_node* root, const WriterOptions& options);

}  // namespace kovgen
