#include "docx_document.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <string_view>
#include <utility>

#include "docx_styles.h"
#include "docx_table.h"
#include "draft_status.h"
#include "docx_xml.h"
#include "i18n.h"
#include "utf8.h"

namespace kovgen {

namespace {

// Change marks of a comparison (WriterOptions::change_marks), as in the PDF.
constexpr const char* kInsertedColour = "0050B4";
constexpr const char* kRemovedColour = "C00000";

struct ParaProps {
  const char* style = style_id::kBodyText;
  bool keep_next = false;
  bool keep_lines = false;
  bool page_break_before = false;
  int num_id = 0;  // 0: not numbered
  int ilvl = 0;
  bool rule = false;  // thematic break: a bottom border
  int indent_left = -1;  // twips; -1: from the style
  int indent_hanging = 0;
  int space_before = -1;  // twips; -1: from the style
  const char* jc = nullptr;
};

struct RunProps {
  bool bold = false;
  bool italic = false;
  bool strike = false;
  bool code = false;
  bool highlight = false;  // a placeholder „[offen: …]“: yellow, so nobody signs past it
  bool operator==(const RunProps&) const = default;
};

// What the blocks being rendered sit in.
struct BlockContext {
  const char* style = style_id::kBodyText;
  int list_level = -1;             // ilvl of the innermost list item, -1 outside lists
  int num_id = 0;                  // numbering for the item's first paragraph, then 0
  const char* task_box = nullptr;  // "☐\t" / "☒\t" for a task item's first paragraph
};

void write_ppr(pugi::xml_node para, const ParaProps& p) {
  // Children in the order of the schema (CT_PPrBase): Word rejects other orders.
  pugi::xml_node ppr = para.append_child("w:pPr");
  add_element(ppr, "w:pStyle", {{"w:val", p.style}});
  if (p.keep_next) ppr.append_child("w:keepNext");
  if (p.keep_lines) ppr.append_child("w:keepLines");
  if (p.page_break_before) ppr.append_child("w:pageBreakBefore");
  if (p.num_id > 0) {
    pugi::xml_node num = ppr.append_child("w:numPr");
    add_element(num, "w:ilvl", {{"w:val", std::to_string(p.ilvl)}});
    add_element(num, "w:numId", {{"w:val", std::to_string(p.num_id)}});
  }
  if (p.rule) {
    pugi::xml_node bdr = ppr.append_child("w:pBdr");
    add_element(bdr, "w:bottom",
                {{"w:val", "single"}, {"w:sz", "6"}, {"w:space", "1"}, {"w:color", "auto"}});
  }
  if (p.space_before >= 0)
    add_element(ppr, "w:spacing", {{"w:before", std::to_string(p.space_before)}});
  if (p.indent_left >= 0) {
    pugi::xml_node ind = add_element(ppr, "w:ind", {{"w:left", std::to_string(p.indent_left)}});
    if (p.indent_hanging > 0)
      ind.append_attribute("w:hanging").set_value(std::to_string(p.indent_hanging).c_str());
  }
  if (p.jc) add_element(ppr, "w:jc", {{"w:val", p.jc}});
}

// The line of the source a node comes from: its own, or its nearest block's.
int source_line(cmark_node* n) {
  for (; n; n = cmark_node_parent(n))
    if (int line = cmark_node_get_start_line(n); line > 0) return line;
  return 0;
}

class Renderer;

// Collects inline content of one paragraph into runs, merging neighbouring text
// of equal formatting into one run.
class InlineWriter {
 public:
  InlineWriter(Renderer& renderer, pugi::xml_node para) : r_(renderer), target_(para) {}
  ~InlineWriter() { flush(); }
  void children(cmark_node* parent, RunProps props);
  void text(std::string_view s, RunProps props);
  void hard_break();
  void flush();

 private:
  void node(cmark_node* n, RunProps props);
  Renderer& r_;
  pugi::xml_node target_;  // the paragraph, or a w:hyperlink inside it
  std::string pending_;
  RunProps pending_props_;
  bool in_link_ = false;
  bool started_ = false;  // something visible was written (leading breaks are dropped)
};

class Renderer {
 public:
  bool change_marks() const { return options_.change_marks; }
  Renderer(const WriterOptions& options, const DocxBodyOptions& layout, DocxBody& out,
           Diagnostics& diag)
      : options_(options), layout_(layout), out_(out), diag_(diag) {}

  void render(cmark_node* root) {
    pugi::xml_node doc = out_.document.append_child("w:document");
    doc.append_attribute("xmlns:w") = kNsW;
    doc.append_attribute("xmlns:r") = kNsR;
    body_ = doc.append_child("w:body");
    pugi::xml_node comments = out_.comments.append_child("w:comments");
    comments.append_attribute("xmlns:w") = kNsW;
    comments_ = comments;
    BlockContext ctx;
    render_blocks(root, body_, ctx);
    end_keep_together();
    flush_page_break(body_);
    drop_empty_last_part();
  }

  // XML-safe text of a node's literal; reports what had to be dropped.
  std::string safe_text(std::string_view s, cmark_node* source) {
    if (size_t bad = find_invalid_utf8(s); bad != std::string_view::npos)
      diag_.error(where(source), tr("invalid UTF-8 in text; save the file as UTF-8"));
    std::vector<char32_t> dropped;
    std::string out = xml_safe_text(s, dropped);
    if (!dropped.empty()) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(dropped.front()));
      diag_.warning(where(source),
                    fill(tr_n("dropped {} control character ({}) that a Word document cannot hold",
                              "dropped {} control characters such as {} that a Word document cannot hold",
                              dropped.size()),
                         {std::to_string(dropped.size()), code}));
    }
    return out;
  }

  std::string link_id(const std::string& url) {
    auto [it, added] = link_ids_.try_emplace(url, static_cast<int>(out_.hyperlinks.size()) + 1);
    if (added) out_.hyperlinks.push_back(url);
    return "rIdLink" + std::to_string(it->second);
  }

 private:
  Location where(cmark_node* n) const { return {options_.source_name, source_line(n), 0}; }

  void render_blocks(cmark_node* parent, pugi::xml_node container, BlockContext& ctx) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
      render_block(n, container, ctx);
  }

  void render_block(cmark_node* n, pugi::xml_node container, BlockContext& ctx) {
    if (keep_cell_ && container == body_) container = keep_cell_;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_PARAGRAPH:
        return render_paragraph(n, container, ctx);
      case CMARK_NODE_HEADING:
        return render_heading(n, container, ctx);
      case CMARK_NODE_LIST:
        return render_list(n, container, ctx);
      case CMARK_NODE_BLOCK_QUOTE:
        return render_quote(n, container, ctx);
      case CMARK_NODE_CODE_BLOCK:
        return render_code_block(n, container, ctx);
      case CMARK_NODE_THEMATIC_BREAK: {
        ParaProps p = para_props(ctx);
        p.rule = true;
        new_paragraph(container, p);
        return;
      }
      case CMARK_NODE_HTML_BLOCK:
        return render_layout_marker(layout_marker(n), n);
      default:
        if (is_table(n)) return render_table(n, container);
        // Unknown blocks (none in cmark-gfm today): keep their content.
        return render_blocks(n, container, ctx);
    }
  }

  // Paragraph properties in the current context; the first paragraph of a list
  // item takes the item's number.
  ParaProps para_props(BlockContext& ctx) {
    ParaProps p;
    p.style = ctx.style;
    if (ctx.list_level < 0) return p;
    if (p.style == style_id::kBodyText) p.style = style_id::kListParagraph;
    if (ctx.num_id > 0) {
      p.num_id = ctx.num_id;
      p.ilvl = ctx.list_level;
      ctx.num_id = 0;
    } else {
      p.indent_left = list_indent(ctx.list_level);
      if (ctx.task_box) p.indent_hanging = kListHanging;
    }
    return p;
  }

  pugi::xml_node new_paragraph(pugi::xml_node container, ParaProps p) {
    if (pending_page_break_ && container == body_) {
      p.page_break_before = true;
      pending_page_break_ = false;
    }
    // Word puts no space below a table: the paragraph after one adds it.
    pugi::xml_node previous = container == keep_cell_ && !container.child("w:p")
                                  ? container.parent().parent().previous_sibling()
                                  : container.last_child();
    if (std::string_view(previous.name()) == "w:tbl" && p.space_before < 0) p.space_before = 160;
    if (keep_cell_) {
      p.keep_next = true;
      p.keep_lines = true;
    }
    pugi::xml_node para = container.append_child("w:p");
    write_ppr(para, p);
    if (keep_cell_) last_kept_ = para;
    last_paragraph_ = para;
    return para;
  }

  void render_paragraph(cmark_node* n, pugi::xml_node container, BlockContext& ctx) {
    // An alert's first paragraph may hold nothing but its "[!KIND]" marker.
    bool visible = false;
    for (cmark_node* c = cmark_node_first_child(n); c && !visible; c = cmark_node_next(c)) {
      cmark_node_type t = cmark_node_get_type(c);
      visible = !is_alert_marker_node(c) && t != CMARK_NODE_SOFTBREAK && t != CMARK_NODE_LINEBREAK;
    }
    if (!visible && !ctx.task_box) return;
    ParaProps p = para_props(ctx);
    if (p.style == style_id::kBodyText && is_signature_line(n)) p.style = style_id::kSignatureLine;
    const char* box = ctx.task_box;
    ctx.task_box = nullptr;
    InlineWriter w(*this, new_paragraph(container, p));
    if (box) w.text(box, {});
    w.children(n, {});
  }

  void render_heading(cmark_node* n, pugi::xml_node container, BlockContext& ctx) {
    int level = cmark_node_get_heading_level(n);
    ParaProps p = para_props(ctx);
    if (level == 1 && !title_done_) {
      p.style = style_id::kTitle;
      title_done_ = true;
    } else {
      // "# Title", "## § 1" → Heading 1, "###" → Heading 2, deeper → Heading 3.
      p.style = style_id::kHeading[std::clamp(level - 2, 0, 2)];
    }
    InlineWriter w(*this, new_paragraph(container, p));
    w.children(n, {});
  }

  void render_list(cmark_node* n, pugi::xml_node container, BlockContext& ctx) {
    DocxList list;
    list.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
    list.level = std::min(ctx.list_level + 1, 8);
    list.start = list.ordered ? cmark_node_get_list_start(n) : 1;
    out_.lists.push_back(list);
    const int num_id = static_cast<int>(out_.lists.size());
    for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
      BlockContext c = ctx;
      c.list_level = list.level;
      c.num_id = num_id;
      c.task_box = nullptr;
      if (is_task_item(item)) {
        // A task box replaces the bullet, as on GitHub.
        c.num_id = 0;
        c.task_box = is_task_checked(item) ? "\u2612\t" : "\u2610\t";
      }
      render_blocks(item, container, c);
    }
  }

  void render_quote(cmark_node* n, pugi::xml_node container, BlockContext& ctx) {
    const AlertKind kind = alert_kind(n);
    BlockContext c = ctx;
    if (kind == AlertKind::none) {
      // Quotes inside an alert stay in the alert's box.
      if (ctx.style == style_id::kBodyText || ctx.style == style_id::kListParagraph)
        c.style = style_id::kBlockText;
      render_blocks(n, container, c);
      ctx.num_id = c.num_id;
      return;
    }
    c.style = style_id::alert(kind);
    // Word draws neighbouring paragraphs with equal borders as one box: an empty
    // paragraph keeps two alerts of one kind apart.
    pugi::xml_node previous = container.last_child();
    if (std::string_view(previous.child("w:pPr").child("w:pStyle").attribute("w:val").value()) == c.style)
      new_paragraph(container, {});
    ParaProps p = para_props(c);
    p.keep_next = true;
    pugi::xml_node title = new_paragraph(container, p);
    const int comment = kind == AlertKind::caution ? add_comment(n) : -1;
    if (comment >= 0) add_element(title, "w:commentRangeStart", {{"w:id", std::to_string(comment)}});
    pugi::xml_node run = title.append_child("w:r");
    pugi::xml_node rpr = run.append_child("w:rPr");
    rpr.append_child("w:b");
    add_element(rpr, "w:color", {{"w:val", alert_color(kind)}});
    append_run_text(run, alert_title(kind));
    render_blocks(n, container, c);
    ctx.num_id = c.num_id;
    if (comment >= 0) {
      pugi::xml_node last = last_paragraph_;
      add_element(last, "w:commentRangeEnd", {{"w:id", std::to_string(comment)}});
      pugi::xml_node ref = last.append_child("w:r");
      add_element(ref.append_child("w:rPr"), "w:rStyle", {{"w:val", style_id::kCommentReference}});
      add_element(ref, "w:commentReference", {{"w:id", std::to_string(comment)}});
    }
  }

  // A Word comment with the alert's text; returns its id.
  int add_comment(cmark_node* quote) {
    const int id = comment_count_++;
    pugi::xml_node c = add_element(comments_, "w:comment",
                                   {{"w:id", std::to_string(id)}, {"w:author", "kovgen"},
                                    {"w:initials", "KG"}});
    pugi::xml_node p = c.append_child("w:p");
    add_element(p.append_child("w:pPr"), "w:pStyle", {{"w:val", style_id::kCommentText}});
    pugi::xml_node ref = p.append_child("w:r");
    add_element(ref.append_child("w:rPr"), "w:rStyle", {{"w:val", style_id::kCommentReference}});
    ref.append_child("w:annotationRef");
    append_run_text(p.append_child("w:r"), safe_text(alert_plain_text(quote), quote));
    return id;
  }

  void render_code_block(cmark_node* n, pugi::xml_node container, BlockContext& ctx) {
    ParaProps p = para_props(ctx);
    p.style = style_id::kSourceCode;
    std::string_view code = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
    while (!code.empty() && code.back() == '\n') code.remove_suffix(1);
    pugi::xml_node para = new_paragraph(container, p);
    if (!code.empty()) append_run_text(para.append_child("w:r"), safe_text(code, n));
  }

  void render_layout_marker(LayoutMarker marker, cmark_node* n) {
    switch (marker) {
      case LayoutMarker::keep_together_begin:
        end_keep_together();
        begin_keep_together();
        break;
      case LayoutMarker::keep_together_end:
        end_keep_together();
        break;
      case LayoutMarker::page_break:
        pending_page_break_ = true;
        break;
      case LayoutMarker::equal_columns:
        equal_columns_ = true;
        break;
      case LayoutMarker::page_numbering:
        end_section(page_numbering_label(n));
        break;
      case LayoutMarker::none:
        break;  // other HTML is not shown
    }
  }

  // A keep-together group is one borderless table cell whose row may not break
  // across pages, and its paragraphs keep with the next. Word honours either;
  // LibreOffice drops long keep-with-next chains in longer documents but never
  // splits such a row.
  void begin_keep_together() {
    flush_page_break(body_);
    pugi::xml_node tbl = body_.append_child("w:tbl");
    pugi::xml_node pr = tbl.append_child("w:tblPr");
    const std::string width = std::to_string(layout_.text_width);
    add_element(pr, "w:tblW", {{"w:w", width}, {"w:type", "dxa"}});
    add_element(pr, "w:tblLayout", {{"w:type", "fixed"}});
    pugi::xml_node mar = pr.append_child("w:tblCellMar");
    add_element(mar, "w:left", {{"w:w", "0"}, {"w:type", "dxa"}});
    add_element(mar, "w:right", {{"w:w", "0"}, {"w:type", "dxa"}});
    add_element(pr, "w:tblLook", {{"w:val", "0000"}});
    add_element(tbl.append_child("w:tblGrid"), "w:gridCol", {{"w:w", width}});
    pugi::xml_node tr = tbl.append_child("w:tr");
    tr.append_child("w:trPr").append_child("w:cantSplit");
    keep_cell_ = tr.append_child("w:tc");
    add_element(keep_cell_.append_child("w:tcPr"), "w:tcW", {{"w:w", width}, {"w:type", "dxa"}});
    last_kept_ = {};
  }

  void end_keep_together() {
    if (!keep_cell_) return;
    // The group's last paragraph may break away from what follows.
    if (last_kept_) last_kept_.child("w:pPr").remove_child("w:keepNext");
    // A cell must end with a paragraph.
    if (std::string_view(keep_cell_.last_child().name()) != "w:p") keep_cell_.append_child("w:p");
    keep_cell_ = {};
    last_kept_ = {};
  }

  // A section ends in the properties of its last paragraph: an empty, tiny one here,
  // as the last block may be a table (a signature group). The next section starts on
  // a new page (the default section type), so a pending page break is spent.
  void end_section(const std::string& next_label) {
    end_keep_together();
    pending_page_break_ = false;
    // A part without content (two markers in a row) gets no section of its own.
    if (!out_.numbered_parts.empty() && ends_empty_part()) {
      out_.numbered_parts.back().label = next_label;
      return;
    }
    pugi::xml_node ppr = append_part_end(body_, out_.numbered_parts.size());
    out_.numbered_parts.push_back({next_label, ppr.append_child("w:sectPr")});
  }

  // Whether the last part has had no block yet: the body still ends in the paragraph
  // that ended the part before it.
  bool ends_empty_part() const {
    return body_.last_child() == out_.numbered_parts.back().previous_section.parent().parent();
  }

  // A marker at the very end (a cut-off document) leaves no empty section behind.
  void drop_empty_last_part() {
    if (out_.numbered_parts.empty() || !ends_empty_part()) return;
    body_.remove_child(body_.last_child());
    out_.numbered_parts.pop_back();
  }

  // A page break that found no paragraph to start: an explicit break.
  void flush_page_break(pugi::xml_node container) {
    if (!pending_page_break_) return;
    pending_page_break_ = false;
    add_element(container.append_child("w:p").append_child("w:r"), "w:br", {{"w:type", "page"}});
  }

  void render_table(cmark_node* n, pugi::xml_node container) {
    flush_page_break(container);
    const int columns = cmark_gfm_extensions_get_table_columns(n);
    if (columns == 0) return;
    const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
    const std::vector<int> widths = std::exchange(equal_columns_, false)
                                        ? equal_column_widths(columns, layout_.text_width)
                                        : automatic_column_widths(n, columns, layout_.text_width);
    pugi::xml_node tbl = container.append_child("w:tbl");
    add_table_properties(tbl, widths);

    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      const bool header = cmark_gfm_extensions_get_table_row_is_header(row);
      pugi::xml_node tr = tbl.append_child("w:tr");
      pugi::xml_node trpr = tr.append_child("w:trPr");
      trpr.append_child("w:cantSplit");
      // Repeats the header row at the top of every page the table spans.
      if (header) trpr.append_child("w:tblHeader");
      cmark_node* cell = cmark_node_first_child(row);
      for (int c = 0; c < columns; ++c) {
        pugi::xml_node tc = tr.append_child("w:tc");
        add_element(tc.append_child("w:tcPr"), "w:tcW",
                    {{"w:w", std::to_string(widths[c])}, {"w:type", "dxa"}});
        ParaProps p;
        p.style = header ? style_id::kTableHeading : style_id::kTableText;
        if (align && align[c] == 'c') p.jc = "center";
        if (align && align[c] == 'r') p.jc = "right";
        pugi::xml_node para = new_paragraph(tc, p);
        if (cell) {
          InlineWriter w(*this, para);
          w.children(cell, {});
          cell = cmark_node_next(cell);
        }
      }
    }
  }

  const WriterOptions& options_;
  const DocxBodyOptions& layout_;
  DocxBody& out_;
  Diagnostics& diag_;
  pugi::xml_node body_;
  pugi::xml_node comments_;
  pugi::xml_node last_paragraph_;
  pugi::xml_node keep_cell_;  // the cell of the open keep-together group
  pugi::xml_node last_kept_;
  bool pending_page_break_ = false;
  bool equal_columns_ = false;  // for the next table (LayoutMarker::equal_columns)
  bool title_done_ = false;
  int comment_count_ = 0;
  std::map<std::string, int> link_ids_;
};

void InlineWriter::children(cmark_node* parent, RunProps props) {
  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) node(c, props);
}

void InlineWriter::node(cmark_node* n, RunProps props) {
  const char* literal = cmark_node_get_literal(n);
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
      if (is_alert_marker_node(n)) return;
      if (is_placeholder_node(n)) props.highlight = true;
      return text(r_.safe_text(literal ? literal : "", n), props);
    case CMARK_NODE_CODE:
      props.code = true;
      return text(r_.safe_text(literal ? literal : "", n), props);
    case CMARK_NODE_SOFTBREAK:
      if (started_) text(" ", props);
      return;
    case CMARK_NODE_LINEBREAK:
      if (started_) hard_break();
      return;
    case CMARK_NODE_EMPH:
      props.italic = true;
      return children(n, props);
    case CMARK_NODE_STRONG:
      props.bold = true;
      return children(n, props);
    case CMARK_NODE_LINK: {
      const char* url = cmark_node_get_url(n);
      if (in_link_ || !url || !*url) return children(n, props);
      flush();
      pugi::xml_node para = target_;
      const std::string target = r_.safe_text(url, n);
      if (target.empty()) return children(n, props);
      target_ = para.append_child("w:hyperlink");
      if (target[0] == '#')
        target_.append_attribute("w:anchor") = target.c_str() + 1;
      else
        target_.append_attribute("r:id") = r_.link_id(uri_escape(target)).c_str();
      in_link_ = true;
      children(n, props);
      flush();
      in_link_ = false;
      target_ = para;
      return;
    }
    case CMARK_NODE_HTML_INLINE:
      return;  // raw HTML is not shown (docs/markdown-conventions.md)
    default:
      if (is_strikethrough(n)) props.strike = true;
      // Images show their description; other inlines their content.
      return children(n, props);
  }
}

void InlineWriter::text(std::string_view s, RunProps props) {
  if (s.empty()) return;
  if (!(props == pending_props_)) flush();
  pending_props_ = props;
  pending_ += s;
  started_ = true;
}

void InlineWriter::hard_break() {
  flush();
  target_.append_child("w:r").append_child("w:br");
}

void InlineWriter::flush() {
  if (pending_.empty()) return;
  pugi::xml_node run = target_.append_child("w:r");
  const RunProps& p = pending_props_;
  if (p.code || in_link_ || p.bold || p.italic || p.strike || p.highlight) {
    pugi::xml_node rpr = run.append_child("w:rPr");
    if (p.code || in_link_)
      add_element(rpr, "w:rStyle", {{"w:val", p.code ? style_id::kVerbatimChar : style_id::kHyperlink}});
    if (p.bold) rpr.append_child("w:b");
    if (p.italic) rpr.append_child("w:i");
    if (p.strike) rpr.append_child("w:strike");
    // CT_RPr's order: b, i, strike, color, highlight, u.
    if (r_.change_marks() && (p.bold || p.strike))
      add_element(rpr, "w:color", {{"w:val", p.strike ? kRemovedColour : kInsertedColour}});
    if (p.highlight) add_element(rpr, "w:highlight", {{"w:val", "yellow"}});
    if (r_.change_marks() && p.bold && !p.strike) add_element(rpr, "w:u", {{"w:val", "single"}});
  }
  append_run_text(run, pending_);
  pending_.clear();
}

}  // namespace

std::string part_end_bookmark(size_t part) { return "_KovgenTeilEnde" + std::to_string(part); }

pugi::xml_node append_part_end(pugi::xml_node body, size_t part) {
  pugi::xml_node para = body.append_child("w:p");
  pugi::xml_node ppr = para.append_child("w:pPr");
  add_element(ppr, "w:spacing", {{"w:before", "0"}, {"w:after", "0"}, {"w:line", "20"}, {"w:lineRule", "exact"}});
  add_element(ppr.append_child("w:rPr"), "w:sz", {{"w:val", "2"}});
  // Ids apart from the header's and footer's marks (900001, 900002).
  const std::string id = std::to_string(900100 + part);
  add_element(para, "w:bookmarkStart", {{"w:id", id}, {"w:name", part_end_bookmark(part)}});
  add_element(para, "w:bookmarkEnd", {{"w:id", id}});
  return ppr;
}

void render_docx_body(cmark_node* root, const WriterOptions& options,
                      const DocxBodyOptions& layout, DocxBody& out, Diagnostics& diag) {
  Renderer(options, layout, out, diag).render(root);
}

}  // namespace kovgen
