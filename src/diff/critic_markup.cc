#include "critic_markup.h"

namespace kovgen::diff {
namespace {

const MarkStyle kCriticMarkup{"{++", "++}", "{--", "--}", true, "", ""};

std::string wrap(const std::string& text, Edit edit, const MarkStyle& style) {
  if (text.empty()) return text;
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
  if (b.kind == BlockKind::table_row && is_delimiter_row(b.text)) return b.text;
  size_t lead = 0;
  if (b.kind == BlockKind::heading || b.kind == BlockKind::list_item) lead = b.text.find(' ') + 1;
  else if (b.kind == BlockKind::table_row) lead = b.text.find_first_not_of("| ");
  const std::string& whole = edit == Edit::added ? style.block_added : style.block_removed;
  if (!whole.empty()) {
    return b.text.substr(0, lead) + whole + b.text.substr(lead);
  }
  if (b.kind == BlockKind::table_row) return mark_row(b.text, edit, style);
  // Line breaks inside a change would end it for some readers: mark each line.
  std::string out = b.text.substr(0, lead);
  size_t pos = lead;
  while (pos <= b.text.size()) {
    size_t end = b.text.find('\n', pos);
    if (end == std::string::npos) end = b.text.size();
    std::string line = b.text.substr(pos, end - pos);
    // A hard break ("\" at the line's end) stays outside the change.
    const bool hard_break = !line.empty() && line.back() == '\\';
    if (hard_break) line.pop_back();
    out += wrap(line, edit, style);
    if (hard_break) out += '\\';
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
  for (const SectionChange& section : diff.sections()) {
    for (const BlockChange& c : section.blocks) {
      const Block& b = c.after ? *c.after : *c.before;
      if (previous) {
        const bool same_group = previous->kind == b.kind &&
                                (b.kind == BlockKind::table_row || b.kind == BlockKind::list_item);
        out += same_group ? "\n" : "\n\n";
      }
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
