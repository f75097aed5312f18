#pragma once
// The Markdown draft parsed once with cmark-gfm (table, strikethrough and tasklist
// extensions), shared by every writer.
#include <memory>
#include <string>
#include <string_view>

#include <cmark-gfm.h>

extern "C" {
// Exported by libcmark-gfm-extensions but not declared in its headers.
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;
}
#include <cmark-gfm-core-extensions.h>

#include "diagnostics.h"

namespace kovgen {

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using MarkdownTree = std::unique_ptr<cmark_node, NodeDeleter>;

// Parses CommonMark + GFM tables, strikethrough and task lists. Never fails: any
// byte sequence is some Markdown (invalid UTF-8 is replaced by U+FFFD by cmark;
// callers validate UTF-8 first when they need to report it). Every placeholder
// („[offen: …]“) becomes a text node of its own (draft_status.h). Reading the
// tree changes nothing in it, so several threads may read it at once.
MarkdownTree parse_markdown(std::string_view text);

// True for a node of one of the extension types.
bool is_table(cmark_node* n);
bool is_table_row(cmark_node* n);
bool is_table_cell(cmark_node* n);
bool is_strikethrough(cmark_node* n);
// A list item with a task box ("- [ ]" / "- [x]").
bool is_task_item(cmark_node* n);
bool is_task_checked(cmark_node* n);

// The concatenated literal text below a node (text, code, breaks as spaces).
std::string plain_text(cmark_node* n);

// The writers recurse over the tree. Markdown nested deeper than this (block
// quotes, lists, emphasis inside each other) is refused instead of overflowing
// the stack; real agreements need fewer than ten levels.
constexpr int kMaxMarkdownDepth = 32;

// Reports Markdown nested deeper than kMaxMarkdownDepth, at the first such node's
// line and column in `file`; true when the tree is shallow enough.
bool check_markdown_depth(cmark_node* root, const std::string& file, Diagnostics& diag);

// Renders the tree back to CommonMark (for tests and round trips).
std::string render_commonmark(cmark_node* root);

// cmark-gfm's HTML of the tree, tables, strikethrough and task lists included. Raw
// HTML is left out (no CMARK_OPT_UNSAFE): nothing in a draft may run in a browser.
std::string render_html(cmark_node* root);

}  // namespace kovgen
