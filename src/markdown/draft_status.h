#pragma once
// Whether a Markdown draft is ready to sign, read from the document alone: what
// convert and the writers need for a draft someone edited by hand. It applies the
// rule of src/model/checklist.h (is_ready_to_sign) to the text: a placeholder
// („[offen: …]“) left anywhere, a CAUTION box (kovgen's box of an incomplete
// mandatory section, or of a draft not ready to sign), or kovgen's checklist
// appendix saying the draft was not ready keeps it a draft. Deleting the boxes
// therefore does not make a draft final while placeholders or the appendix remain.
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "markdown_tree.h"

namespace kovgen {

// Makes every placeholder a text node of its own (cmark splits text at brackets),
// so that writers can highlight it: parse_markdown calls it.
void split_placeholders(cmark_node* root);

// A text node that is one whole placeholder (after split_placeholders).
bool is_placeholder_node(cmark_node* text);

struct DraftStatus {
  struct Spot {
    std::string text;  // the placeholder's text after "offen:", or the box's text
    int line = 0;
  };
  std::vector<Spot> placeholders;
  std::vector<Spot> caution_boxes;
  bool checklist_found = false;      // kovgen's checklist appendix is in the document
  bool checklist_draft = false;      // and says the draft was not ready (or marked a draft)
  int checklist_mandatory_missing = 0;
  int checklist_line = 0;
  // The first and last line of the appendix (its page break, heading and table).
  int appendix_first_line = 0, appendix_last_line = 0;

  bool ready_to_sign() const { return placeholders.empty() && caution_boxes.empty() && !checklist_draft; }
};

DraftStatus assess_draft(cmark_node* root);

// The Markdown text without the lines of kovgen's checklist appendix.
std::string without_checklist_appendix(std::string_view markdown, const DraftStatus& status);

// The text convert writes, and its tree when the review did not change the text
// (so that it is parsed once); null when the checklist appendix was taken out.
struct ReviewedDraft {
  std::string markdown;
  MarkdownTree tree;
};

// For convert: warns (at file and line, in the user's language) when the draft is
// not ready to sign, and says why and what to do. Returns the text to convert:
// without the checklist appendix when asked to or when the draft is ready to sign
// (a final version has none).
ReviewedDraft review_draft(std::string_view markdown, const std::string& file, bool without_checklist,
                           Diagnostics& diag);

}  // namespace kovgen
