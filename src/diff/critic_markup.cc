#include "critic_markup.h"

namespace kovgen::diff {
namespace {

const MarkStyle kCriticMarkup{"{++", "++}", "{--", "--}", true, "", ""};

std::string wrap(const std::string& text, Edit edit, const MarkStyle& style) {
  if (text.empty()) return text;
  if (style.space_outside) {
    const size_t first = text.find_first_not_of(" \n");
    if (first == std::string::npos) return text;
    const size_t last = text.find_last_not_of(" \n");
    return text.substr(0, first) + wrap(text.substr(first, last - first + 1), edit, MarkStyle{style.added_open, style.added_close, style.removed_open, style.removed_close}) + text.substr(last + 1);
  }
  return edit == Edit::added ? style.added_open + text + style.added_close
                             : style.removed_open + text + style.removed_close;
}

// A whole row marked cell by cell, so that the table stays a table.
std::string mark_row(const std::string& row, Edit edit, const MarkStyle& style) {
  std::string out;
  size_t start = 0;
  while (start < row.size()) {
    size_t bar = row.find('|', start);
    if (bar == std::string::npos) bar = row.size();
    std::string cell = row.substr(start, bar - start);
    const size_t first = cell.find_first_not_of(' ');
    if (first != std::string::npos) {
      const size_t last = cell.find_last_not_of(' ');
      cell = cell.substr(0, first) + wrap(cell.substr(first, last - first + 1), edit, style) + cell.substr(last + 1);
    }
    out += cell;
    if (bar < row.size()) out += '|';
    start = bar + 1;
  }
  return out;
}

// The block's own Markdown mark ("- ", "## ") stays outside the change, so the
// block keeps its kind.
bool is_delimiter_row(const std::string& row) { return row.find_first_not_of("|-: ") == std::string::npos; }

std::string mark_block(const Block& b, Edit edit, const MarkStyle& style) {
  // kovgen's own marks (<!-- kovgen:keep-together -->) stay what they are.
  if (b.text.rfind("<!--", 0) == 0) return b.text;
  if (b.kind == BlockKind::table_row) {
    if (is_delimiter_row(b.text)) return b.text;
    const std::string& whole = edit == Edit::added ? style.block_added : style.block_removed;
    if (whole.empty()) return mark_row(b.text, edit, style);
    const size_t first_cell = b.text.find_first_not_of("| ");
    return b.text.substr(0, first_cell) + whole + b.text.substr(first_cell);
  }
  const std::string& whole = edit == Edit::added ? style.block_added : style.block_removed;
  // Line by line: a line break inside a change would end it for some readers,
  // and each line of a block quote is its own paragraph.
  std::string out;
  size_t pos = 0;
  bool first = true;
  while (pos <= b.text.size()) {
    size_t end = b.text.find('\n', pos);
    if (end == std::string::npos) end = b.text.size();
    std::string line = b.text.substr(pos, end - pos);
    // The line's own Markdown mark ("- ", "## ", "> ", an indent) stays outside
    // the change, so the block keeps its kind.
    size_t lead = line.find_first_not_of(' ');
    if (lead == std::string::npos) lead = line.size();
    if (first && (b.kind == BlockKind::heading || b.kind == BlockKind::list_item)) lead = line.find(' ') + 1;
    while (line.compare(lead, 2, "> ") == 0) lead += 2;
    const bool alert_type = line.compare(lead, 2, "[!") == 0;  // "> [!CAUTION]"
    std::string body = line.substr(lead);
    // A hard break ("\" at the line's end) stays outside the change.
    const bool hard_break = !body.empty() && body.back() == '\\';
    if (hard_break) body.pop_back();
    out += line.substr(0, lead);
    if (alert_type || body.empty()) out += body;
    else if (!whole.empty()) out += whole + body;
    else out += wrap(body, edit, style);
    if (hard_break) out += '\\';
    first = false;
    if (end == b.text.size()) break;
    out += '\n';
    pos = end + 1;
  }
  return out;
}

std::string mark_words(const std::vector<Piece>& pieces, const MarkStyle& style) {
  std::string out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Piece& p = pieces[i];
    if (p.edit == Edit::same) {
      out += p.text;
    } else if (style.critic_substitution && p.edit == Edit::removed && i + 1 < pieces.size() &&
               pieces[i + 1].edit == Edit::added) {
      out += "{~~" + p.text + "~>" + pieces[i + 1].text + "~~}";
      ++i;
    } else {
      out += wrap(p.text, p.edit, style);
    }
  }
  return out;
}

}  // namespace

std::string critic_markup(const AgreementDiff& diff) { return marked_markdown(diff, kCriticMarkup); }

std::string marked_markdown(const AgreementDiff& diff, const MarkStyle& style) {
  std::string out;
  const Block* previous = nullptr;
  bool previous_from_after = false;
  for (const SectionChange& section : diff.sections()) {
    for (const BlockChange& c : section.blocks) {
      const Block& b = c.after ? *c.after : *c.before;
      if (previous) {
        // Two tables in a row stay two tables: group numbers tell them apart, but
        // only within one version, as each version numbers its own groups.
        const bool same_side = previous_from_after == static_cast<bool>(c.after);
        const bool same_group = previous->kind == b.kind &&
                                (b.kind == BlockKind::table_row || b.kind == BlockKind::list_item) &&
                                (!same_side || previous->group == b.group);
        out += same_group ? "\n" : "\n\n";
      }
      previous_from_after = static_cast<bool>(c.after);
      switch (c.change) {
        case Change::same: out += b.text; break;
        case Change::added: out += mark_block(b, Edit::added, style); break;
        case Change::removed: out += mark_block(b, Edit::removed, style); break;
        case Change::changed: out += mark_words(c.words, style); break;
      }
      previous = &b;
    }
  }
  if (!out.empty()) out += '\n';
  return out;
}

}  // namespace kovgen::diff
