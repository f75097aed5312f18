#pragma once
// Escaping of user text for insertion into the Markdown draft, so that any value
// prints literally: it can never become Markdown structure, inline HTML, a link,
// a table cell boundary or a layout marker.
#include <string>
#include <string_view>

namespace kovgen {

// Escapes one value. Line starts (the value's first character and each character
// after a newline) get the extra escapes that block syntax needs (lists, quotes,
// headings, setext underlines, indented code). Newlines are kept: a single newline
// becomes a hard line break, a blank line a paragraph break.
std::string escape_markdown(std::string_view text);

// Like escape_markdown, but the escapes that only matter at a line start are, for
// the value's first line, left as a mark that resolve_line_start_marks() turns
// into a backslash where the value really starts a block (line start, after a list
// marker or "> ") and drops elsewhere. So "am 10. Februar" stays readable in the
// Markdown while "10. Februar" at a line start is still no list.
std::string escape_markdown_deferred(std::string_view text);
std::string resolve_line_start_marks(std::string_view markdown);

}  // namespace kovgen
