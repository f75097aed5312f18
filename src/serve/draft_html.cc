#include "draft_html.h"

#include <vector>

#include "markdown_conventions.h"
#include "markdown_tree.h"

namespace kovgen::serve {
namespace {

const char* alert_class(AlertKind kind) {
  switch (kind) {
    case AlertKind::note: return "alert-note";
    case AlertKind::tip: return "alert-tip";
    case AlertKind::important: return "alert-important";
    case AlertKind::warning: return "alert-warning";
    case AlertKind::caution: return "alert-caution";
    case AlertKind::none: break;
  }
  return "";
}

// cmark writes the tree's block quotes in document order, so the n-th
// "<blockquote>" of the output is the n-th block quote of the tree.
std::string style_alerts(const std::string& html, const std::vector<AlertKind>& kinds) {
  static const std::string tag = "<blockquote>\n";
  std::string out;
  size_t from = 0, n = 0;
  for (size_t at; (at = html.find(tag, from)) != std::string::npos; from = at + tag.size(), ++n) {
    out.append(html, from, at - from);
    const AlertKind kind = n < kinds.size() ? kinds[n] : AlertKind::none;
    if (kind == AlertKind::none) {
      out += tag;
      continue;
    }
    out += "<blockquote class=\"alert ";
    out += alert_class(kind);
    out += "\">\n<p class=\"alert-title\">" + escape_html(alert_title(kind)) + "</p>\n";
  }
  out.append(html, from);
  return out;
}

std::string mark_placeholders(const std::string& html) {
  static const std::string open = "[offen: ";
  std::string out;
  size_t from = 0;
  for (size_t at; (at = html.find(open, from)) != std::string::npos;) {
    const size_t end = html.find(']', at);
    if (end == std::string::npos) break;
    out.append(html, from, at - from);
    out += "<mark class=\"offen\">" + html.substr(at, end + 1 - at) + "</mark>";
    from = end + 1;
  }
  out.append(html, from);
  return out;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// A table wider than a narrow window (or 200 % zoom) scrolls inside its own box,
// focusable so that a keyboard can scroll it, instead of the whole page.
std::string wrap_tables(const std::string& html) {
  std::string out;
  out.reserve(html.size() + 256);
  size_t from = 0;
  for (size_t at; (at = html.find("<table>", from)) != std::string::npos;) {
    const size_t end = html.find("</table>", at);
    if (end == std::string::npos) break;
    out.append(html, from, at - from);
    out += "<div class=\"table-wrap\" tabindex=\"0\">";
    out.append(html, at, end + 8 - at);
    out += "</div>";
    from = end + 8;
  }
  out.append(html, from, std::string::npos);
  return out;
}

}  // namespace

std::string draft_html(std::string_view markdown) {
  MarkdownTree tree = parse_markdown(markdown);
  std::vector<AlertKind> kinds;
  std::vector<cmark_node*> markers;
  cmark_iter* it = cmark_iter_new(tree.get());
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    if (cmark_node_get_type(n) == CMARK_NODE_BLOCK_QUOTE) kinds.push_back(alert_kind(n));
    if (is_alert_marker_node(n)) {
      markers.push_back(n);
      if (cmark_node* next = cmark_node_next(n); next && cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK &&
                                                 !is_alert_marker_node(next))
        markers.push_back(next);
    }
  }
  cmark_iter_free(it);
  for (cmark_node* n : markers) {
    cmark_node_unlink(n);
    cmark_node_free(n);
  }
  cmark_mem* mem = cmark_get_default_mem_allocator();
  cmark_llist* extensions = nullptr;
  for (const char* name : {"table", "strikethrough", "tasklist"})
    if (cmark_syntax_extension* e = cmark_find_syntax_extension(name))
      extensions = cmark_llist_append(mem, extensions, e);
  // Without CMARK_OPT_UNSAFE raw HTML is left out: text from the answers is
  // escaped Markdown anyway, and nothing in a draft may run in the browser.
  char* raw = cmark_render_html(tree.get(), CMARK_OPT_DEFAULT, extensions);
  std::string html = raw ? raw : "";
  mem->free(raw);
  cmark_llist_free(mem, extensions);
  return wrap_tables(mark_placeholders(style_alerts(html, kinds)));
}

}  // namespace kovgen::serve
