#include "draft_html.h"

#include <vector>

#include "markdown_conventions.h"
#include "markdown_sections.h"
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

namespace {

// One independent section's HTML, before the steps that read the whole page.
std::string section_html(std::string_view markdown) {
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
  // Text from the answers is escaped Markdown anyway; render_html also leaves out
  // any raw HTML a template might hold.
  const std::string html = render_html(tree.get());
  return style_alerts(html, kinds);
}

// A placeholder's brackets or a table's tags never cross a section's end, but
// these steps run over the whole page anyway, so that they cannot differ.
std::string finish_page(const std::string& html) { return wrap_tables(mark_placeholders(html)); }

}  // namespace

std::string draft_html(std::string_view markdown) { return finish_page(section_html(markdown)); }

SectionHtmlCache::SectionHtmlCache(size_t max_sections) : max_sections_(max_sections) {}

SectionHtmlCache::~SectionHtmlCache() = default;

std::string SectionHtmlCache::draft_html(std::string_view markdown) {
  std::string html;
  html.reserve(markdown.size() + markdown.size() / 2);
  for (std::string_view section : independent_sections(markdown)) {
    std::shared_ptr<const std::string> kept;
    {
      std::lock_guard lock(mutex_);
      if (auto found = html_by_section_.find(section); found != html_by_section_.end()) kept = found->second;
    }
    if (!kept) {
      // Made outside the lock: two requests may both make a new section, and the
      // second one's copy replaces the first's, which is the same text.
      kept = std::make_shared<const std::string>(section_html(section));
      ++sections_parsed_;
      std::lock_guard lock(mutex_);
      if (html_by_section_.size() >= max_sections_) html_by_section_.clear();
      html_by_section_.insert_or_assign(std::string(section), kept);
    }
    html += *kept;
  }
  return finish_page(html);
}

}  // namespace kovgen::serve
