#include "synopse.h"

#include <string_view>

// The wording here is the Synopse's own text, German like the Nachtrag's: a
// document for the council, not a message of kovgen.
namespace kovgen::diff {
namespace {

constexpr std::string_view kOpen = "\u201E", kClose = "\u201C";
// The two wordings side by side get the same width, even where one side is empty.
constexpr const char* kEqualColumns = "<!-- kovgen:equal-columns -->";

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Blocks that are no wording of the agreement: the draft's date line, kovgen's
// checklist notes and layout marks, the line under a table's header.
bool is_wording(const Block& b) {
  if (b.kind == BlockKind::paragraph && b.text.find("– Stand: ") != std::string::npos && b.text.size() < 200)
    return false;
  if (b.kind == BlockKind::table_row && b.text.find_first_not_of("|-: ") == std::string::npos) return false;
  return !starts_with(b.text, "> [!") && !starts_with(b.text, "<!--");
}

bool is_signature_section(const Section& s) { return s.label.empty() && s.title == "Unterschriften"; }

// A change a reader of the wording sees. A new number "(n)" alone is a
// renumbering, and a section's heading is compared by its title: both are said
// in the section's heading.
bool wording_changed(const BlockChange& c) {
  const Block& b = c.after ? *c.after : *c.before;
  if (!is_wording(b) || b.kind == BlockKind::heading || c.change == Change::same) return false;
  return c.change != Change::changed || without_absatz_number(c.before->text) != without_absatz_number(c.after->text);
}

bool title_changed(const SectionChange& s) { return s.before && s.after && s.before->title != s.after->title; }

bool section_changed(const SectionChange& s) {
  const Section& side = s.after ? *s.after : *s.before;
  if (is_signature_section(side) || side.level == 0) return false;
  if (s.change == Change::added || s.change == Change::removed || title_changed(s)) return true;
  for (const BlockChange& b : s.blocks)
    if (wording_changed(b)) return true;
  return false;
}

std::string quoted(std::string_view s) { return std::string(kOpen) + std::string(s) + std::string(kClose); }

// How the Synopse names a section: „§ 3“, „Präambel“, the opening with the
// parties, or an Anlage's section by its title in quotes.
// The agreement's title comes first; later titles open its Anlagen
// („Anlage 1 zur Kooperationsvereinbarung vom …“).
bool is_agreement_title(const Section& s, const AgreementDiff& diff) {
  for (const SectionChange& c : diff.sections()) {
    const Section* side = c.after ? c.after : c.before;
    if (side->level == 1) return side == &s;
  }
  return false;
}

std::string name_of(const Section& s, const AgreementDiff& diff) {
  if (!s.label.empty()) return s.label;
  if (s.level <= 1 && is_agreement_title(s, diff)) return "Eingang";
  if (s.level <= 1 && s.title.rfind("Anlage ", 0) == 0) return s.title.substr(0, s.title.find(' ', 7));
  if (s.title == "Präambel") return s.title;
  return quoted(s.title);
}

// Consecutive §§ as a range („§ 2 bis § 7“), other names one by one.
std::string ranges(const std::vector<std::string>& names) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < names.size();) {
    size_t j = i;
    while (j + 1 < names.size() && names[i].rfind("§", 0) == 0 && names[j + 1].rfind("§", 0) == 0) ++j;
    parts.push_back(j >= i + 2 ? names[i] + " bis " + names[j] : names[i]);
    if (j == i + 1) parts.push_back(names[j]);
    i = j + 1;
  }
  return german_list(parts);
}

// The block's Markdown as the text of one table cell: one line, a table row's
// cells joined by " · ", the agreement's own bold and the block marks dropped.
std::string cell_text(const Block& b) {
  std::string text;
  std::string_view src = b.text;
  if (b.kind == BlockKind::heading) src.remove_prefix(src.find(' ') + 1);
  if (b.kind == BlockKind::table_row) {
    bool first = true;
    size_t start = 0;
    while (start < src.size()) {
      size_t bar = start;
      while (bar < src.size() && !(src[bar] == '|' && (bar == 0 || src[bar - 1] != '\\'))) ++bar;
      std::string_view cell = src.substr(start, bar - start);
      const size_t a = cell.find_first_not_of(' '), z = cell.find_last_not_of(' ');
      if (a != std::string_view::npos) {
        if (!first) text += " · ";
        text += cell.substr(a, z - a + 1);
        first = false;
      }
      start = bar + 1;
    }
  } else {
    size_t pos = 0;
    while (pos <= src.size()) {
      size_t end = src.find('\n', pos);
      if (end == std::string_view::npos) end = src.size();
      std::string_view line = src.substr(pos, end - pos);
      while (starts_with(line, "> ")) line.remove_prefix(2);
      const size_t a = line.find_first_not_of(' ');
      line = a == std::string_view::npos ? std::string_view() : line.substr(a);
      if (!line.empty() && line.back() == '\\' && end < src.size()) line.remove_suffix(1);  // a hard break
      if (!text.empty() && !line.empty()) text += ' ';
      text += line;
      pos = end + 1;
    }
  }
  return without_strong(text);
}

// `mark` around the text, its outer white space left outside, where Markdown
// needs it for the mark to count.
std::string wrap(const std::string& text, std::string_view mark) {
  const size_t a = text.find_first_not_of(' ');
  if (a == std::string::npos) return text;
  const size_t z = text.find_last_not_of(' ');
  return text.substr(0, a) + std::string(mark) + text.substr(a, z - a + 1) + std::string(mark) + text.substr(z + 1);
}

std::string row(const std::string& before, const std::string& after) {
  return "| " + before + " | " + after + " |\n";
}

std::string changed_row(const Block& before, const Block& after) {
  std::string old_cell, new_cell;
  for (const Piece& p : word_diff(cell_text(before), cell_text(after))) {
    if (p.edit != Edit::added) old_cell += p.edit == Edit::removed ? wrap(p.text, "~~") : p.text;
    if (p.edit != Edit::removed) new_cell += p.edit == Edit::added ? wrap(p.text, "**") : p.text;
  }
  return row(old_cell, new_cell);
}

std::string block_row(const BlockChange& c) {
  switch (c.change) {
    case Change::added: return row("", wrap(cell_text(*c.after), "**"));
    case Change::removed: return row(wrap(cell_text(*c.before), "~~"), "");
    case Change::changed:
      if (wording_changed(c)) return changed_row(*c.before, *c.after);
      [[fallthrough]];
    case Change::same: break;
  }
  return row(cell_text(*c.before), cell_text(*c.after));
}

// A numbered paragraph with the lists and tables that belong to it; the first
// unit of a section is what stands before its first numbered paragraph.
struct Unit {
  int number = 0;  // in the new wording (the old one for a removed paragraph)
  std::vector<const BlockChange*> blocks;
};

std::vector<Unit> units_of(const SectionChange& s) {
  std::vector<Unit> units(1);
  for (const BlockChange& b : s.blocks) {
    const Block& side = b.after ? *b.after : *b.before;
    if (side.kind == BlockKind::heading) continue;
    if (side.kind == BlockKind::paragraph && absatz_number(side.text) > 0) units.push_back({absatz_number(side.text), {}});
    units.back().blocks.push_back(&b);
  }
  return units;
}

// The rows of one changed unit: its changed blocks, with the paragraph that
// opens it and the header of a table with changed rows, so that each row can
// be read on its own.
std::string unit_rows(const Unit& unit) {
  bool any = false;
  for (const BlockChange* c : unit.blocks) any = any || wording_changed(*c);
  if (!any) return {};
  std::string out;
  const BlockChange* table_header = nullptr;  // the first row of the current table
  bool header_shown = false;
  int group = -1;
  for (size_t i = 0; i < unit.blocks.size(); ++i) {
    const BlockChange& c = *unit.blocks[i];
    const Block& side = c.after ? *c.after : *c.before;
    if (side.kind == BlockKind::table_row && side.group != group) {
      group = side.group;
      table_header = &c;
      header_shown = false;
    }
    const bool opening = i == 0 && unit.number > 0;
    if (!is_wording(side)) continue;
    if (wording_changed(c)) {
      if (side.kind == BlockKind::table_row && !header_shown && table_header != &c && table_header->before &&
          table_header->after)
        out += block_row(*table_header);
      header_shown = header_shown || side.kind == BlockKind::table_row;
      out += block_row(c);
    } else if (opening) {
      out += block_row(c);
    }
  }
  return out;
}

std::string heading(const SectionChange& s, const AgreementDiff& diff) {
  const Section& side = s.after ? *s.after : *s.before;
  const bool opening = side.level <= 1 && is_agreement_title(side, diff);
  std::string h = "## " + (side.label.empty() ? "" : side.label + " ") + (opening ? "Eingang" : side.title);
  if (s.change == Change::added) return h + " (neu)";
  if (s.change == Change::removed) return h + " (aufgehoben)";
  if (s.renumbered()) h += " (bisher " + s.before->label + ")";
  return h;
}

std::string section_table(const SectionChange& s, const AgreementDiff& diff) {
  std::string rows;
  // A changed title is wording too, an Anlage's („Anlage 1 zur Kooperationsvereinbarung
  // vom …“ after a new date of the agreement) as much as a §'s.
  if (title_changed(s) && !s.before->blocks.empty() && !s.after->blocks.empty() &&
      s.before->blocks.front().kind == BlockKind::heading && s.after->blocks.front().kind == BlockKind::heading)
    rows += changed_row(s.before->blocks.front(), s.after->blocks.front());
  std::vector<int> unchanged;
  for (const Unit& unit : units_of(s)) {
    std::string unit_out = unit_rows(unit);
    if (unit_out.empty() && unit.number > 0) unchanged.push_back(unit.number);
    rows += unit_out;
  }
  // A section whose only change is one no reader sees in its wording (a renumbering
  // said in the heading) gets no empty table.
  std::string out = heading(s, diff) + "\n\n";
  if (!rows.empty()) out += std::string(kEqualColumns) + "\n\n| Bisherige Fassung | Neue Fassung |\n| --- | --- |\n" + rows;
  if (!unchanged.empty()) {
    std::vector<std::string> numbers;
    for (int n : unchanged) numbers.push_back(std::to_string(n));
    out += "\n" + std::string(unchanged.size() == 1 ? "Absatz " : "Absätze ") + german_list(numbers) +
           (unchanged.size() == 1 ? " bleibt" : " bleiben") + " unverändert.\n";
  }
  return out;
}

}  // namespace

std::string german_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " und " : ", ";
    out += names[i];
  }
  return out;
}

std::vector<std::string> changed_section_names(const AgreementDiff& diff) {
  std::vector<std::string> out;
  for (const SectionChange& s : diff.sections())
    if (section_changed(s)) out.push_back(name_of(s.after ? *s.after : *s.before, diff));
  return out;
}

std::string synopse_markdown(const AgreementDiff& diff) {
  if (changed_section_names(diff).empty()) return {};
  const Section* title = nullptr;
  for (const SectionChange& s : diff.sections())
    if (!title && s.after && s.after->level == 1) title = s.after;
  const std::string agreement = title && !title->title.empty() ? title->title : "Kooperationsvereinbarung";
  std::string md = "# Synopse\n\n";
  md += "Gegenüberstellung der bisherigen und der neuen Fassung der " + agreement +
        ". In der bisherigen Fassung sind entfallende Worte durchgestrichen, in der neuen Fassung sind neue "
        "Worte fett hervorgehoben. Nicht aufgeführte Teile der Vereinbarung bleiben unverändert.\n\n";
  std::vector<std::string> same_run, same_run_before;
  bool run_renumbered = false;
  auto flush_run = [&] {
    if (same_run.empty()) return;
    md += ranges(same_run);
    if (run_renumbered) md += " (bisher " + ranges(same_run_before) + ")";
    md += same_run.size() == 1 ? " bleibt unverändert.\n\n" : " bleiben unverändert.\n\n";
    same_run.clear();
    same_run_before.clear();
    run_renumbered = false;
  };
  for (const SectionChange& s : diff.sections()) {
    const Section& side = s.after ? *s.after : *s.before;
    if (side.level == 0 || is_signature_section(side)) continue;
    if (!section_changed(s)) {
      // An Anlage's title alone is no wording to call unchanged.
      if (side.level == 1 && !is_agreement_title(side, diff)) continue;
      same_run.push_back(name_of(side, diff));
      same_run_before.push_back(name_of(*s.before, diff));
      run_renumbered = run_renumbered || s.renumbered();
      continue;
    }
    flush_run();
    md += section_table(s, diff) + "\n";
  }
  flush_run();
  while (md.size() > 1 && md[md.size() - 1] == '\n' && md[md.size() - 2] == '\n') md.pop_back();
  return md;
}

}  // namespace kovgen::diff
