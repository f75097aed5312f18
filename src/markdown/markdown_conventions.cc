#include "markdown_conventions.h"

#include "draft_status.h"

#include <cstring>
#include <string_view>

namespace kovgen {

namespace {

struct KindName {
  AlertKind kind;
  const char* marker;
  const char* title;
  const char* color;
};

constexpr KindName kKinds[] = {
    {AlertKind::note, "NOTE", "Hinweis", "1F6FEB"},
    {AlertKind::tip, "TIP", "Tipp", "1A7F37"},
    {AlertKind::important, "IMPORTANT", "Wichtig", "8250DF"},
    {AlertKind::warning, "WARNING", "Warnung", "9A6700"},
    {AlertKind::caution, "CAUTION", "Achtung", "CF222E"},
};

std::string_view literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? std::string_view(s) : std::string_view();
}

// The text of the first few text nodes of the block quote's first paragraph, up to
// the first non-text node: enough to see "[!CAUTION]".
std::string leading_text(cmark_node* block_quote) {
  cmark_node* para = cmark_node_first_child(block_quote);
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return {};
  std::string text;
  for (cmark_node* c = cmark_node_first_child(para);
       c && cmark_node_get_type(c) == CMARK_NODE_TEXT && text.size() < 16;
       c = cmark_node_next(c))
    text += literal(c);
  return text;
}

bool text_is_marker_piece(std::string_view s) {
  if (s == "[" || s == "]") return true;
  if (s.size() > 1 && s[0] == '!') s.remove_prefix(1);
  if (s.size() > 1 && s[0] == '[' && s[1] == '!') s.remove_prefix(2);
  if (!s.empty() && s.back() == ']') s.remove_suffix(1);
  for (const auto& k : kKinds)
    if (s == k.marker) return true;
  return false;
}

}  // namespace

AlertKind alert_kind(cmark_node* block_quote) {
  if (!block_quote || cmark_node_get_type(block_quote) != CMARK_NODE_BLOCK_QUOTE)
    return AlertKind::none;
  const std::string text = leading_text(block_quote);
  for (const auto& k : kKinds) {
    const std::string marker = std::string("[!") + k.marker + "]";
    if (text.rfind(marker, 0) == 0 &&
        (text.size() == marker.size()))
      return k.kind;
  }
  return AlertKind::none;
}

const char* alert_title(AlertKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.title;
  return "";
}

const char* alert_color(AlertKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.color;
  return "888888";
}

bool is_alert_marker_node(cmark_node* n) {
  if (!n || cmark_node_get_type(n) != CMARK_NODE_TEXT) return false;
  cmark_node* para = cmark_node_parent(n);
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return false;
  cmark_node* quote = cmark_node_parent(para);
  if (cmark_node_first_child(quote) != para || alert_kind(quote) == AlertKind::none)
    return false;
  // Only the nodes before the first soft break belong to the marker.
  for (cmark_node* c = cmark_node_first_child(para); c && c != n; c = cmark_node_next(c))
    if (cmark_node_get_type(c) != CMARK_NODE_TEXT) return false;
  return text_is_marker_piece(literal(n));
}

bool is_signature_line(cmark_node* para) {
  const std::string text = plain_text(para);
  return text.size() >= 5 && text.find_first_not_of('_') == std::string::npos;
}

std::string alert_plain_text(cmark_node* block_quote) {
  std::string out;
  for (cmark_node* block = cmark_node_first_child(block_quote); block;
       block = cmark_node_next(block)) {
    std::string part;
    for (cmark_node* c = cmark_node_first_child(block); c; c = cmark_node_next(c)) {
      if (is_alert_marker_node(c)) continue;
      if (part.empty() && (cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK ||
                           cmark_node_get_type(c) == CMARK_NODE_LINEBREAK))
        continue;
      part += plain_text(c);
    }
    if (cmark_node_first_child(block) == nullptr) part = plain_text(block);
    if (part.empty()) continue;
    if (!out.empty()) out += ' ';
    out += part;
  }
  return out;
}

namespace {

constexpr std::string_view kNumberingOpen = "<!-- kovgen:page-numbering ";
constexpr std::string_view kMarkerClose = " -->";

std::string_view marker_text(cmark_node* html_block) {
  if (!html_block || cmark_node_get_type(html_block) != CMARK_NODE_HTML_BLOCK) return {};
  std::string_view s = literal(html_block);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

}  // namespace

LayoutMarker layout_marker(cmark_node* html_block) {
  const std::string_view s = marker_text(html_block);
  if (s == "<!-- kovgen:keep-together -->") return LayoutMarker::keep_together_begin;
  if (s == "<!-- kovgen:end-keep-together -->") return LayoutMarker::keep_together_end;
  if (s == "<!-- kovgen:page-break -->") return LayoutMarker::page_break;
  if (s == "<!-- kovgen:equal-columns -->") return LayoutMarker::equal_columns;
  if (!page_numbering_label(html_block).empty()) return LayoutMarker::page_numbering;
  return LayoutMarker::none;
}

std::string page_numbering_label(cmark_node* html_block) {
  std::string_view s = marker_text(html_block);
  if (s.size() <= kNumberingOpen.size() + kMarkerClose.size() || s.substr(0, kNumberingOpen.size()) != kNumberingOpen ||
      s.substr(s.size() - kMarkerClose.size()) != kMarkerClose || s.find('\n') != std::string_view::npos)
    return {};
  s = s.substr(kNumberingOpen.size(), s.size() - kNumberingOpen.size() - kMarkerClose.size());
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

DocumentInfo document_info(cmark_node* root, const WriterOptions& options) {
  DocumentInfo info;
  info.draft = options.force_draft;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    if (info.title.empty() && cmark_node_get_type(n) == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(n) == 1)
      info.title = plain_text(n);
  }
  cmark_iter_free(it);
  if (!assess_draft(root).ready_to_sign()) info.draft = true;
  if (info.title.empty()) info.title = "Kooperationsvereinbarung";
  info.subject = info.title.find("Kooperationsvereinbarung") != std::string::npos
                     ? "Kooperationsvereinbarung"
                     : info.title;
  return info;
}

}  // namespace kovgen
