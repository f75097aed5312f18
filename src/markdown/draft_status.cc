#include "draft_status.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "german_format.h"
#include "i18n.h"
#include "markdown_conventions.h"
#include "placeholder.h"

namespace kovgen {

namespace {

int line_of(cmark_node* n) {
  for (; n; n = cmark_node_parent(n))
    if (int line = cmark_node_get_start_line(n); line > 0) return line;
  return 0;
}

cmark_node* new_text(std::string_view text) {
  cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(n, std::string(text).c_str());
  return n;
}

// Rebuilds one run of neighbouring text nodes [first, last] when it holds a
// placeholder: text before, the placeholder, text after, each a node of its own.
void split_run(cmark_node* first, cmark_node* last) {
  std::string text;
  for (cmark_node* n = first;; n = cmark_node_next(n)) {
    if (const char* s = cmark_node_get_literal(n)) text += s;
    if (n == last) break;
  }
  const auto spans = find_placeholders(text);
  if (spans.empty()) return;
  size_t pos = 0;
  for (const auto& span : spans) {
    if (span.begin > pos) cmark_node_insert_before(first, new_text(std::string_view(text).substr(pos, span.begin - pos)));
    cmark_node_insert_before(first, new_text(std::string_view(text).substr(span.begin, span.end - span.begin)));
    pos = span.end;
  }
  if (pos < text.size()) cmark_node_insert_before(first, new_text(std::string_view(text).substr(pos)));
  for (cmark_node* n = first; n;) {
    cmark_node* next = n == last ? nullptr : cmark_node_next(n);
    cmark_node_free(n);  // unlinks it
    n = next;
  }
}

bool is_text(cmark_node* n) { return n && cmark_node_get_type(n) == CMARK_NODE_TEXT; }

// "<!-- kovgen:checklist draft mandatory-missing=3 placeholders=5 -->"
bool read_checklist_marker(cmark_node* html, DraftStatus& status) {
  if (!html || cmark_node_get_type(html) != CMARK_NODE_HTML_BLOCK) return false;
  const char* literal = cmark_node_get_literal(html);
  if (!literal || std::strncmp(literal, "<!-- kovgen:checklist ", 22) != 0) return false;
  const std::string_view s(literal);
  status.checklist_found = true;
  status.checklist_draft = s.find(" draft ") != std::string_view::npos;
  if (size_t p = s.find("mandatory-missing="); p != std::string_view::npos)
    status.checklist_mandatory_missing = std::atoi(literal + p + 18);
  status.checklist_line = cmark_node_get_start_line(html);
  return true;
}

void find_appendix(cmark_node* marker, DraftStatus& status) {
  // From the heading above the table (and the page break before it) to the next
  // heading of the same or a higher level, or the end.
  cmark_node* first = marker;
  int level = 0;
  for (cmark_node* n = cmark_node_previous(marker); n; n = cmark_node_previous(n))
    if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
      first = n;
      level = cmark_node_get_heading_level(n);
      if (cmark_node* before = cmark_node_previous(n); before && (layout_marker(before) == LayoutMarker::page_break ||
                                                                     layout_marker(before) == LayoutMarker::page_numbering))
        first = before;
      break;
    }
  status.appendix_first_line = cmark_node_get_start_line(first);
  status.appendix_last_line = 0;  // to the end
  for (cmark_node* n = cmark_node_next(marker); n; n = cmark_node_next(n)) {
    if (level > 0 && cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) <= level) {
      status.appendix_last_line = cmark_node_get_start_line(n) - 1;
      break;
    }
    if (level == 0 && is_table(n)) {
      status.appendix_last_line = cmark_node_get_end_line(n);
      break;
    }
  }
}

}  // namespace

void split_placeholders(cmark_node* root) {
  // The parents first: rebuilding while iterating would confuse the iterator.
  std::vector<cmark_node*> parents;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && is_text(n) && cmark_node_previous(n) == nullptr) parents.push_back(cmark_node_parent(n));
    else if (ev == CMARK_EVENT_ENTER && is_text(n) && !is_text(cmark_node_previous(n)))
      parents.push_back(cmark_node_parent(n));
  }
  cmark_iter_free(it);
  std::sort(parents.begin(), parents.end());
  parents.erase(std::unique(parents.begin(), parents.end()), parents.end());
  for (cmark_node* parent : parents) {
    for (cmark_node* n = cmark_node_first_child(parent); n;) {
      if (!is_text(n)) {
        n = cmark_node_next(n);
        continue;
      }
      cmark_node* last = n;
      while (is_text(cmark_node_next(last))) last = cmark_node_next(last);
      cmark_node* after = cmark_node_next(last);
      const char* literal = cmark_node_get_literal(n);
      bool candidate = n != last || (literal && std::strstr(literal, "[offen:"));
      if (candidate && !(n == last && is_placeholder_node(n))) split_run(n, last);
      n = after;
    }
  }
}

bool is_placeholder_node(cmark_node* n) {
  if (!is_text(n)) return false;
  const char* literal = cmark_node_get_literal(n);
  if (!literal) return false;
  const auto spans = find_placeholders(literal);
  return spans.size() == 1 && spans[0].begin == 0 && spans[0].end == std::strlen(literal);
}

DraftStatus assess_draft(cmark_node* root) {
  DraftStatus status;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    if (is_placeholder_node(n)) {
      status.placeholders.push_back({find_placeholders(cmark_node_get_literal(n))[0].what, line_of(n)});
    } else if (alert_kind(n) == AlertKind::caution) {
      status.caution_boxes.push_back({alert_plain_text(n), line_of(n)});
    } else if (!status.checklist_found && cmark_node_parent(n) == root && read_checklist_marker(n, status)) {
      find_appendix(n, status);
    }
  }
  cmark_iter_free(it);
  return status;
}

std::string without_checklist_appendix(std::string_view markdown, const DraftStatus& status) {
  if (!status.checklist_found || status.appendix_first_line <= 0) return std::string(markdown);
  std::string out;
  int line = 1;
  for (size_t pos = 0; pos < markdown.size();) {
    size_t nl = markdown.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? markdown.size() : nl + 1;
    const bool inside = line >= status.appendix_first_line &&
                        (status.appendix_last_line == 0 || line <= status.appendix_last_line);
    if (!inside) out.append(markdown.substr(pos, end - pos));
    pos = end;
    ++line;
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

ReviewedDraft review_draft(std::string_view markdown, const std::string& file, bool without_checklist,
                           Diagnostics& diag) {
  MarkdownTree tree = parse_markdown(markdown);
  const DraftStatus status = assess_draft(tree.get());
  if (!status.ready_to_sign()) {
    std::vector<std::string> reasons;
    int line = 0;
    if (!status.placeholders.empty()) {
      const auto& first = status.placeholders.front();
      reasons.push_back(fill(tr_n("{} placeholder “[offen: …]” is left (line {}: “{}”)",
                                  "{} placeholders “[offen: …]” are left (the first in line {}: “{}”)",
                                  status.placeholders.size()),
                             {std::to_string(status.placeholders.size()), std::to_string(first.line), first.text}));
      line = first.line;
    }
    if (!status.caution_boxes.empty()) {
      reasons.push_back(fill(tr_n("{} warning box of an incomplete section is left (line {})",
                                  "{} warning boxes of incomplete sections are left (the first in line {})",
                                  status.caution_boxes.size()),
                             {std::to_string(status.caution_boxes.size()), std::to_string(status.caution_boxes.front().line)}));
      if (line == 0) line = status.caution_boxes.front().line;
    }
    if (status.checklist_draft) {
      reasons.push_back(status.checklist_mandatory_missing > 0
                            ? fill(tr_n("the checklist appendix lists {} incomplete mandatory section",
                                        "the checklist appendix lists {} incomplete mandatory sections",
                                        status.checklist_mandatory_missing),
                                   {std::to_string(status.checklist_mandatory_missing)})
                            : std::string(tr("the checklist appendix marks it as a draft")));
      if (line == 0) line = status.checklist_line;
    }
    diag.warning({file, line},
                 fill(tr("the draft is not ready to sign and stays marked as ENTWURF: {}. Fill in the answers file and "
                         "render the draft again (kovgen render), or replace what is missing in the Markdown and "
                         "delete the checklist appendix."),
                      {join_german(reasons, tr("and"))}));
  }
  if ((without_checklist || status.ready_to_sign()) && status.checklist_found)
    return {without_checklist_appendix(markdown, status), nullptr};
  return {std::string(markdown), std::move(tree)};
}

}  // namespace kovgen
