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

// A placeholder is one text node (split_placeholders), so its marked span never
// crosses a tag: „[offen: “ typed into an answer without its „]“ stays unmarked
// instead of opening a span that the next placeholder, paragraphs later, closes.
std::string mark_placeholders(const std::string& html) {
  static const std::string open = "[offen: ";
  std::string out;
  out.reserve(html.size() + 256);
  size_t from = 0;
  for (size_t at; (at = html.find(open, from)) != std::string::npos;) {
    const size_t end = html.find_first_of("]<", at);
    if (end == std::string::npos) break;
    if (html[end] == '<') {
      out.append(html, from, end - from);
      from = end;
      continue;
    }
    out.append(html, from, at - from);
    out += "<mark class=\"offen\">";
    out.append(html, at, end + 1 - at);
    out += "</mark>";
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

// Every step after cmark's renderer works inside one block (a box, a placeholder's
// text, a table), so the HTML of independent sections is the HTML of the whole.
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
  // Text from the answers is escaped Markdown anyway; render_html also leaves out
  // any raw HTML a template might hold.
  const std::string html = render_html(tree.get());
  return wrap_tables(mark_placeholders(style_alerts(html, kinds)));
}

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
      // second one's copy is the same text.
      kept = std::make_shared<const std::string>(serve::draft_html(section));
      ++sections_parsed_;
      std::shared_ptr<const std::string> dropped;  // freed after the lock
      std::lock_guard lock(mutex_);
      auto [added, is_new] = html_by_section_.try_emplace(std::string(section), kept);
      if (is_new) {
        age_.push_back(&added->first);
        if (html_by_section_.size() > max_sections_) {
          auto oldest = html_by_section_.find(*age_.front());
          dropped = std::move(oldest->second);
          html_by_section_.erase(oldest);
          age_.pop_front();
        }
      }
    }
    html += *kept;
  }
  return html;
}

}  // namespace kovgen::serve
