#include "markdown_tree.h"

#include "draft_status.h"
#include "i18n.h"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

#include <cmark-gfm-extension_api.h>

namespace kovgen {

namespace {

void register_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

void attach(cmark_parser* parser, const char* name) {
  if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
    cmark_parser_attach_syntax_extension(parser, ext);
}

bool has_type_string(cmark_node* n, const char* name) {
  const char* t = cmark_node_get_type_string(n);
  return t && std::strcmp(t, name) == 0;
}

void append_plain_text(cmark_node* n, std::string& out) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      if (const char* s = cmark_node_get_literal(n)) out += s;
      return;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      out += ' ';
      return;
    default:
      break;
  }
  for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c))
    append_plain_text(c, out);
}

// cmark keeps a node's strings (literal, fence info, link target and title, custom
// code) as views into the parser's buffer and copies each into its own allocation
// the first time a getter asks for it: the getters write to the node. Asking once
// for all of them here makes every later read a pure read, so that writers may
// read one tree from several threads at once (kovgen diff's jobs do).
void copy_out_every_string(cmark_node* root) {
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    cmark_node_get_literal(n);
    cmark_node_get_fence_info(n);
    cmark_node_get_url(n);
    cmark_node_get_title(n);
    cmark_node_get_on_enter(n);
    cmark_node_get_on_exit(n);
  }
  cmark_iter_free(it);
}

}  // namespace

MarkdownTree parse_markdown(std::string_view text) {
  register_extensions_once();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  attach(parser, "table");
  attach(parser, "strikethrough");
  attach(parser, "tasklist");
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* root = nullptr;
  {
    // cmark-gfm keeps the inline extensions' characters ("~" of strikethrough) in
    // one table for the whole process, which every parse sets when it parses the
    // inlines, in cmark_parser_finish, and clears when it is done
    // (github/cmark-gfm#176). Two parses finishing at once would let one read
    // "~~struck~~" as plain text, so the finishes take turns; the line
    // parsing in cmark_parser_feed, most of a parse, does not touch the table.
    static std::mutex inline_characters;
    std::lock_guard<std::mutex> turn(inline_characters);
    root = cmark_parser_finish(parser);
  }
  cmark_parser_free(parser);
  split_placeholders(root);
  copy_out_every_string(root);
  return MarkdownTree(root);
}

bool is_table(cmark_node* n) { return cmark_node_get_type(n) == CMARK_NODE_TABLE; }
bool is_table_row(cmark_node* n) { return cmark_node_get_type(n) == CMARK_NODE_TABLE_ROW; }
bool is_table_cell(cmark_node* n) { return cmark_node_get_type(n) == CMARK_NODE_TABLE_CELL; }
bool is_strikethrough(cmark_node* n) {
  return cmark_node_get_type(n) == CMARK_NODE_STRIKETHROUGH;
}
bool is_task_item(cmark_node* n) { return has_type_string(n, "tasklist"); }
bool is_task_checked(cmark_node* n) {
  return is_task_item(n) && cmark_gfm_extensions_get_tasklist_item_checked(n);
}

std::string plain_text(cmark_node* n) {
  std::string out;
  append_plain_text(n, out);
  return out;
}

bool check_markdown_depth(cmark_node* root, const std::string& file, Diagnostics& diag) {
  // Iterative, so the check itself cannot overflow.
  std::vector<std::pair<cmark_node*, int>> stack{{root, 0}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxMarkdownDepth) {
      diag.error({file, cmark_node_get_start_line(n), cmark_node_get_start_column(n)},
                 fill(tr("Markdown nested too deeply (more than {} levels of block quotes, lists, list items or "
                         "emphasis inside each other)"),
                      {std::to_string(kMaxMarkdownDepth)}));
      return false;
    }
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) stack.push_back({c, depth + 1});
  }
  return true;
}

std::string render_commonmark(cmark_node* root) {
  char* s = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0);
  std::string out(s);
  std::free(s);
  return out;
}

std::string render_html(cmark_node* root) {
  cmark_mem* mem = cmark_get_default_mem_allocator();
  cmark_llist* extensions = nullptr;
  for (const char* name : {"table", "strikethrough", "tasklist"})
    if (cmark_syntax_extension* e = cmark_find_syntax_extension(name))
      extensions = cmark_llist_append(mem, extensions, e);
  char* raw = cmark_render_html(root, CMARK_OPT_DEFAULT, extensions);
  std::string html = raw ? raw : "";
  mem->free(raw);
  cmark_llist_free(mem, extensions);
  return html;
}

}  // namespace kovgen
