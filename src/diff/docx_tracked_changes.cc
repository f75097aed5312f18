#include "docx_tracked_changes.h"

#include <ctime>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "critic_markup.h"
#include "docx_writer.h"
#include "docx_xml.h"
#include "i18n.h"
#include "markdown_tree.h"
#include "utf8.h"

namespace kovgen::diff {
namespace {

// The Markdown goes through the DOCX writer with the changes marked by code
// points of the Private Use Area, which no agreement contains; they come out as
// text in word/document.xml, where they are turned into w:ins and w:del.
constexpr char32_t kAddedOpen = 0xE000, kAddedClose = 0xE001, kRemovedOpen = 0xE002, kRemovedClose = 0xE003,
                   kBlockAdded = 0xE004, kBlockRemoved = 0xE005;

std::string utf8(char32_t c) {
  std::string s;
  append_utf8(s, c);
  return s;
}

MarkStyle private_use_marks() {
  MarkStyle style;
  style.added_open = utf8(kAddedOpen);
  style.added_close = utf8(kAddedClose);
  style.removed_open = utf8(kRemovedOpen);
  style.removed_close = utf8(kRemovedClose);
  style.block_added = utf8(kBlockAdded);
  style.block_removed = utf8(kBlockRemoved);
  return style;
}

bool is_mark(char32_t c) { return c >= kAddedOpen && c <= kBlockRemoved; }

enum class State { same, added, removed };

class ChangeMarker {
 public:
  ChangeMarker(std::string author, std::string date) : author_(std::move(author)), date_(std::move(date)) {}

  void mark_body(pugi::xml_node body) {
    for (pugi::xml_node n : body.children()) mark_block(n, State::same);
  }

 private:
  std::string author_, date_;
  int next_id_ = 1;

  pugi::xml_node add_change(pugi::xml_node parent, State state, pugi::xml_node before = {}) {
    const char* name = state == State::added ? "w:ins" : "w:del";
    pugi::xml_node n = before ? parent.insert_child_before(name, before) : parent.append_child(name);
    n.append_attribute("w:id") = next_id_++;
    n.append_attribute("w:author") = author_.c_str();
    if (!date_.empty()) n.append_attribute("w:date") = date_.c_str();
    return n;
  }

  // The whole-block mark found anywhere below n (a paragraph or a table row).
  static State whole_block_state(pugi::xml_node n) {
    State found = State::same;
    for (const pugi::xpath_node& x : n.select_nodes(".//w:t")) {
      const std::string_view text = x.node().text().get();
      if (text.find(utf8(kBlockAdded)) != std::string_view::npos) found = State::added;
      if (text.find(utf8(kBlockRemoved)) != std::string_view::npos) found = State::removed;
    }
    return found;
  }

  static State common_paragraph_state(pugi::xml_node row) {
    State common = State::same;
    bool first = true;
    for (const pugi::xpath_node& p : row.select_nodes(".//w:p")) {
      const State s = whole_block_state(p.node());
      if (s == State::same || (!first && s != common)) return State::same;
      common = s;
      first = false;
    }
    return common;
  }

  void mark_block(pugi::xml_node n, State whole) {
    const std::string_view name = n.name();
    if (name == "w:p") {
      if (whole == State::same) whole = whole_block_state(n);
      mark_paragraph(n, whole);
    } else if (name == "w:tr") {
      if (whole == State::same) whole = whole_block_state(n);
      // A row that only holds whole added or removed paragraphs (the table
      // that keeps a signature block together) comes and goes with them.
      if (whole == State::same) whole = common_paragraph_state(n);
      if (whole != State::same) {
        pugi::xml_node tr_pr = n.child("w:trPr");
        if (!tr_pr) tr_pr = n.child("w:tblPrEx") ? n.insert_child_after("w:trPr", n.child("w:tblPrEx"))
                                                  : n.prepend_child("w:trPr");
        add_change(tr_pr, whole);
      }
      for (pugi::xml_node c : n.children()) mark_block(c, whole);
    } else {
      for (pugi::xml_node c : n.children()) mark_block(c, whole);
    }
  }

  void mark_paragraph(pugi::xml_node p, State whole) {
    if (whole != State::same) {
      pugi::xml_node p_pr = p.child("w:pPr");
      if (!p_pr) p_pr = p.prepend_child("w:pPr");
      pugi::xml_node r_pr = p_pr.child("w:rPr");
      if (!r_pr) r_pr = p_pr.append_child("w:rPr");
      add_change(r_pr, whole, r_pr.first_child());
    }
    State inline_state = State::same;
    mark_runs(p, whole, inline_state);
  }

  // Splits the runs of `container` (a paragraph or a hyperlink) at the marks and
  // wraps each stretch of changed runs in w:ins or w:del.
  void mark_runs(pugi::xml_node container, State whole, State& inline_state) {
    std::vector<pugi::xml_node> children;
    for (pugi::xml_node c : container.children()) children.push_back(c);
    for (pugi::xml_node c : children) {
      const std::string_view name = c.name();
      if (name == "w:hyperlink") {
        mark_runs(c, whole, inline_state);
      } else if (name == "w:r") {
        split_run(container, c, whole, inline_state);
      }
    }
  }

  void split_run(pugi::xml_node container, pugi::xml_node run, State whole, State& inline_state) {
    const pugi::xml_node r_pr = run.child("w:rPr");
    pugi::xml_node current_run;
    State current_state = State::same;
    auto run_for = [&](State state) {
      if (!current_run || current_state != state) {
        pugi::xml_node wrapper = container;
        pugi::xml_node before = run;
        if (state != State::same) {
          wrapper = add_change(container, state, run);
          before = {};
        }
        current_run = before ? wrapper.insert_child_before("w:r", before) : wrapper.append_child("w:r");
        if (r_pr) current_run.append_copy(r_pr);
        current_state = state;
      }
      return current_run;
    };
    auto effective = [&] { return whole != State::same ? whole : inline_state; };
    for (pugi::xml_node child : run.children()) {
      const std::string_view name = child.name();
      if (name == "w:rPr") continue;
      if (name != "w:t") {
        pugi::xml_node copy = run_for(effective()).append_copy(child);
        if (effective() == State::removed && name == "w:instrText") copy.set_name("w:delInstrText");
        continue;
      }
      const std::string_view text = child.text().get();
      std::string piece;
      auto flush = [&] {
        if (piece.empty()) return;
        const State state = effective();
        pugi::xml_node t = run_for(state).append_child(state == State::removed ? "w:delText" : "w:t");
        t.append_attribute("xml:space") = "preserve";
        t.text().set(piece.c_str());
        piece.clear();
      };
      size_t pos = 0;
      while (pos < text.size()) {
        const size_t start = pos;
        const char32_t c = next_code_point(text, pos);
        if (!is_mark(c)) {
          piece.append(text.substr(start, pos - start));
          continue;
        }
        flush();
        if (c == kAddedOpen) inline_state = State::added;
        else if (c == kRemovedOpen) inline_state = State::removed;
        else if (c == kAddedClose || c == kRemovedClose) inline_state = State::same;
      }
      flush();
    }
    container.remove_child(run);
  }
};

bool every_row_removed(pugi::xml_node table) {
  bool any = false;
  for (pugi::xml_node row : table.children("w:tr")) {
    if (!row.child("w:trPr").child("w:del")) return false;
    any = true;
  }
  return any;
}

// The writer sizes table columns by their text, which in the marked document
// holds old and new wording: each table that the new agreement has takes that
// table's column widths, so that accepting every change gives its layout too.
void take_column_widths(pugi::xml_node marked_body, pugi::xml_node new_body) {
  std::vector<pugi::xml_node> new_tables;
  for (const pugi::xpath_node& t : new_body.select_nodes(".//w:tbl")) new_tables.push_back(t.node());
  size_t next = 0;
  for (const pugi::xpath_node& x : marked_body.select_nodes(".//w:tbl")) {
    const pugi::xml_node table = x.node();
    if (every_row_removed(table) || next >= new_tables.size()) continue;
    std::vector<std::string> widths;
    for (pugi::xml_node col : new_tables[next++].child("w:tblGrid").children("w:gridCol"))
      widths.push_back(col.attribute("w:w").value());
    size_t k = 0;
    for (pugi::xml_node col : table.child("w:tblGrid").children("w:gridCol"))
      if (k < widths.size()) col.attribute("w:w").set_value(widths[k++].c_str());
    for (pugi::xml_node row : table.children("w:tr")) {
      k = 0;
      for (pugi::xml_node cell : row.children("w:tc"))
        if (pugi::xml_attribute w = cell.child("w:tcPr").child("w:tcW").attribute("w:w"); w && k < widths.size())
          w.set_value(widths[k++].c_str());
    }
  }
}

std::string change_date(const WriterOptions& options) {
  if (!options.timestamp) return "";
  const std::time_t t = static_cast<std::time_t>(*options.timestamp);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace

std::optional<std::string> write_tracked_changes_docx(const AgreementDiff& diff, std::string_view new_markdown,
                                                      const WriterOptions& options,
                                                      const TrackedChangesOptions& tracked, Diagnostics& diag) {
  // Only the new agreement's body is needed, for its table widths.
  MarkdownTree new_tree = parse_markdown(new_markdown);
  DocxBody new_body;
  if (!docx_body(new_tree.get(), options, new_body, diag)) return std::nullopt;
  const pugi::xml_node new_body_node = new_body.document.child("w:document").child("w:body");
  MarkdownTree tree = parse_markdown(marked_markdown(diff, private_use_marks()));
  auto parts = docx_parts(tree.get(), options, diag, [&](pugi::xml_node body) {
    ChangeMarker(tracked.author, change_date(options)).mark_body(body);
    take_column_widths(body, new_body_node);
  });
  if (!parts) return std::nullopt;
  return package_docx(std::move(*parts), diag);
}

}  // namespace kovgen::diff
