#include "nachtrag.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

// The wording here is the Nachtrag's own text, German like the templates' clauses
// (a document, not a message of kovgen): it follows the style of German amendment
// laws and contracts ("wird wie folgt gefasst", "wird aufgehoben").
namespace kovgen::diff {
namespace {

constexpr std::string_view kOpen = "\u201E", kClose = "\u201C";

// A replaced Angabe longer than this is not a figure or a name: the paragraph
// is then given in its new wording.
constexpr size_t kLongestAngabe = 80;

std::string quoted(std::string_view s) { return std::string(kOpen) + std::string(s) + std::string(kClose); }

bool is_status_line(const Block& b) {
  return b.kind == BlockKind::paragraph && b.text.rfind("**", 0) == 0 && b.text.find("Stand:") != std::string::npos;
}

bool is_signature_section(const Section& s) { return s.label.empty() && s.title == "Unterschriften"; }

// The changes a block brings, as (old, new) replacements; nullopt when a
// change is no replacement (only added or only removed words).
// Changes with one word between them are one replacement: „Kreisverband
// Musterkreis e.V.“ by „Musterkreis gGmbH“, not two.
std::vector<Piece> joined_changes(const std::vector<Piece>& pieces) {
  std::vector<Piece> w = pieces;
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (w[i].edit != Edit::same || w[i - 1].edit == Edit::same || w[i + 1].edit == Edit::same) continue;
    const std::string& between = w[i].text;
    const size_t spaces = std::count(between.begin(), between.end(), ' ');
    if (between.find_first_of(",;:()|*\n") != std::string::npos || spaces > 1 || between.size() > 30) continue;
    // removed/added before and after the word: both sides take the word.
    std::string removed, added;
    size_t start = i, end = i;
    while (start > 0 && w[start - 1].edit != Edit::same) --start;
    while (end + 1 < w.size() && w[end + 1].edit != Edit::same) ++end;
    for (size_t k = start; k <= end; ++k) {
      if (w[k].edit != Edit::added) removed += w[k].text;
      if (w[k].edit != Edit::removed) added += w[k].text;
    }
    std::vector<Piece> merged;
    if (!removed.empty()) merged.push_back({Edit::removed, removed});
    if (!added.empty()) merged.push_back({Edit::added, added});
    w.erase(w.begin() + static_cast<long>(start), w.begin() + static_cast<long>(end) + 1);
    w.insert(w.begin() + static_cast<long>(start), merged.begin(), merged.end());
    i = start;
  }
  return w;
}

std::optional<std::vector<std::pair<std::string, std::string>>> replacements(const BlockChange& c) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto w = joined_changes(c.words);
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i].edit == Edit::same) continue;
    if (w[i].edit != Edit::removed || i + 1 >= w.size() || w[i + 1].edit != Edit::added) return std::nullopt;
    std::string before = w[i].text, after = w[i + 1].text;
    // A figure with its unit: „1.105,00 €“.
    for (std::string_view unit : {std::string_view("\u00A0€"), std::string_view(" €")})
      if (i + 2 < w.size() && w[i + 2].text.rfind(unit, 0) == 0) {
        before += unit;
        after += unit;
        break;
      }
    out.emplace_back(before, after);
    ++i;
  }
  return out;
}

bool plain_angabe(const std::string& s) {
  return !s.empty() && s.size() <= kLongestAngabe && s.find_first_of("*\\|\n_[]") == std::string::npos &&
         s.front() != ' ' && s.back() != ' ';
}

// A name may be replaced "jeweils", for the whole agreement; a bare number may
// not: the same figure stands elsewhere for other things (12 places, 12 Uhr).
bool names_something(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c) || c >= 0x80; });
}

// "| --- | ---: |": the line under a table's header, so the row before it starts a
// new table.
bool is_delimiter_row(const std::string& s) {
  return s.rfind("|", 0) == 0 && s.find("-") != std::string::npos &&
         s.find_first_not_of("|-: ") == std::string::npos;
}

size_t occurrences(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t p = text.find(part); p != std::string::npos; p = text.find(part, p + 1)) ++n;
  return n;
}

// A numbered paragraph with the lists and tables that belong to it; unit 0 of a
// section is what comes before its first numbered paragraph (the heading).
struct Unit {
  int old_number = 0, new_number = 0;
  std::vector<const BlockChange*> blocks;
};

std::vector<Unit> units_of(const SectionChange& s) {
  std::vector<Unit> units(1);
  for (const BlockChange& b : s.blocks) {
    const Block& side = b.after ? *b.after : *b.before;
    if (side.kind == BlockKind::paragraph && absatz_number(side.text) > 0) {
      units.push_back({b.before ? absatz_number(b.before->text) : 0, b.after ? absatz_number(b.after->text) : 0, {}});
    }
    units.back().blocks.push_back(&b);
  }
  return units;
}

// The new wording of blocks as Markdown, in German quotes.
// A checklist alert ("> [!CAUTION]") in the new version is kovgen's note to the
// drafters, no part of the wording.
bool is_alert(const Block& b) { return b.text.rfind("> [!", 0) == 0; }

std::vector<std::string> wording(std::vector<const Block*> blocks) {
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [](const Block* b) { return is_alert(*b); }), blocks.end());
  std::vector<std::string> out;
  for (const Block* b : blocks) out.push_back(b->text);
  if (out.empty()) return out;
  out.front() = std::string(kOpen) + out.front();
  if (blocks.back()->kind != BlockKind::table_row) out.back() += std::string(kClose);
  return out;
}

std::vector<const Block*> new_blocks(const std::vector<const BlockChange*>& changes) {
  std::vector<const Block*> out;
  for (const BlockChange* c : changes)
    if (c->after) out.push_back(c->after);
  return out;
}

std::string joined_numbers(const std::vector<int>& numbers) {
  if (numbers.size() == 1) return std::to_string(numbers[0]);
  if (numbers.size() == 2) return std::to_string(numbers[0]) + " und " + std::to_string(numbers[1]);
  return std::to_string(numbers.front()) + " bis " + std::to_string(numbers.back());
}

// "Der bisherige Absatz 6 wird Absatz 5." / "Die bisherigen Absätze 6 bis 9 werden die Absätze 5 bis 8."
std::string renumbering(const std::vector<std::pair<int, int>>& moves, const char* one, const char* many) {
  std::vector<int> from, to;
  for (const auto& [a, b] : moves) {
    from.push_back(a);
    to.push_back(b);
  }
  // "§ 10" keeps its number on its line.
  const std::string space = std::string_view(one) == "§" ? "\u00A0" : " ";
  if (moves.size() == 1)
    return std::string("Der bisherige ") + one + space + std::to_string(from[0]) + " wird " + one + space +
           std::to_string(to[0]) + ".";
  return std::string("Die bisherigen ") + many + space + joined_numbers(from) + " werden die " + many + space +
         joined_numbers(to) + ".";
}

// An instruction said within a section ("Absatz 2 wird …") and on its own
// ("§ 3 Absatz 2 wird …").
struct Local {
  std::string local, full;
  std::vector<std::string> wording;
};

class InstructionWriter {
 public:
  explicit InstructionWriter(const AgreementDiff& diff) : diff_(diff) { find_global_replacements(); }

  std::vector<Instruction> write() {
    std::vector<Instruction> out;
    for (const auto& [before, after] : global_)
      out.push_back({"In der Vereinbarung wird die Angabe " + quoted(before) + " jeweils durch die Angabe " + quoted(after) +
                         " ersetzt.",
                     {}});
    std::vector<std::pair<int, int>> moved_sections;
    std::string previous_label;  // the last § of the old agreement that stays
    for (const SectionChange& s : diff_.sections()) {
      const Section& side = s.after ? *s.after : *s.before;
      if (is_signature_section(side)) continue;
      if (s.change == Change::removed) {
        out.push_back({(s.before->label.empty() ? quoted(s.before->title) : s.before->label) + " wird aufgehoben.", {}});
        continue;
      }
      if (s.change == Change::added) {
        std::vector<const Block*> blocks;
        for (const Block& b : s.after->blocks)
          if (b.kind != BlockKind::heading) blocks.push_back(&b);
        std::vector<std::string> words = wording(blocks);
        words.insert(words.begin(), "**" + s.after->label + " " + s.after->title + "**");
        const std::string where = previous_label.empty() ? "Vor dem bisherigen §\u00A01" : "Nach " + previous_label;
        out.push_back({where + " wird folgender " + (s.after->label.empty() ? "Abschnitt" : s.after->label) + " eingefügt:", words});
        continue;
      }
      if (!s.before->label.empty()) previous_label = s.before->label;
      if (s.before->label != s.after->label && !s.before->label.empty() && !s.after->label.empty())
        moved_sections.emplace_back(number_of(s.before->label), number_of(s.after->label));
      if (s.change == Change::same) continue;
      auto local = section_instructions(s);
      if (local.size() == 1) {
        out.push_back({local[0].full, local[0].wording});
      } else if (!local.empty()) {
        out.push_back({reference(*s.before) + " wird wie folgt geändert:", {}});
        char letter = 'a';
        for (auto& l : local) out.push_back({std::string(1, letter++) + ") " + l.local, l.wording});
        // Lettered sub-instructions are marked as such by their sentence.
      }
    }
    if (!moved_sections.empty())
      out.push_back({renumbering(moved_sections, "§", "§§"), {}});
    return out;
  }

 private:
  const AgreementDiff& diff_;
  std::set<std::pair<std::string, std::string>> global_;

  static int number_of(const std::string& label) {
    const size_t digit = label.find_first_of("0123456789");
    return digit == std::string::npos ? 0 : std::stoi(label.substr(digit));
  }

  static std::string reference(const Section& s) {
    if (!s.label.empty()) return s.label;
    if (s.title == "Präambel") return "Die Präambel";
    if (s.level <= 1) return "Der Eingang der Vereinbarung";
    return "Der Abschnitt " + quoted(s.title);
  }

  // A replacement found in blocks of two sections or more is said once, for the
  // whole agreement ("jeweils").
  void find_global_replacements() {
    std::map<std::pair<std::string, std::string>, std::set<const SectionChange*>> seen;
    for (const SectionChange& s : diff_.sections())
      for (const BlockChange& b : s.blocks) {
        if (b.change != Change::changed || b.after->kind == BlockKind::heading) continue;
        if (auto r = replacements(b))
          for (const auto& pair : *r)
            if (plain_angabe(pair.first) && plain_angabe(pair.second) && names_something(pair.first))
              seen[pair].insert(&s);
      }
    for (const auto& [pair, sections] : seen)
      if (sections.size() >= 2) global_.insert(pair);
  }

  // Whether a changed block changes nothing beyond the global replacements and its number.
  bool only_global(const BlockChange& b) const {
    if (b.change != Change::changed) return b.change == Change::same;
    if (without_absatz_number(b.before->text) == without_absatz_number(b.after->text)) return true;
    auto r = replacements(b);
    if (!r) return false;
    for (const auto& pair : *r)
      if (!global_.count(pair) && !(absatz_number(b.before->text) > 0 && pair.first == std::to_string(absatz_number(b.before->text))))
        return false;
    return true;
  }

  std::vector<Local> section_instructions(const SectionChange& s) const {
    const std::string ref = reference(*s.before);
    const std::vector<Unit> units = units_of(s);
    const bool numbered = units.size() > 1;
    // The heading with a new title, or changes before the first numbered
    // paragraph, or a section without numbered paragraphs: the whole section anew.
    bool whole = s.before->title != s.after->title && s.before->level >= 2;
    for (const BlockChange* b : units[0].blocks)
      if (b->after && b->after->kind != BlockKind::heading && !is_status_line(*b->after) && !only_global(*b)) whole = true;
      else if (!b->after && !is_status_line(*b->before)) whole = true;
    if (whole || !numbered) {
      std::vector<const Block*> blocks;
      for (const Block& b : s.after->blocks)
        if (b.kind != BlockKind::heading && !is_status_line(b) && (s.after->level >= 2 || in_parties(s.after->blocks, b)))
          blocks.push_back(&b);
      if (!whole && std::all_of(s.blocks.begin(), s.blocks.end(), [&](const BlockChange& b) { return only_global(b) || (b.after && is_status_line(*b.after)); }))
        return {};
      const std::string sentence = ref + " wird wie folgt gefasst:";
      std::vector<std::string> words = wording(blocks);
      if (s.before->title != s.after->title && s.after->level >= 2)
        words.insert(words.begin(), "**" + (s.after->label.empty() ? "" : s.after->label + " ") + s.after->title + "**");
      return {{sentence, sentence, words}};
    }
    std::vector<Local> out;
    std::vector<std::pair<int, int>> moved;
    int last_new_number = 0;
    for (size_t u = 1; u < units.size(); ++u) {
      const Unit& unit = units[u];
      const BlockChange& head = *unit.blocks.front();
      if (head.change == Change::removed) {
        const std::string l = "Absatz " + std::to_string(unit.old_number) + " wird aufgehoben.";
        out.push_back({l, ref + " " + l, {}});
        continue;
      }
      if (head.change == Change::added) {
        const std::string n = std::to_string(unit.new_number);
        const std::string where = last_new_number ? "nach Absatz " + std::to_string(last_new_number) : "vor dem bisherigen Absatz 1";
        std::string l = where + " wird folgender Absatz " + n + " eingefügt:";
        l[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(l[0])));
        out.push_back({l, "In " + ref + " wird " + where + " folgender Absatz " + n + " eingefügt:", wording(new_blocks(unit.blocks))});
        last_new_number = unit.new_number;
        continue;
      }
      last_new_number = unit.new_number;
      if (unit.old_number != unit.new_number) moved.emplace_back(unit.old_number, unit.new_number);
      bool changed = false;
      for (const BlockChange* b : unit.blocks) changed = changed || !only_global(*b);
      if (!changed) continue;
      out.push_back(unit_instruction(ref, unit));
    }
    if (!moved.empty()) {
      const std::string l = renumbering(moved, "Absatz", "Absätze");
      out.push_back({l, "In " + ref + ": " + l, {}});
    }
    return out;
  }

  static bool in_parties(const std::vector<Block>& blocks, const Block& b) {
    bool inside = false;
    for (const Block& x : blocks) {
      if (x.text == "zwischen") inside = true;
      if (x.text.rfind("wird folgende Vereinbarung geschlossen", 0) == 0) inside = false;
      if (&x == &b) return inside;
    }
    return false;
  }

  Local unit_instruction(const std::string& ref, const Unit& unit) const {
    const std::string absatz = "Absatz " + std::to_string(unit.old_number);
    // One block with short replacements, each Angabe found once in the old paragraph.
    const BlockChange* only = nullptr;
    int count = 0;
    std::string old_text;
    for (const BlockChange* b : unit.blocks) {
      if (b->before) old_text += b->before->text + "\n";
      if (b->change == Change::same || only_global(*b)) continue;
      if (b->change != Change::changed) count += 2;
      only = b;
      ++count;
    }
    if (count == 1) {
      if (auto r = replacements(*only)) {
        bool plain = !r->empty();
        std::vector<std::pair<std::string, std::string>> own;
        for (const auto& pair : *r) {
          if (global_.count(pair)) continue;
          if (only->before == unit.blocks.front()->before && pair.first == std::to_string(unit.old_number)) continue;
          plain = plain && plain_angabe(pair.first) && plain_angabe(pair.second) && occurrences(old_text, pair.first) == 1;
          // A bare number in a table does not say which column it stands in.
          if (only->after->kind == BlockKind::table_row && pair.first.find_first_not_of("0123456789.,") == std::string::npos)
            plain = false;
          own.push_back(pair);
        }
        if (plain && !own.empty()) {
          const std::string table = only->after->kind == BlockKind::table_row ? " in der Tabelle" : "";
          std::string what;
          if (own.size() == 1) {
            what = "wird" + table + " die Angabe " + quoted(own[0].first) + " durch die Angabe " + quoted(own[0].second) + " ersetzt.";
          } else {
            what = "werden" + table + " ";
            for (size_t i = 0; i < own.size(); ++i) {
              if (i) what += i + 1 == own.size() ? " und " : ", ";
              what += "die Angabe " + quoted(own[i].first) + " durch die Angabe " + quoted(own[i].second);
            }
            what += " ersetzt.";
          }
          return {"In " + absatz + " " + what, "In " + ref + " " + absatz + " " + what, {}};
        }
      }
    }
    const std::string l = absatz + " wird wie folgt gefasst:";
    return {l, ref + " " + l, wording(new_blocks(unit.blocks))};
  }
};

const Section* new_title_section(const AgreementDiff& diff) {
  for (const SectionChange& s : diff.sections())
    if (s.after && s.after->level <= 1) return s.after;
  return nullptr;
}

const Section* new_signature_section(const AgreementDiff& diff) {
  for (const SectionChange& s : diff.sections())
    if (s.after && is_signature_section(*s.after)) return s.after;
  return nullptr;
}

std::string blockquote(const std::string& markdown) {
  std::string out = "> ";
  for (char c : markdown) {
    out += c;
    if (c == '\n') out += "> ";
  }
  return out;
}

}  // namespace

std::string nachtrag_ordinal(int number) {
  static const char* const kOrdinals[] = {"Erster", "Zweiter", "Dritter", "Vierter", "Fünfter", "Sechster",
                                          "Siebter", "Achter", "Neunter", "Zehnter", "Elfter", "Zwölfter"};
  if (number >= 1 && number <= 12) return kOrdinals[number - 1];
  return std::to_string(number) + ".";
}

std::vector<Instruction> amendment_instructions(const AgreementDiff& diff) { return InstructionWriter(diff).write(); }

std::string nachtrag_markdown(const AgreementDiff& diff, const NachtragOptions& options) {
  const std::string original_date =
      options.original_date.empty() ? "\\[offen: Datum der Vereinbarung\\]" : options.original_date;
  const std::string effective_date =
      options.effective_date.empty() ? "\\[offen: Datum des Inkrafttretens\\]" : options.effective_date;
  const Section* title = new_title_section(diff);
  std::string agreement = title && !title->title.empty() ? title->title : "Kooperationsvereinbarung";
  std::string md = "# " + nachtrag_ordinal(options.number) + " Nachtrag zur " + agreement + " vom " + original_date + "\n\n";

  // The parties as the new version names them.
  if (title) {
    bool inside = false;
    for (const Block& b : title->blocks) {
      if (b.text == "zwischen") inside = true;
      if (b.text.rfind("wird folgende Vereinbarung geschlossen", 0) == 0) break;
      if (inside) md += b.text + "\n\n";
    }
  }
  md += "wird folgender Nachtrag geschlossen:\n\n";
  md += "## Präambel\n\n";
  md += "Die Vertragspartner haben am " + original_date + " die " + agreement +
        " (nachfolgend „Vereinbarung“) geschlossen. Mit diesem Nachtrag passen sie die Vereinbarung einvernehmlich an "
        "die veränderten Verhältnisse an.\n\n";
  md += "## §\u00A01 Änderung der Vereinbarung\n\n";
  md += "Die Vereinbarung wird wie folgt geändert:\n\n";
  int n = 0;
  for (const Instruction& i : amendment_instructions(diff)) {
    // Sub-instructions ("a) …") go under the numbered one before them.
    const bool lettered = i.sentence.size() > 2 && i.sentence[1] == ')';
    md += lettered ? i.sentence : std::to_string(++n) + "\\. " + i.sentence;
    md += "\n\n";
    for (size_t k = 0; k < i.wording.size(); ++k) {
      // A layout mark of the agreement (a page break before an Anlage) is no wording.
      if (i.wording[k].rfind("<!-- kovgen:", 0) == 0) continue;
      const bool row = i.wording[k].rfind("|", 0) == 0;
      const bool next_row = k + 1 < i.wording.size() && i.wording[k + 1].rfind("|", 0) == 0 &&
                            !(k + 2 < i.wording.size() && is_delimiter_row(i.wording[k + 2]));
      md += blockquote(i.wording[k]) + (row && next_row ? "\n" : "\n>\n");
    }
    if (!i.wording.empty()) {
      md.resize(md.size() - 2);  // the last "> " line
      md += "\n";
    }
  }
  md += "## §\u00A02 Inkrafttreten\n\n";
  md += "(1) Dieser Nachtrag tritt am " + effective_date + " in Kraft.\n\n";
  md += "(2) Im Übrigen gilt die Vereinbarung unverändert fort.\n\n";
  if (const Section* signatures = new_signature_section(diff)) {
    for (const Block& b : signatures->blocks) md += b.text + (b.kind == BlockKind::heading ? "\n\n" : "\n\n");
  }
  while (md.size() > 1 && md[md.size() - 1] == '\n' && md[md.size() - 2] == '\n') md.pop_back();
  return md;
}

}  // namespace kovgen::diff
