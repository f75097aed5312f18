#include "change_summary.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "synopse.h"

// The summary is the council paper's own text, German like the Nachtrag's.
namespace kovgen::diff {
namespace {

// More would bury the figures a council member looks for; the Synopse has all.
constexpr size_t kMostFigures = 10;
// A changed Angabe longer than this is wording, not a figure.
constexpr size_t kLongestFigure = 30;

bool has_digit(const std::string& s) { return s.find_first_of("0123456789") != std::string::npos; }

std::string trimmed(const std::string& s) {
  const size_t a = s.find_first_not_of(' ');
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(' ') - a + 1);
}

// The cells of a table row, trimmed, escapes kept.
std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  std::string cell;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size()) {
      cell += row.substr(i, 2);
      ++i;
    } else if (row[i] == '|') {
      out.push_back(trimmed(cell));
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  if (!trimmed(cell).empty()) out.push_back(trimmed(cell));
  if (!out.empty() && out.front().empty()) out.erase(out.begin());
  return out;
}

// The unescaped "|" before position `end` of a table row: the cell a change is in.
size_t cell_index(const std::string& row, size_t end) {
  size_t bars = 0;
  for (size_t i = 0; i < end && i < row.size(); ++i) {
    if (row[i] == '\\') ++i;
    else if (row[i] == '|') ++bars;
  }
  return bars == 0 ? 0 : bars - 1;
}

std::string unit_name(const Section& s) {
  if (!s.label.empty()) return s.label;
  return "\u201E" + s.title + "\u201C";
}

struct Found {
  int rank;
  ChangedFigure figure;
};

}  // namespace

std::vector<ChangedFigure> changed_figures(const AgreementDiff& diff) {
  std::vector<Found> found;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const SectionChange& s : diff.sections()) {
    if (!s.before || !s.after || s.after->level < 2 || s.after->title == "Unterschriften") continue;
    const Block* header = nullptr;  // the first row of the table in view
    int group = -1;
    for (const BlockChange& c : s.blocks) {
      if (c.after && c.after->kind == BlockKind::table_row && c.after->group != group) {
        group = c.after->group;
        header = c.after;
      }
      if (c.change != Change::changed || c.after->kind == BlockKind::heading) continue;
      const std::string before = without_strong(c.before->text), after = without_strong(c.after->text);
      const auto pieces = word_diff(before, after);
      std::string where = unit_name(*s.after);
      if (c.after->absatz > 0) where += " Absatz " + std::to_string(c.after->absatz);
      const bool row = c.after->kind == BlockKind::table_row;
      const auto row_cells = row ? cells(after) : std::vector<std::string>{};
      const auto header_cells = row && header && header != c.after ? cells(without_strong(header->text)) : std::vector<std::string>{};
      size_t position = 0;  // in the new text
      for (size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        if (p.edit == Edit::removed && i + 1 < pieces.size() && pieces[i + 1].edit == Edit::added) {
          std::string old_value = trimmed(p.text), new_value = trimmed(pieces[i + 1].text);
          // An amount with its currency: „1.268.934,57 €“.
          for (const std::string unit : {"\u00A0\u20AC", " \u20AC"})
            if (i + 2 < pieces.size() && pieces[i + 2].text.rfind(unit, 0) == 0) {
              old_value += unit;
              new_value += unit;
              break;
            }
          if (has_digit(old_value) && has_digit(new_value) && old_value.size() <= kLongestFigure &&
              new_value.size() <= kLongestFigure) {
            std::string at = where;
            if (row) {
              const size_t cell = cell_index(after, position + 1);
              if (!row_cells.empty() && cell > 0) at += ", " + row_cells.front();
              if (cell < header_cells.size()) at += ", " + header_cells[cell];
            }
            const int rank = !s.after->label.empty() ? 0 : after.find("insgesamt") != std::string::npos ? 1 : 2;
            if (seen.insert({at, old_value, new_value}).second) found.push_back({rank, {at, old_value, new_value}});
          }
        }
        if (p.edit != Edit::removed) position += p.text.size();
      }
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.rank < b.rank; });
  std::vector<ChangedFigure> out;
  for (const Found& f : found) out.push_back(f.figure);
  return out;
}

std::string change_summary_markdown(const AgreementDiff& diff) {
  const auto sections = changed_section_names(diff);
  if (sections.empty()) return {};
  std::string md = "Die Vereinbarung schreibt die bisherige Vereinbarung fort. Gegenüber der bisherigen Fassung " +
                    std::string(sections.size() == 1 ? "ändert sich " : "ändern sich ") + german_list(sections) +
                    "; die Synopse in der Anlage stellt die bisherige und die neue Fassung gegenüber.";
  const auto figures = changed_figures(diff);
  if (figures.empty()) return md;
  md += "\n\nDie wichtigsten geänderten Angaben:\n";
  for (size_t i = 0; i < figures.size() && i < kMostFigures; ++i)
    md += "\n- " + figures[i].where + ": " + figures[i].after + " (bisher " + figures[i].before + ")";
  if (figures.size() > kMostFigures)
    md += "\n\nWeitere " + std::to_string(figures.size() - kMostFigures) + " geänderte Angaben zeigt die Synopse.";
  return md;
}

}  // namespace kovgen::diff
