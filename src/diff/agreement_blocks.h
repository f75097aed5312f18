#pragma once
// A rendered agreement (kovgen's own Markdown) as the units a lawyer compares:
// sections (§), their numbered paragraphs (Absätze), list items and table rows.
#include <string>
#include <string_view>
#include <vector>

namespace kovgen::diff {

enum class BlockKind { heading, paragraph, list_item, table_row, other };

struct Block {
  BlockKind kind = BlockKind::other;
  // The Markdown source of the block, without its trailing newline; a paragraph
  // that spans lines (hard breaks) keeps its inner newlines.
  std::string text;
  // The "(n)" of the numbered paragraph the block belongs to (the paragraph
  // itself, or the list or table that follows it); 0 outside numbered paragraphs.
  int absatz = 0;
  // Blocks of one list or one table share a group number; every other block has
  // its own. Consecutive blocks of one group are written without a blank line.
  int group = 0;
};

struct Section {
  // "§ 3" for a numbered section, empty for others (title, Präambel, Anlage).
  std::string label;
  // The heading without its label: "Pädagogisches Konzept", "Präambel"; empty
  // for the part before the first heading.
  std::string title;
  int level = 0;  // heading level; 0 for the part before the first heading
  // The heading itself is the first block unless level is 0.
  std::vector<Block> blocks;
};

// Splits kovgen's Markdown into sections at headings of level 1 and 2, and
// each section into blocks. Deeper headings are blocks of their section.
std::vector<Section> split_agreement(std::string_view markdown);

// "(4) Text" -> 4; 0 when the text does not start with a paragraph number.
int absatz_number(std::string_view text);

// The text without a leading "(n) ", so that a renumbered paragraph still
// matches its old self.
std::string_view without_absatz_number(std::string_view text);

// The Markdown without its strong emphasis ("**"), escapes kept: for outputs
// in which bold marks new wording.
std::string without_strong(std::string_view markdown);

}  // namespace kovgen::diff
