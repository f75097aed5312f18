#include "folded_body.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace kovgen {

namespace {

// Calls visit(text, is_tag) for each tag and each run of literal text of a body,
// in order, with every line end a literal of its own: "\r\n", "\n" or a lone "\r",
// the three kainjow treats as newlines.
template <typename Visit>
void for_each_token(std::string_view body, Visit&& visit) {
  size_t pos = 0;
  auto literal = [&](std::string_view text) {
    size_t start = 0;
    // Two memchr scans (a "\r" is rare: its next place is kept), not a test of each
    // byte against the set as find_first_of makes.
    size_t next_cr = text.find('\r');
    while (start < text.size()) {
      if (next_cr < start) next_cr = text.find('\r', start);
      const size_t nl = std::min({text.find('\n', start), next_cr, text.size()});
      if (nl > start) visit(text.substr(start, nl - start), false);
      if (nl == text.size()) break;
      const size_t length = text.compare(nl, 2, "\r\n") == 0 ? 2 : 1;
      visit(text.substr(nl, length), false);
      start = nl + length;
    }
  };
  while (pos < body.size()) {
    const size_t open = body.find("{{", pos);
    if (open == std::string_view::npos) {
      literal(body.substr(pos));
      break;
    }
    literal(body.substr(pos, open - pos));
    const bool triple = open + 2 < body.size() && body[open + 2] == '{';
    const size_t close = body.find(triple ? "}}}" : "}}", open + 2);
    // template_check has balanced every tag; an unclosed one is left to kainjow.
    const size_t end = close == std::string_view::npos ? body.size() : close + (triple ? 3 : 2);
    visit(body.substr(open, end - open), true);
    pos = end;
  }
}

// Whether a tag ("{{name}}", "{{&name}}", "{{{name}}}", "{{#section}}", ...) only
// inserts a value, judged as kainjow does: by the first character after the
// delimiter and any spaces.
bool is_variable_tag(std::string_view tag) {
  if (tag.rfind("{{{", 0) == 0) return true;
  size_t i = 2;
  while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
  return i < tag.size() && std::string_view("#^/!>=<$").find(tag[i]) == std::string_view::npos;
}

}  // namespace

// kainjow parses a byte at a time, comparing each byte with the tag delimiter and
// five kinds of whitespace, and makes every space and every newline a component
// of its own. Parsing a 60 KB body was most of a render. So every run of literal
// text becomes an unescaped variable `{{&~N}}` that BodyContext resolves from a
// table, and kainjow parses little more than the tags. The output cannot change:
// kainjow appends a variable's value to the current line exactly as it appends
// literal text.
//
// A newline is different: there kainjow drops the line just ended if a section
// was rendered in it and it holds nothing but whitespace. That can only happen
// on a line with a section tag (`#`, `^`, `/`; comments, partials and delimiter
// changes are kept too, to be safe), and it depends on where that line starts.
// So a newline stays in the body when the line before or the line after it has
// such a tag, and joins the literal text otherwise: most of an agreement is
// prose, which becomes a handful of components instead of one per line.
FoldedBody fold_literal_text(const std::string& body) {
  struct Token {
    std::string_view text;
    enum Kind { literal, newline, variable, other_tag } kind;
  };
  std::vector<Token> tokens;
  for_each_token(body, [&](std::string_view text, bool is_tag) {
    if (is_tag) {
      tokens.push_back({text, is_variable_tag(text) ? Token::variable : Token::other_tag});
    } else if (text == "\n" || text == "\r\n" || text == "\r") {
      tokens.push_back({text, Token::newline});
    } else {
      tokens.push_back({text, Token::literal});
    }
  });
  // plain[k]: line k (counting newlines) has no tag but variables.
  std::vector<bool> plain(1, true);
  for (const Token& t : tokens) {
    if (t.kind == Token::newline) plain.push_back(true);
    if (t.kind == Token::other_tag) plain.back() = false;
  }

  FoldedBody folded;
  folded.tags.reserve(body.size() / 4);
  std::string pending;  // literal text not yet given its tag
  auto flush = [&] {
    if (pending.empty()) return;
    folded.tags += "{{&";
    folded.tags += kLiteralPrefix;
    folded.tags += std::to_string(folded.literals.size());
    folded.tags += "}}";
    folded.literals.push_back(std::move(pending));
    pending.clear();
  };
  size_t line = 0;
  for (const Token& t : tokens) {
    switch (t.kind) {
      case Token::literal:
        pending += t.text;
        break;
      case Token::newline:
        ++line;
        if (plain[line - 1] && plain[line]) {
          pending += t.text;
        } else {
          flush();
          folded.tags += t.text;
        }
        break;
      case Token::variable:
      case Token::other_tag:
        flush();
        folded.tags += t.text;
        break;
    }
  }
  flush();
  return folded;
}

}  // namespace kovgen
