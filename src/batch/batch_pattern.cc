#include "batch_pattern.h"

#include "i18n.h"
#include "school_name.h"
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

namespace {

constexpr const char* kFunctionNames[] = {"schulname", "schulname_mit_an"};

std::string trimmed(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

}  // namespace

// "Spalte", or "A + B + C | funktion" (either part may be missing).
std::optional<ColumnPattern::Piece> ColumnPattern::parse_braces(const std::string& inner, const std::string& text,
                                                                const CsvHeader& header, const Location& where,
                                                                Diagnostics& diag) {
  Piece piece;
  piece.text = inner;
  if (const int index = header.index_of(inner); index >= 0 || inner.find_first_of("+|") == std::string::npos) {
    if (index < 0) diag.error(where, no_such_column(inner, header));
    piece.columns.push_back(index);
    return index < 0 ? std::nullopt : std::optional<Piece>(piece);
  }
  std::string columns = inner;
  if (const size_t bar = inner.rfind('|'); bar != std::string::npos) {
    columns = inner.substr(0, bar);
    const std::string name = trimmed(std::string_view(inner).substr(bar + 1));
    if (name == kFunctionNames[0]) piece.function = Function::school_name;
    else if (name == kFunctionNames[1]) piece.function = Function::school_name_with_an;
    else {
      const std::string n = nearest(name, {kFunctionNames[0], kFunctionNames[1]});
      const std::string message =
          n.empty() ? fill(tr("unknown function \"{}\" in \"{}\"; the functions are schulname and "
                              "schulname_mit_an"),
                           {name, text})
                    : fill(tr("unknown function \"{}\" in \"{}\"; did you mean \"{}\"? The "
                              "functions are schulname and schulname_mit_an"),
                           {name, text, n});
      diag.error(where, message);
      return std::nullopt;
    }
  }
  bool ok = true;
  size_t start = 0;
  while (start <= columns.size()) {
    size_t plus = columns.find('+', start);
    if (plus == std::string::npos) plus = columns.size();
    const std::string name = trimmed(std::string_view(columns).substr(start, plus - start));
    const int index = header.index_of(name);
    if (index < 0) {
      diag.error(where, name.empty() ? fill(tr("a column name is missing in \"{}\""), {text})
                                     : no_such_column(name, header));
      ok = false;
    }
    piece.columns.push_back(index);
    start = plus + 1;
  }
  if (!ok) return std::nullopt;
  return piece;
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
    auto piece = parse_braces(text.substr(i + 1, close - i - 1), text, header, where, diag);
    if (!piece) ok = false;
    if (!literal.empty()) p.pieces_.push_back({{}, std::move(literal)});
    literal.clear();
    if (piece) p.pieces_.push_back(std::move(*piece));
    i = close;
  }
  if (!literal.empty()) p.pieces_.push_back({{}, std::move(literal)});
  if (ok && p.first_column() < 0) {
    diag.error(where, fill(tr("{} names no column in braces; put fixed values in the base file"), {quoted_value(text)}));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return p;
}

ColumnPattern ColumnPattern::column(int index) {
  ColumnPattern p;
  p.pieces_.push_back({{index}, ""});
  return p;
}

std::string ColumnPattern::expand(const CsvRecord& r) const {
  if (pieces_.size() == 1 && pieces_[0].columns.size() == 1 && pieces_[0].function == Function::none)
    return std::string(CsvHeader::field(r, pieces_[0].columns[0]));
  std::string out;
  bool any = false;
  for (const auto& piece : pieces_) {
    if (piece.columns.empty()) {
      out += piece.text;
      continue;
    }
    std::string joined;
    for (int column : piece.columns) {
      const std::string_view v = CsvHeader::field(r, column);
      any = any || v.find_first_not_of(" \t\r\n") != std::string_view::npos;
      joined.append(joined.empty() ? "" : " ").append(v);
    }
    switch (piece.function) {
      case Function::none: out += joined; break;
      case Function::school_name: out += school_name(joined); break;
      case Function::school_name_with_an: out += school_name_with_an(school_name(joined)); break;
    }
  }
  return any ? tidy_value(out) : std::string();
}

int ColumnPattern::first_column() const {
  for (const auto& piece : pieces_)
    if (!piece.columns.empty()) return piece.columns[0];
  return -1;
}

std::vector<int> ColumnPattern::columns() const {
  std::vector<int> out;
  for (const auto& piece : pieces_) out.insert(out.end(), piece.columns.begin(), piece.columns.end());
  return out;
}

std::string ColumnPattern::describe(const CsvHeader& header) const {
  std::vector<std::string> names;
  for (const auto& piece : pieces_)
    for (int column : piece.columns) names.push_back("\u201E" + header.names[static_cast<size_t>(column)] + "\u201C");
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + names[i];
  return fill(tr_n("column {}", "columns {}", names.size()), {list});
}

}  // namespace kovgen
