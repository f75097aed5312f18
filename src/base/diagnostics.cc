#include "diagnostics.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace kovgen {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file.empty() ? std::string("kovgen") : d.where.file;
  if (d.where.line > 0) {
    out += ":" + std::to_string(d.where.line);
    if (d.where.column > 0) out += ":" + std::to_string(d.where.column);
  }
  out += d.severity == Severity::warning ? ": warning: " : ": ";
  out += d.message;
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
  return "\"" + shown + "\"";
}

}  // namespace kovgen
