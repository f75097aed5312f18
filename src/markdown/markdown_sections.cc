#include "markdown_sections.h"

#include <array>
#include <cctype>

namespace kovgen {

namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

// Whether the "<" at `at` may open an HTML block that a blank line does not end
// (CommonMark's HTML blocks of types 1 to 5). Judged without knowing whether the
// "<" starts a line or is escaped: a false alarm only costs the split.
bool may_open_long_html_block(std::string_view text, size_t at) {
  const std::string_view rest = text.substr(at + 1);
  if (rest.starts_with("!--")) {
    // A comment closed on its own line ends its block there.
    const size_t line_end = rest.find('\n');
    return rest.substr(3, line_end == std::string_view::npos ? line_end : line_end - 3).find("-->") ==
           std::string_view::npos;
  }
  if (rest.starts_with("!") || rest.starts_with("?")) return true;
  for (std::string_view tag : {"script", "pre", "style", "textarea"})
    if (starts_with_ignoring_case(rest, tag)) return true;
  return false;
}

bool reaches_across_headings(std::string_view text) {
  if (text.find("]:") != std::string_view::npos) return true;
  if (text.find("```") != std::string_view::npos || text.find("~~~") != std::string_view::npos) return true;
  for (size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1))
    if (may_open_long_html_block(text, at)) return true;
  return false;
}

// "# …" or "## …" (or a bare "#", "##"), at the line's first column.
bool is_top_heading(std::string_view line) {
  size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes == 0 || hashes > 2) return false;
  return hashes == line.size() || line[hashes] == ' ' || line[hashes] == '\t' || line[hashes] == '\r';
}

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

}  // namespace

std::vector<std::string_view> independent_sections(std::string_view markdown) {
  if (reaches_across_headings(markdown)) return {markdown};
  std::vector<std::string_view> sections;
  size_t section_start = 0;
  bool after_blank = false;
  for (size_t line_start = 0; line_start < markdown.size();) {
    size_t line_end = markdown.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = markdown.size();
    const std::string_view line = markdown.substr(line_start, line_end - line_start);
    if (after_blank && line_start > section_start && is_top_heading(line)) {
      sections.push_back(markdown.substr(section_start, line_start - section_start));
      section_start = line_start;
    }
    after_blank = is_blank(line);
    line_start = line_end + 1;
  }
  if (section_start < markdown.size() || sections.empty()) sections.push_back(markdown.substr(section_start));
  return sections;
}

}  // namespace kovgen
