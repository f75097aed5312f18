#include "placeholder.h"

#include <cctype>

namespace kovgen {

namespace {
constexpr std::string_view kOpen = "[offen:";
}

std::string placeholder_text(std::string_view what) { return "[offen: " + std::string(what) + "]"; }

std::vector<PlaceholderSpan> find_placeholders(std::string_view text) {
  std::vector<PlaceholderSpan> spans;
  size_t pos = 0;
  while ((pos = text.find(kOpen, pos)) != std::string_view::npos) {
    PlaceholderSpan span;
    span.begin = pos > 0 && text[pos - 1] == '\\' ? pos - 1 : pos;
    size_t i = pos + kOpen.size();
    while (i < text.size() && text[i] == ' ') ++i;
    // Up to the first "]" that is not inside the text; Markdown writes it "\]".
    bool closed = false;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '\n' && i + 1 < text.size() && text[i + 1] == '\n') break;  // never across paragraphs
      if (c == '\\' && i + 1 < text.size() && text[i + 1] == ']') {
        span.end = i + 2;
        closed = true;
        break;
      }
      if (c == ']') {
        span.end = i + 1;
        closed = true;
        break;
      }
      if (c == '\\' && i + 1 < text.size() && std::ispunct(static_cast<unsigned char>(text[i + 1]))) {
        span.what += text[++i];
        continue;
      }
      span.what += c;
    }
    pos += kOpen.size();
    if (!closed) continue;
    while (!span.what.empty() && span.what.back() == ' ') span.what.pop_back();
    // „[offen: …]“ names the notation itself (in help texts), it leaves nothing open.
    if (span.what == "\u2026" || span.what == "...") {
      pos = span.end;
      continue;
    }
    spans.push_back(std::move(span));
    pos = spans.back().end;
  }
  return spans;
}

}  // namespace kovgen
