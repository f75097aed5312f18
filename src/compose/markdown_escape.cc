#include "markdown_escape.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kovgen {

namespace {

// Inline syntax anywhere: emphasis, code, links, images, HTML, entities, tables,
// strikethrough, backslash itself.
constexpr bool always_escaped(char c) {
  switch (c) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '<':
    case '|': case '~': case '#':
      return true;
    default:
      return false;
  }
}

// The bytes a run of plain text ends at: those always escaped, a tab (becomes a
// space) and "&" (may start a reference). A table: the scan is most of escaping.
constexpr auto kEndsPlainRun = [] {
  std::array<bool, 256> ends{};
  for (int c = 0; c < 256; ++c) ends[c] = always_escaped(static_cast<char>(c)) || c == '\t' || c == '&';
  return ends;
}();

// Block syntax that only matters at the start of a line.
bool escaped_at_line_start(char c) { return c == '-' || c == '+' || c == '=' || c == '>'; }

// "&amp;" or "&#38;" would be read as a character reference.
bool starts_reference(std::string_view rest) {
  return rest.size() > 1 && rest[0] == '&' &&
         (std::isalnum(static_cast<unsigned char>(rest[1])) || rest[1] == '#');
}

// U+E000 (private use): never in our templates; removed from user text first.
constexpr std::string_view kLineStartMark = "\uE000";

// Leading blanks would turn the line into indented code or a lazy continuation.
std::string_view without_blanks(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

// Appends one line, already without_blanks, escaped.
void append_escaped_line(std::string& out, std::string_view line, bool defer_line_start) {
  const std::string_view start_escape = defer_line_start ? kLineStartMark : std::string_view("\\");
  size_t i = 0;
  if (!line.empty() && escaped_at_line_start(line[0])) {
    out += start_escape;
    out += line[0];
    i = 1;
  } else {
    // "1." or "1)" at a line start is an ordered list marker.
    size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')')) {
      // The mark goes before the digits, where the line-start test must look;
      // resolving it puts the backslash after them.
      if (defer_line_start) out += kLineStartMark;
      out.append(line.substr(0, digits));
      if (!defer_line_start) out += '\\';
      out += line[digits];
      i = digits + 1;
    }
  }
  // Runs of plain text (most of a value) are appended whole.
  while (i < line.size()) {
    size_t run = i;
    while (run < line.size() && !kEndsPlainRun[static_cast<unsigned char>(line[run])]) ++run;
    out.append(line, i, run - i);
    if (run == line.size()) break;
    const char c = line[run];
    if (c == '\t') {
      out += ' ';
    } else {
      if (always_escaped(c) || starts_reference(line.substr(run))) out += '\\';
      out += c;
    }
    i = run + 1;
  }
}

std::string escape_value(std::string_view text, bool defer_line_start) {
  std::string cleaned;
  // U+E000 and U+E001 are the composer's own marks; a user cannot type them in.
  if (text.find("\xEE\x80") != std::string_view::npos) {
    cleaned = std::string(text);
    for (std::string_view mark : {kLineStartMark, std::string_view("\uE001")})
      for (size_t p; (p = cleaned.find(mark)) != std::string::npos;) cleaned.replace(p, mark.size(), "\uFFFD");
    text = cleaned;
  }
  // Lines are escaped straight into the result: a value is escaped for every
  // tag that shows it, and a string per line cost more than the escaping.
  // Blank lines at both ends are trimmed, runs of them collapse into one.
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 2);
  bool pending_blank = false;
  bool any = false;
  size_t start = 0;
  while (true) {
    const size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = without_blanks(line);
    if (line.empty()) {
      pending_blank = any;
    } else {
      if (any) out += pending_blank ? "\n\n" : "\\\n";
      append_escaped_line(out, line, defer_line_start && !any);
      any = true;
      pending_blank = false;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

// Strips what may precede a block's text on a line: indentation, "> ", list markers.
bool only_block_prefix(std::string_view prefix) {
  size_t i = 0;
  while (i < prefix.size()) {
    const char c = prefix[i];
    if (c == ' ' || c == '>') {
      ++i;
    } else if ((c == '-' || c == '+' || c == '*') && i + 1 < prefix.size() && prefix[i + 1] == ' ') {
      i += 2;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < prefix.size() && std::isdigit(static_cast<unsigned char>(prefix[j]))) ++j;
      if (j + 1 < prefix.size() && (prefix[j] == '.' || prefix[j] == ')') && prefix[j + 1] == ' ') i = j + 2;
      else return false;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string escape_markdown(std::string_view text) { return escape_value(text, false); }

std::string escape_markdown_deferred(std::string_view text) { return escape_value(text, true); }

std::string resolve_line_start_marks(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  size_t line_start = 0;  // in out
  size_t i = 0;
  while (i < markdown.size()) {
    // Copy up to the next mark in one go; only a mark's own line needs a look.
    const size_t mark = std::min(markdown.find(kLineStartMark, i), markdown.size());
    const std::string_view chunk = markdown.substr(i, mark - i);
    if (const size_t nl = chunk.rfind('\n'); nl != std::string_view::npos) line_start = out.size() + nl + 1;
    out.append(chunk);
    i = mark;
    if (i == markdown.size()) break;
    const bool escape = only_block_prefix(std::string_view(out).substr(line_start));
    i += kLineStartMark.size();
    while (i < markdown.size() && std::isdigit(static_cast<unsigned char>(markdown[i]))) out += markdown[i++];
    if (escape) out += '\\';
  }
  return out;
}

}  // namespace kovgen
