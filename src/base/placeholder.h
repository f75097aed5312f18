#pragma once
// The placeholder a draft shows where an answer is missing: „[offen: …]“. It is
// part of the agreement's German text, so it is never translated. The composer
// writes it, the readiness verdict counts it, and the writers highlight it; all
// of them find it with find_placeholders.
#include <string>
#include <string_view>
#include <vector>

namespace kovgen {

// "[offen: what]" (plain text; the composer escapes it for Markdown).
std::string placeholder_text(std::string_view what);

struct PlaceholderSpan {
  size_t begin = 0;  // byte offsets in the searched text, end exclusive
  size_t end = 0;
  std::string what;  // the text after "offen:", without Markdown backslash escapes
};

// Every placeholder in plain text or Markdown source ("\[offen: Betrag\]"), in
// order. "[offen: …]" itself, the notation as help texts name it, is none.
std::vector<PlaceholderSpan> find_placeholders(std::string_view text);

}  // namespace kovgen
