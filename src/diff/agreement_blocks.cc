#include "agreement_blocks.h"

#include <cctype>

namespace kovgen::diff {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

int heading_level(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == '#') ++n;
  if (n == 0 || n > 6 || n >= line.size() || line[n] != ' ') return 0;
  return static_cast<int>(n);
}

bool is_list_item_line(std::string_view line) {
  if (starts_with(line, "- ") || starts_with(line, "* ") || starts_with(line, "+ ")) return true;
  size_t n = 0;
  while (n < line.size() && std::isdigit(static_cast<unsigned char>(line[n]))) ++n;
  return n > 0 && n + 1 < line.size() && (line[n] == '.' || line[n] == ')') && line[n + 1] == ' ';
}

// A line continuing the list item above it (indented).
bool is_continuation(std::string_view line) { return starts_with(line, "  "); }

void set_heading(Section& s, std::string_view line, int level) {
  std::string_view text = line.substr(static_cast<size_t>(level) + 1);
  s.level = level;
  // "§ 12 Title" -> label "§ 12", title "Title"; kovgen writes a no-break space after "§".
  for (std::string_view sign : {std::string_view("§\u00A0"), std::string_view("§ ")}) {
    if (!starts_with(text, sign)) continue;
    size_t digits = sign.size();
    while (digits < text.size() && (std::isdigit(static_cast<unsigned char>(text[digits])) || text[digits] == 'a' ||
                                    text[digits] == 'b'))
      ++digits;
    if (digits > sign.size()) {
      s.label = std::string(text.substr(0, digits));
      s.title = std::string(text.substr(digits < text.size() ? digits + 1 : digits));
      return;
    }
  }
  s.title = std::string(text);
}

}  // namespace

int absatz_number(std::string_view text) {
  if (text.size() < 4 || text[0] != '(') return 0;
  size_t n = 1;
  int value = 0;
  while (n < text.size() && n < 4 && std::isdigit(static_cast<unsigned char>(text[n]))) value = value * 10 + (text[n++] - '0');
  if (n == 1 || n + 1 >= text.size() || text[n] != ')' || text[n + 1] != ' ') return 0;
  return value;
}

std::string_view without_absatz_number(std::string_view text) {
  if (absatz_number(text) == 0) return text;
  return text.substr(text.find(')') + 2);
}

std::string without_strong(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] == '\\' && i + 1 < markdown.size()) {
      out += markdown.substr(i, 2);
      ++i;
    } else if (markdown.compare(i, 2, "**") == 0) {
      ++i;
    } else {
      out += markdown[i];
    }
  }
  return out;
}

std::vector<Section> split_agreement(std::string_view markdown) {
  std::vector<Section> sections(1);
  int group = 0;
  int absatz = 0;
  bool in_group = false;  // the previous line belongs to a list or table that may go on
  BlockKind group_kind = BlockKind::other;
  bool in_paragraph = false;
  size_t pos = 0;
  while (pos <= markdown.size()) {
    size_t end = markdown.find('\n', pos);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(pos, end - pos);
    const bool last = end >= markdown.size();
    pos = end + 1;
    if (line.empty()) {
      in_paragraph = false;
      in_group = false;
      if (last) break;
      continue;
    }
    Section& current = sections.back();
    if (int level = heading_level(line); level > 0 && !in_paragraph) {
      in_group = false;
      if (level <= 2) {
        sections.emplace_back();
        set_heading(sections.back(), line, level);
        absatz = 0;
      }
      sections.back().blocks.push_back({BlockKind::heading, std::string(line), absatz, ++group});
      if (last) break;
      continue;
    }
    const bool table_line = starts_with(line, "|");
    const bool list_line = is_list_item_line(line);
    if (table_line || list_line) {
      const BlockKind kind = table_line ? BlockKind::table_row : BlockKind::list_item;
      if (!in_group || group_kind != kind) ++group;
      in_group = true;
      group_kind = kind;
      in_paragraph = false;
      current.blocks.push_back({kind, std::string(line), absatz, group});
    } else if ((in_group && group_kind == BlockKind::list_item && is_continuation(line)) || in_paragraph) {
      current.blocks.back().text += '\n';
      current.blocks.back().text += line;
    } else {
      in_group = false;
      in_paragraph = true;
      if (int n = absatz_number(line)) absatz = n;
      current.blocks.push_back({BlockKind::paragraph, std::string(line), absatz, ++group});
    }
    if (last) break;
  }
  if (sections.front().blocks.empty()) sections.erase(sections.begin());
  return sections;
}

}  // namespace kovgen::diff
