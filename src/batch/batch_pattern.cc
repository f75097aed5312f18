#include "batch_pattern.h"

#include "i18n.h"
#include "text_match.h"

namespace kovgen {

std::string no_such_column(const std::string& name, const CsvHeader& header) {
  if (auto n = nearest(name, header.names); !n.empty())
    return fill(tr("no column \u201E{}\u201C in the school list; did you mean {}?"), {name, quoted_value(n)});
  return fill(tr("no column \u201E{}\u201C in the school list"), {name});
}

std::string tidy_value(const std::string& s) {
  std::string out;
  bool blank = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  const size_t b = out.find_first_not_of(" ,");
  if (b == std::string::npos) return {};
  return out.substr(b, out.find_last_not_of(" ,") - b + 1);
}

std::optional<ColumnPattern> ColumnPattern::parse(const std::string& text, const CsvHeader& header,
                                                  const Location& where, Diagnostics& diag) {
  ColumnPattern p;
  std::string literal;
  bool ok = true;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '}') {
      diag.error(where, fill(tr("\"}\" without \"{\" in {} (write \"}}\" for a brace)"), {quoted_value(text)}));
      return std::nullopt;
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    const size_t close = text.find('}', i);
    if (close == std::string::npos) {
      diag.error(where, fill(tr("\"{\" without \"}\" in {}"), {quoted_value(text)}));
      return std::nullopt;
    }
    const std::string name = text.substr(i + 1, close - i - 1);
    const int index = header.index_of(name);
    if (index < 0) {
      diag.error(where, no_such_column(name, header));
      ok = false;
    }
    if (!literal.empty()) p.pieces_.push_back({-1, std::move(literal)});
    literal.clear();
    p.pieces_.push_back({index, name});
    i = close;
  }
  if (!literal.empty()) p.pieces_.push_back({-1, std::move(literal)});
  if (ok && p.first_column() < 0) {
    diag.error(where, fill(tr("{} names no column in braces; put fixed values in the base file"), {quoted_value(text)}));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return p;
}

ColumnPattern ColumnPattern::column(int index) {
  ColumnPattern p;
  p.pieces_.push_back({index, ""});
  return p;
}

std::string ColumnPattern::expand(const CsvRecord& r) const {
  if (pieces_.size() == 1 && pieces_[0].column >= 0) return std::string(CsvHeader::field(r, pieces_[0].column));
  std::string out;
  bool any = false;
  for (const auto& piece : pieces_) {
    if (piece.column < 0) {
      out += piece.text;
      continue;
    }
    const std::string_view v = CsvHeader::field(r, piece.column);
    any = any || v.find_first_not_of(" \t\r\n") != std::string_view::npos;
    out += v;
  }
  return any ? tidy_value(out) : std::string();
}

int ColumnPattern::first_column() const {
  for (const auto& piece : pieces_)
    if (piece.column >= 0) return piece.column;
  return -1;
}

std::vector<int> ColumnPattern::columns() const {
  std::vector<int> out;
  for (const auto& piece : pieces_)
    if (piece.column >= 0) out.push_back(piece.column);
  return out;
}

std::string ColumnPattern::describe(const CsvHeader& header) const {
  std::vector<std::string> names;
  for (const auto& piece : pieces_)
    if (piece.column >= 0) names.push_back("\u201E" + header.names[static_cast<size_t>(piece.column)] + "\u201C");
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + names[i];
  return fill(tr_n("column {}", "columns {}", names.size()), {list});
}

}  // namespace kovgen
