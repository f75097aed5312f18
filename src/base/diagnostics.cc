#include "diagnostics.h"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <vector>

#include "i18n.h"

namespace kovgen {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file.empty() ? std::string("kovgen") : d.where.file;
  if (d.where.line > 0) {
    out += ":" + std::to_string(d.where.line);
    if (d.where.column > 0) out += ":" + std::to_string(d.where.column);
  }
  out += ": ";
  out += d.severity == Severity::warning ? fill(tr("warning: {}"), {d.message}) : d.message;
  return out;
}

void Diagnostics::error(Location where, std::string message) {
  add({Severity::error, std::move(where), std::move(message)});
}

void Diagnostics::warning(Location where, std::string message) {
  add({Severity::warning, std::move(where), std::move(message)});
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error) ++error_count_;
  items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}

std::string Diagnostics::to_string() const {
  std::string out;
  for (const auto& d : items_) out += format_diagnostic(d) + "\n";
  return out;
}

void Diagnostics::sort_by_location() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column) <
           std::tie(b.where.file, b.where.line, b.where.column);
  });
}

std::string quoted_value(std::string_view s) {
  // At most 60 bytes, cut at a character boundary; line breaks and other control
  // characters shown as "\n" or "\x07", so a message stays on one line.
  size_t cut = std::min<size_t>(s.size(), 60);
  while (cut > 0 && cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  std::string shown;
  for (unsigned char c : s.substr(0, cut)) {
    if (c == '\n') shown += "\\n";
    else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      shown += buf;
    } else shown += static_cast<char>(c);
  }
  if (cut < s.size()) shown += "…";
  // German quotes the value „so“.
  return fill(tr("\"{}\""), {shown});
}

size_t line_break_at(std::string_view text, size_t at) {
  if (at >= text.size()) return 0;
  if (text[at] == '\n') return 1;
  if (text[at] != '\r') return 0;
  return at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1;
}

std::vector<std::string_view> text_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find_first_of("\r\n", begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + std::max<size_t>(line_break_at(text, end), 1);
  }
  return lines;
}

std::string line_with_caret(std::string_view text, int line, int column) {
  if (line < 1 || column < 1) return "";
  const std::vector<std::string_view> lines = text_lines(text);
  // Past the last line (a text's final line break ends it): nothing to show.
  if (size_t(line) > lines.size() || (size_t(line) == lines.size() && lines.back().empty())) return "";
  const std::string_view row = lines[size_t(line) - 1];
  // The characters of the row, each as shown (one column wide).
  std::vector<std::string> shown;
  for (size_t i = 0; i < row.size();) {
    size_t n = 1;
    while (i + n < row.size() && (static_cast<unsigned char>(row[i + n]) & 0xC0) == 0x80) ++n;
    const unsigned char c = static_cast<unsigned char>(row[i]);
    if (c == '\t') shown.emplace_back("\u2192");
    else if (c < 0x20 || c == 0x7F) shown.emplace_back("?");
    else shown.emplace_back(row.substr(i, n));
    i += n;
  }
  // At most 100 characters, the caret's among them.
  constexpr size_t kWidth = 100;
  const size_t caret = static_cast<size_t>(column - 1);
  size_t first = 0;
  if (shown.size() > kWidth && caret > kWidth / 2) first = std::min(caret - kWidth / 2, shown.size() - kWidth);
  const size_t last = std::min(shown.size(), first + kWidth);
  std::string number = std::to_string(line);
  std::string out = "\n  " + number + " | " + (first > 0 ? "\u2026" : "");
  for (size_t i = first; i < last; ++i) out += shown[i];
  if (last < shown.size()) out += "\u2026";
  out += "\n  " + std::string(number.size(), ' ') + " | " + (first > 0 ? " " : "");
  out += std::string(caret - first, ' ') + "^";
  return out;
}

}  // namespace kovgen
