#include "pdf_blocks.h"

#include <cstdlib>
#include <set>
#include <string>
#include <utility>

#include "draft_status.h"
#include "markdown_conventions.h"

namespace kovgen {

namespace {

using layout::Align;
using layout::Block;
using layout::BlockKind;
using layout::Box;
using layout::Color;
using layout::Face;
using layout::MarkerKind;
using layout::Run;
using layout::Style;

// The house style, in points.
constexpr float kBodySize = 11;
constexpr float kBodyLeading = 14.5f;
constexpr float kParagraphGap = 6;
constexpr float kListIndent = 20;  // per nesting level; the marker hangs in it
constexpr float kQuoteIndent = 12;
constexpr float kSignatureSpace = 26;  // above a signature line
constexpr float kGroupGap = 8;         // before a keep-together group
constexpr Color kLinkColor{0.05f, 0.2f, 0.55f};
constexpr Color kQuoteBar{0.6f, 0.6f, 0.6f};

struct HeadingStyle {
  Face face;
  float size, leading, before, after;
};

HeadingStyle heading_style(int level) {
  switch (level) {
    case 1: return {Face::bold, 17, 21, 0, 16};
    case 2: return {Face::bold, 13, 16.5f, 15, 6};
    case 3: return {Face::bold, 11.5f, 14.5f, 11, 4};
    default: return {Face::bold_italic, kBodySize, kBodyLeading, 8, 3};
  }
}

Color hex_color(const char* rrggbb) {
  const long v = std::strtol(rrggbb, nullptr, 16);
  return {((v >> 16) & 0xFF) / 255.0f, ((v >> 8) & 0xFF) / 255.0f, (v & 0xFF) / 255.0f};
}

Color tint(Color c, float amount) {
  return {1 - (1 - c.r) * amount, 1 - (1 - c.g) * amount, 1 - (1 - c.b) * amount};
}

Face with_bold(Face f) {
  return f == Face::italic || f == Face::bold_italic ? Face::bold_italic : Face::bold;
}

Face with_italic(Face f) {
  return f == Face::bold || f == Face::bold_italic ? Face::bold_italic : Face::italic;
}

// A paragraph of nothing but underscores (written "\\_\\_\\_" in Markdown): a
// line to sign on.
bool ends_with_colon(const Block& b) {
  if (b.kind != BlockKind::paragraph || b.para.runs.empty()) return false;
  const std::string& t = b.para.runs.back().text;
  const size_t end = t.find_last_not_of(" \n");
  return end != std::string::npos && t[end] == ':';
}

// Where the blocks of a container go: indents, the box they belong to.
struct Context {
  float left = 0, right = 0;
  int box = 0;
  int depth = 0;       // list nesting
  bool tight = false;  // inside a tight list: no gaps between items
};

class Builder {
 public:
  explicit Builder(bool change_marks) : change_marks_(change_marks) {}
  PdfContent take() { return std::move(out_); }

  void blocks(cmark_node* parent, const Context& ctx) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
      block(n, ctx);
  }

 private:
  // Adds a block with the context's indents and the current keep group.
  Block& push(Block b, const Context& ctx) {
    b.indent_left += ctx.left;
    b.indent_right += ctx.right;
    b.box = ctx.box;
    b.keep_group = keep_group_;
    // Keep-together groups are signature blocks and the like: set them apart.
    if (keep_group_ && keep_group_ != last_group_) b.space_before += kGroupGap;
    last_group_ = keep_group_;
    if (page_break_) b.page_break_before = true;
    page_break_ = false;
    out_.blocks.push_back(std::move(b));
    return out_.blocks.back();
  }

  void block(cmark_node* n, const Context& ctx) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH: paragraph(n, ctx); break;
      case CMARK_NODE_HEADING: heading(n, ctx); break;
      case CMARK_NODE_LIST: list(n, ctx); break;
      case CMARK_NODE_BLOCK_QUOTE: quote(n, ctx); break;
      case CMARK_NODE_CODE_BLOCK: code_block(n, ctx); break;
      case CMARK_NODE_HTML_BLOCK: marker(n); break;
      case CMARK_NODE_THEMATIC_BREAK: {
        Block b;
        b.kind = BlockKind::rule;
        b.space_before = 8;
        b.space_after = 8;
        push(b, ctx);
        break;
      }
      default:
        if (is_table(n)) table(n, ctx);
        else blocks(n, ctx);  // unknown containers: their children
        break;
    }
  }

  void marker(cmark_node* n) {
    switch (layout_marker(n)) {
      case LayoutMarker::keep_together_begin: keep_group_ = ++groups_; break;
      case LayoutMarker::keep_together_end: keep_group_ = 0; break;
      case LayoutMarker::page_break: page_break_ = true; break;
      case LayoutMarker::equal_columns: equal_columns_ = true; break;
      case LayoutMarker::page_numbering:
        keep_group_ = 0;
        page_break_ = false;  // the part starts on a new page of its own
        out_.numbering.push_back({out_.blocks.size(), page_numbering_label(n)});
        break;
      case LayoutMarker::none: break;  // other HTML is not shown
    }
  }

  Block text_block(std::vector<Run> runs, Align align, float leading, float after) {
    Block b;
    b.para.runs = std::move(runs);
    b.para.align = align;
    b.para.leading = leading;
    b.space_after = after;
    return b;
  }

  void paragraph(cmark_node* n, const Context& ctx) {
    std::vector<Run> runs;
    inlines(n, Style{}, {}, runs);
    Block b = text_block(std::move(runs), Align::justify, kBodyLeading,
                         ctx.tight ? 2 : kParagraphGap);
    if (is_signature_line(n)) {
      // Room above the line to sign on; the name printed right below it.
      b.space_before = kSignatureSpace;
      b.space_after = 1;
      b.para.align = Align::left;
    }
    if (pending_marker_.marker != MarkerKind::none) {
      b.para.marker = pending_marker_.marker;
      b.para.marker_runs = std::move(pending_marker_.marker_runs);
      pending_marker_ = {};
    }
    push(std::move(b), ctx);
  }

  void heading(cmark_node* n, const Context& ctx) {
    const int level = cmark_node_get_heading_level(n);
    const HeadingStyle hs = heading_style(level);
    Style style{hs.face, hs.size};
    std::vector<Run> runs;
    inlines(n, style, {}, runs);
    // The first "#" is the document title; later ones are top-level sections.
    const bool title = level == 1 && !seen_title_;
    if (title) seen_title_ = true;
    Block b = text_block(std::move(runs), title ? Align::center : Align::left, hs.leading,
                         hs.after);
    b.space_before = hs.before;
    b.keep_with_next = true;
    b.para.hyphenate = false;  // a hyphen in a heading reads as a typo
    if (!title) {
      b.para.outline_level = std::max(1, level - 1);
      b.para.outline_title = plain_text(n);
    }
    push(std::move(b), ctx);
  }

  void list(cmark_node* n, const Context& ctx) {
    const bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    const bool paren = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM;
    int number = cmark_node_get_list_start(n);
    Context inner = ctx;
    inner.left += kListIndent;
    inner.depth += 1;
    inner.tight = cmark_node_get_list_tight(n);
    const size_t first_block = out_.blocks.size();
    std::vector<size_t> item_ends;  // one past each item's last block
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
      pending_marker_ = {};
      if (is_task_item(item)) {
        pending_marker_.marker =
            is_task_checked(item) ? MarkerKind::box_checked : MarkerKind::box_empty;
      } else {
        pending_marker_.marker = MarkerKind::text;
        std::string label = ordered ? std::to_string(number++) + (paren ? ")" : ".")
                                    : (ctx.depth % 2 == 0 ? "•" : "–");
        pending_marker_.marker_runs.push_back({label, Style{}, {}});
      }
      if (!cmark_node_first_child(item) ||
          cmark_node_get_type(cmark_node_first_child(item)) != CMARK_NODE_PARAGRAPH) {
        // An item that starts with something else still shows its marker.
        Block b = text_block({}, Align::left, kBodyLeading, 2);
        b.para.marker = pending_marker_.marker;
        b.para.marker_runs = std::move(pending_marker_.marker_runs);
        pending_marker_ = {};
        push(std::move(b), inner);
      }
      blocks(item, inner);
      item_ends.push_back(out_.blocks.size());
    }
    // Widow and orphan control for lists: neither the first nor the last item
    // alone on a page, and the paragraph that introduces the list ("…
    // angehören:") not apart from it.
    if (item_ends.size() >= 2 && item_ends[0] > first_block) {
      out_.blocks[item_ends[0] - 1].keep_with_next = true;
      out_.blocks[item_ends[item_ends.size() - 2] - 1].keep_with_next = true;
    }
    if (first_block > 0 && out_.blocks.size() > first_block && ends_with_colon(out_.blocks[first_block - 1]))
      out_.blocks[first_block - 1].keep_with_next = true;
    // The list as a whole is set off from the text around it.
    if (out_.blocks.size() > first_block) {
      out_.blocks[first_block].space_before += ctx.depth ? 0 : 2;
      out_.blocks.back().space_after = std::max(out_.blocks.back().space_after,
                                                ctx.tight && ctx.depth ? 2.0f : kParagraphGap);
    }
  }

  void quote(cmark_node* n, const Context& ctx) {
    const AlertKind kind = alert_kind(n);
    Context inner = ctx;
    inner.tight = false;
    Box box;
    box.indent_left = ctx.left;
    box.indent_right = ctx.right;
    if (kind == AlertKind::none) {
      box.bar = kQuoteBar;
      box.bar_width = 2;
      box.padding = 2;
      inner.left += kQuoteIndent;
    } else {
      const Color c = hex_color(alert_color(kind));
      box.filled = true;
      box.fill = tint(c, 0.1f);
      box.bar = c;
      box.bar_width = 3;
      box.padding = 6;
      inner.left += 12;
      inner.right += 8;
    }
    const bool nested = ctx.box != 0;  // boxes do not nest: inner ones only indent
    if (!nested) {
      out_.boxes.push_back(box);
      inner.box = int(out_.boxes.size());
    }
    const size_t first_block = out_.blocks.size();
    if (kind != AlertKind::none) {
      Style s{Face::bold, 10.5f, hex_color(alert_color(kind))};
      Block title = text_block({{alert_title(kind), s, {}}}, Align::left, 13, 2);
      title.keep_with_next = true;
      push(std::move(title), inner);
    }
    blocks(n, inner);
    if (out_.blocks.size() > first_block) {
      out_.blocks[first_block].space_before = std::max(out_.blocks[first_block].space_before, 4.0f);
      out_.blocks.back().space_after = std::max(out_.blocks.back().space_after, 8.0f);
    }
  }

  void code_block(cmark_node* n, const Context& ctx) {
    const char* literal = cmark_node_get_literal(n);
    std::string text = literal ? literal : "";
    while (!text.empty() && text.back() == '\n') text.pop_back();
    // Spaces become no-break spaces so that indentation survives line breaking.
    std::string shown;
    for (char c : text) shown += c == ' ' ? std::string("\xC2\xA0") : std::string(1, c);
    Box box;
    box.indent_left = ctx.left;
    box.indent_right = ctx.right;
    box.filled = true;
    box.fill = {0.95f, 0.95f, 0.95f};
    box.bar_width = 0;
    box.padding = 4;
    Context inner = ctx;
    inner.left += 6;
    inner.right += 6;
    if (!ctx.box) {
      out_.boxes.push_back(box);
      inner.box = int(out_.boxes.size());
    }
    Block b = text_block({{shown, Style{Face::mono, 9}, {}}}, Align::left, 11.5f, 8);
    b.space_before = 4;
    push(std::move(b), inner);
  }

  void table(cmark_node* n, const Context& ctx) {
    Block b;
    b.kind = BlockKind::table;
    b.space_before = 4;
    b.space_after = 10;
    b.table.leading = 12.5f;
    b.table.equal_columns = std::exchange(equal_columns_, false);
    bool header = true;
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      std::vector<layout::TableCell> cells;
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        layout::TableCell c;
        inlines(cell, Style{header ? Face::bold : Face::regular, 10}, {}, c.runs);
        cells.push_back(std::move(c));
      }
      b.table.rows.push_back(std::move(cells));
      header = false;
    }
    uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
    const int columns = cmark_gfm_extensions_get_table_columns(n);
    for (int c = 0; c < columns; ++c) {
      const char a = align ? char(align[c]) : 0;
      b.table.align.push_back(a == 'c' ? Align::center : a == 'r' ? Align::right : Align::left);
    }
    push(std::move(b), ctx);
  }

  // Appends the inline content below `parent` as runs.
  void inlines(cmark_node* parent, Style style, const std::string& link,
               std::vector<Run>& runs) {
    bool skip_break = false;  // the soft break after an alert marker
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      const cmark_node_type type = cmark_node_get_type(n);
      if (is_alert_marker_node(n)) {
        skip_break = true;
        continue;
      }
      if (skip_break && (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)) {
        skip_break = false;
        continue;
      }
      skip_break = false;
      switch (type) {
        case CMARK_NODE_TEXT: {
          Style s = style;
          s.highlight = is_placeholder_node(n);
          add(runs, cmark_node_get_literal(n), s, link);
          break;
        }
        case CMARK_NODE_SOFTBREAK: add(runs, " ", style, link); break;
        case CMARK_NODE_LINEBREAK: add(runs, "\n", style, link); break;
        case CMARK_NODE_CODE: {
          Style s = style;
          s.face = Face::mono;
          s.size = style.size * 0.9f;
          add(runs, cmark_node_get_literal(n), s, link);
          break;
        }
        case CMARK_NODE_EMPH: {
          Style s = style;
          s.face = with_italic(style.face);
          inlines(n, s, link, runs);
          break;
        }
        case CMARK_NODE_STRONG: {
          Style s = style;
          s.face = with_bold(style.face);
          if (change_marks_) {
            s.color = kInsertedColor;
            s.underline = true;
          }
          inlines(n, s, link, runs);
          break;
        }
        case CMARK_NODE_LINK: {
          Style s = style;
          s.color = kLinkColor;
          s.underline = true;
          const char* url = cmark_node_get_url(n);
          inlines(n, s, url ? url : "", runs);
          break;
        }
        case CMARK_NODE_IMAGE: {  // no images in an agreement: the alt text
          Style s = style;
          s.face = with_italic(style.face);
          inlines(n, s, link, runs);
          break;
        }
        case CMARK_NODE_HTML_INLINE: break;  // not shown (docs/markdown-conventions.md)
        default: {
          Style s = style;
          if (is_strikethrough(n)) s.strike = true;
          if (is_strikethrough(n) && change_marks_) s.color = kRemovedColor;
          inlines(n, s, link, runs);
          break;
        }
      }
    }
  }

  static void add(std::vector<Run>& runs, const char* text, const Style& style,
                  const std::string& link) {
    if (!text || !*text) return;
    if (!runs.empty() && runs.back().style == style && runs.back().link == link)
      runs.back().text += text;
    else
      runs.push_back({text, style, link});
  }

  PdfContent out_;
  const bool change_marks_;
  layout::Paragraph pending_marker_;  // the marker for the next paragraph (list items)
  int keep_group_ = 0;
  int last_group_ = 0;
  int groups_ = 0;
  bool page_break_ = false;
  bool equal_columns_ = false;  // for the next table (LayoutMarker::equal_columns)
  bool seen_title_ = false;
};

void resolve_runs(std::vector<Run>& runs, const layout::GlyphMetrics& m, Diagnostics& diag) {
  if (!runs.empty()) runs = layout::resolve_glyphs(runs, m, diag);
}

}  // namespace

PdfContent pdf_blocks(cmark_node* root, bool change_marks) {
  Builder builder(change_marks);
  builder.blocks(root, Context{});
  return builder.take();
}

void resolve_pdf_glyphs(PdfContent& content, const layout::GlyphMetrics& metrics,
                        Diagnostics& diag) {
  Diagnostics found;
  for (Block& b : content.blocks) {
    resolve_runs(b.para.runs, metrics, found);
    resolve_runs(b.para.marker_runs, metrics, found);
    for (auto& row : b.table.rows)
      for (auto& cell : row) resolve_runs(cell.runs, metrics, found);
  }
  // One warning per missing character, not one per paragraph it occurs in.
  std::set<std::string> seen;
  for (const Diagnostic& d : found.items())
    if (seen.insert(d.message).second) diag.add(d);
}

}  // namespace kovgen
