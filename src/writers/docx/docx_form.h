#pragma once
// A Word form: the DOCX of a Markdown document in which marker paragraphs
// (form_marker) are replaced by content controls (w:sdt) that Word and
// LibreOffice fill in, and the controls read back from a filled-in document.
//
// Each control carries its key as w:tag and w:alias, and a bookmark beside it
// (form_bookmark): LibreOffice 7.4, saving the document again, drops every tag and
// the alias of check boxes and drop-downs, and turns block-level controls into
// inline ones (so kovgen writes inline ones). The reader takes the tag, else the
// alias, else the bookmark, at any level.
// Check boxes are Word 2010's (w14), repeating sections Word 2013's (w15); both are
// marked ignorable, so older clients show the rows that were written.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.h"
#include "markdown_conventions.h"

namespace kovgen {

enum class FormControlKind {
  text,       // one line
  multiline,  // line breaks allowed
  date,       // date picker, German format
  dropdown,   // one of `items`
  yes_no,     // two check boxes, `yes` and `no`
  list,       // repeating section of one-line texts, one paragraph each
  table,      // repeating section of table rows, one control per column
  fixed,      // locked text that identifies the form (template id)
};

struct FormControl {
  std::string key;
  FormControlKind kind = FormControlKind::text;
  std::string placeholder;                     // shown while empty
  std::vector<std::string> items;              // dropdown
  std::string value;                           // prefilled text; yes_no: "yes", "no" or ""
  std::string yes, no;                         // yes_no: the labels of the boxes
  std::vector<FormControl> columns;            // table: the control of each column
  std::vector<std::vector<std::string>> rows;  // list: {item}; table: one text per column
};

// The text of the Markdown paragraph that control `index` replaces. A list writes
// one paragraph per row (row >= 0); a table puts one marker in each cell
// (row and column >= 0).
std::string form_marker(size_t index, int row = -1, int column = -1);

// The name of the bookmark beside control `index` (with `part`: "ja"/"nein" of a
// yes/no pair, "z2" for a list's third row, "1_z2" for a table's second column in
// its third row): LibreOffice 7.4 drops the alias of check boxes and drop-downs
// too, but keeps bookmarks, so the reader finds the control by it. Bookmark names
// are unique; LibreOffice renames copies "…_Copy_1", Word drops them.
std::string form_bookmark(size_t index, const std::string& part = "");

// The .docx with the controls in place of their markers, protected for filling in
// forms (Word then lets people type only into the controls). Errors for a marker
// that is missing from the document.
std::optional<std::string> write_docx_form(cmark_node* root, const WriterOptions& options,
                                           const std::vector<FormControl>& controls, Diagnostics& diag);

// One control found in a filled-in form.
struct FormEntry {
  std::string key;                  // w:tag, else w:alias; "" when it has neither
  bool checkbox = false;
  bool checked = false;             // checkbox
  std::string text;                 // what the control shows: tabs as \t, breaks and paragraphs as \n
  bool showing_placeholder = false;
  bool formatted = false;           // the person added formatting (bold, colour, ...), which is dropped
  int row = -1;                     // the table row it sits in (numbered through the document), else -1
  std::string bookmark;             // the form_bookmark inside or just before it, if any
};

// The controls of word/document.xml in document order (containers such as
// repeating sections are not entries; their contents are). Errors name `name`.
std::optional<std::vector<FormEntry>> read_form_entries(const std::map<std::string, std::string>& parts,
                                                        const std::string& name, Diagnostics& diag);

}  // namespace kovgen
