#include "yaml_edit.h"

#include "yaml_dom.h"

#include "i18n.h"

namespace kovgen {

namespace {

// ---- Reading the text as lines (file-local) ----

enum class LineKind { blank, comment, content, block };  // block: inside a block scalar

struct Line {
  size_t begin = 0;     // offset of the first byte
  size_t end = 0;       // offset after the line break (or the end of the text)
  std::string_view text;  // without the line break (and without a trailing '\r')
  int indent = 0;
  LineKind kind = LineKind::blank;
};

// Offset of a trailing comment ("  # ...") in a line's text, or npos. Quotes count
// only where a quoted scalar can start: at the value start or after a flow indicator.
size_t comment_start(std::string_view s) {
  char quote = 0;
  char previous = ' ';
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (quote == '"' && c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if ((c == '"' || c == '\'') &&
               (previous == ' ' || previous == '[' || previous == '{' || previous == ',' || previous == ':')) {
      bool value_start = true;  // "it's" inside a plain scalar is no quote
      for (size_t j = i; j-- > 0;) {
        if (s[j] == ' ') continue;
        value_start = s[j] == ':' || s[j] == '-' || s[j] == '[' || s[j] == '{' || s[j] == ',';
        break;
      }
      if (value_start || i == 0) quote = c;
    } else if (c == '#' && (previous == ' ' || previous == '\t')) {
      return i;
    }
    previous = c;
  }
  return std::string_view::npos;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view without_comment(std::string_view s) {
  const size_t c = comment_start(s);
  return trim_right(c == std::string_view::npos ? s : s.substr(0, c));
}

// If a content line opens a block scalar ("key: |", "- >-"), the column its
// content must be deeper than; else -1.
int block_scalar_owner(std::string_view s, int indent) {
  std::string_view v = without_comment(s);
  size_t last = v.find_last_of(" \t");
  std::string_view token = last == std::string_view::npos ? v.substr(indent) : v.substr(last + 1);
  if (token.empty() || (token[0] != '|' && token[0] != '>')) return -1;
  for (char c : token.substr(1))
    if (c != '+' && c != '-' && !(c >= '1' && c <= '9')) return -1;
  // Column of the owning key (after any "- " prefixes), or of the last "-".
  size_t col = static_cast<size_t>(indent);
  size_t dash = std::string_view::npos;
  while (col + 1 < v.size() && v[col] == '-' && v[col + 1] == ' ') {
    dash = col;
    col += 2;
    while (col < v.size() && v[col] == ' ') ++col;
  }
  if (v.substr(col).find(':') != std::string_view::npos && v[col] != '|' && v[col] != '>') return static_cast<int>(col);
  return static_cast<int>(dash == std::string_view::npos ? indent : dash);
}

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  int block_owner = -1;
  size_t pos = 0;
  while (pos < text.size()) {
    Line l;
    l.begin = pos;
    size_t nl = text.find('\n', pos);
    l.end = nl == std::string_view::npos ? text.size() : nl + 1;
    l.text = text.substr(pos, (nl == std::string_view::npos ? text.size() : nl) - pos);
    if (!l.text.empty() && l.text.back() == '\r') l.text.remove_suffix(1);
    while (static_cast<size_t>(l.indent) < l.text.size() && l.text[l.indent] == ' ') ++l.indent;
    const bool blank = trim_right(l.text).size() == static_cast<size_t>(l.indent);
    if (block_owner >= 0 && (blank || l.indent > block_owner)) {
      l.kind = LineKind::block;
    } else {
      block_owner = -1;
      if (blank) l.kind = LineKind::blank;
      else if (l.text[l.indent] == '#') l.kind = LineKind::comment;
      else {
        l.kind = LineKind::content;
        block_owner = block_scalar_owner(l.text, l.indent);
      }
    }
    lines.push_back(l);
    pos = l.end;
  }
  return lines;
}

// Whether a content line is "key:" at its indent; sets *value to what follows the colon.
bool is_key_line(const Line& l, const std::string& key, std::string_view* value) {
  if (l.kind != LineKind::content) return false;
  std::string_view s = l.text.substr(l.indent);
  if (s.size() <= key.size() || s.substr(0, key.size()) != key || s[key.size()] != ':') return false;
  std::string_view rest = s.substr(key.size() + 1);
  if (!rest.empty() && rest[0] != ' ' && rest[0] != '\t') return false;
  *value = rest;
  return true;
}

// ---- Writing values (file-local) ----

std::string spaces(int n) { return std::string(static_cast<size_t>(n), ' '); }

void emit_block_text(std::vector<std::string>& out, int indent, const std::string& text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line.empty() ? "" : spaces(indent) + line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
}

void emit_sequence(std::vector<std::string>& out, int indent, const std::vector<YamlValue>& items);
void emit_mapping(std::vector<std::string>& out, const std::string& first_lead, int indent,
                  const std::vector<std::pair<std::string, YamlValue>>& fields);

// Appends the value after a line that ends in "key:" or "-" (out.back()), with
// nested lines at indent.
void emit_after(std::vector<std::string>& out, int indent, const YamlValue& v) {
  switch (v.kind) {
    case YamlValue::Kind::null: return;
    case YamlValue::Kind::scalar:
      if (v.text.find('\n') == std::string::npos) {
        out.back() += " " + yaml_scalar(v.text);
      } else {
        out.back() += " |-";
        emit_block_text(out, indent, v.text);
      }
      return;
    case YamlValue::Kind::sequence:
      if (v.items.empty()) out.back() += " []";
      else emit_sequence(out, indent, v.items);
      return;
    case YamlValue::Kind::mapping:
      if (v.fields.empty()) out.back() += " {}";
      else emit_mapping(out, spaces(indent), indent, v.fields);
      return;
  }
}

void emit_sequence(std::vector<std::string>& out, int indent, const std::vector<YamlValue>& items) {
  for (const auto& item : items) {
    if (item.kind == YamlValue::Kind::mapping && !item.fields.empty()) {
      emit_mapping(out, spaces(indent) + "- ", indent + 2, item.fields);
    } else {
      out.push_back(spaces(indent) + "-");
      emit_after(out, indent + 2, item);
    }
  }
}

void emit_mapping(std::vector<std::string>& out, const std::string& first_lead, int indent,
                  const std::vector<std::pair<std::string, YamlValue>>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    out.push_back((i == 0 ? first_lead : spaces(indent)) + fields[i].first + ":");
    emit_after(out, indent + 2, fields[i].second);
  }
}

YamlValue value_from_node(const YamlNode& n) {
  if (n.is_scalar()) return YamlValue::scalar(n.scalar);
  if (n.is_sequence()) {
    YamlValue v = YamlValue::sequence();
    for (const auto& item : n.items) v.items.push_back(value_from_node(item));
    return v;
  }
  if (n.is_mapping()) {
    YamlValue v = YamlValue::mapping();
    for (size_t i = 0; i + 1 < n.items.size(); i += 2)
      v.fields.emplace_back(n.items[i].text(), value_from_node(n.items[i + 1]));
    return v;
  }
  return {};
}

bool is_reserved_word(std::string_view s) {
  static const char* const kWords[] = {"null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"};
  std::string lower;
  for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (const char* w : kWords)
    if (lower == w) return true;
  return false;
}

bool can_be_plain(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ' || is_reserved_word(s)) return false;
  if (std::string_view("?:,[]{}#&*!|>'\"%@`").find(s[0]) != std::string_view::npos) return false;
  if (s[0] == '-' && (s.size() == 1 || s[1] == ' ' || s[1] == '-')) return false;
  if (s.substr(0, 3) == "...") return false;
  if (s.back() == ':' || s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos)
    return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7F) return false;
  return true;
}

// ---- The edit (file-local) ----

class Editor {
 public:
  Editor(std::string_view text, std::string* error)
      : text_(text), lines_(split_lines(text)), error_(error), newline_(line_break_of(text)) {}

  std::optional<std::pair<size_t, size_t>> section_range(const std::string& section) {
    if (!check_block_document()) return std::nullopt;
    std::string_view inline_value;
    const int s = find_key(0, lines_.size(), 0, section, &inline_value);
    if (s < 0) return std::nullopt;
    const size_t end = section_end(static_cast<size_t>(s));
    return std::make_pair(lines_[static_cast<size_t>(s)].begin, end < lines_.size() ? lines_[end].begin : text_.size());
  }

  std::optional<std::string> set(const std::string& section, const std::string& key, const YamlValue& value,
                                 const YamlInsertHints& hints) {
    if (!check_block_document()) return std::nullopt;
    std::string_view inline_value;
    const int s = find_key(0, lines_.size(), 0, section, &inline_value);
    if (s < 0) return insert_section(section, key, value, hints);
    const size_t end = section_end(static_cast<size_t>(s));
    std::string_view section_value = without_comment(inline_value);
    while (!section_value.empty() && section_value.front() == ' ') section_value.remove_prefix(1);
    if (!section_value.empty())
      return rewrite_flow_section(static_cast<size_t>(s), section, section_value, key, value);
    const int child = child_indent(static_cast<size_t>(s) + 1, end);
    std::string_view key_value;
    const int k = find_key(static_cast<size_t>(s) + 1, end, child, key, &key_value);
    if (k >= 0) return replace_key(static_cast<size_t>(k), end, child, key, key_value, value);
    return insert_key(static_cast<size_t>(s), end, child, key, value, hints);
  }

 private:
  bool check_block_document() {
    *error_ = yaml_edit_problem(text_);
    return error_->empty();
  }

  int find_key(size_t from, size_t to, int indent, const std::string& key, std::string_view* value) const {
    for (size_t i = from; i < to; ++i)
      if (lines_[i].indent == indent && is_key_line(lines_[i], key, value)) return static_cast<int>(i);
    return -1;
  }

  // The line after the section: the next content line at indent 0.
  size_t section_end(size_t section_line) const {
    for (size_t i = section_line + 1; i < lines_.size(); ++i)
      if (lines_[i].kind == LineKind::content && lines_[i].indent == 0) return i;
    return lines_.size();
  }

  int child_indent(size_t from, size_t to) const {
    for (size_t i = from; i < to; ++i)
      if (lines_[i].kind == LineKind::content && lines_[i].indent > 0) return lines_[i].indent;
    return 2;
  }

  // The comment (with the spaces before it) of a key line's value part, or "".
  static std::string trailing_comment(std::string_view value_part) {
    const size_t c = comment_start(value_part);
    if (c == std::string_view::npos) return "";
    size_t gap = c;
    while (gap > 0 && (value_part[gap - 1] == ' ' || value_part[gap - 1] == '\t')) --gap;
    return std::string(value_part.substr(gap == 0 ? 0 : gap));
  }

  std::vector<std::string> key_lines(int indent, const std::string& key, const YamlValue& value,
                                     const std::string& comment) const {
    std::vector<std::string> out{spaces(indent) + key + ":"};
    emit_after(out, indent + 2, value);
    if (!comment.empty()) out[0] += comment[0] == ' ' || comment[0] == '\t' ? comment : " " + comment;
    return out;
  }

  std::string joined(const std::vector<std::string>& lines) const {
    std::string s;
    for (const auto& l : lines) s += l + newline_;
    return s;
  }

  // Text with lines [from, to) replaced by new lines.
  std::string replaced(size_t from, size_t to, const std::vector<std::string>& lines) const {
    const size_t a = from < lines_.size() ? lines_[from].begin : text_.size();
    const size_t b = to < lines_.size() ? lines_[to].begin : text_.size();
    std::string out(text_.substr(0, a));
    if (!out.empty() && out.back() != '\n') out += newline_;
    out += joined(lines);
    out += text_.substr(b);
    return out;
  }

  std::optional<std::string> replace_key(size_t k, size_t end, int indent, const std::string& key,
                                         std::string_view key_value, const YamlValue& value) {
    // The old value: the key line, deeper lines, and "- " items at the key's indent.
    size_t last = k;
    std::vector<std::string> kept_comments;
    std::vector<std::string> pending;
    for (size_t i = k + 1; i < end; ++i) {
      const Line& l = lines_[i];
      if (l.kind == LineKind::blank) continue;
      if (l.kind == LineKind::comment) {
        pending.emplace_back(l.text);
        continue;
      }
      const bool item_at_indent = l.kind == LineKind::content && l.indent == indent &&
                                  l.text.substr(l.indent, 1) == "-";
      if (l.kind == LineKind::block || l.indent > indent || item_at_indent) {
        last = i;
        kept_comments.insert(kept_comments.end(), pending.begin(), pending.end());
        pending.clear();
        continue;
      }
      break;
    }
    std::vector<std::string> lines = key_lines(indent, key, value, trailing_comment(key_value));
    lines.insert(lines.end(), kept_comments.begin(), kept_comments.end());
    return replaced(k, last + 1, lines);
  }

  // Before the first later entry that exists (and its comments), else after the last indented line.
  size_t insertion_point(size_t from, size_t to, int indent, const std::vector<std::string>& later) const {
    for (const auto& name : later) {
      std::string_view unused;
      const int at = find_key(from, to, indent, name, &unused);
      if (at < 0) continue;
      size_t i = static_cast<size_t>(at);
      while (i > from && lines_[i - 1].kind == LineKind::comment && lines_[i - 1].indent == indent) --i;
      return i;
    }
    return to;
  }

  std::optional<std::string> insert_key(size_t s, size_t end, int indent, const std::string& key,
                                        const YamlValue& value, const YamlInsertHints& hints) {
    size_t at = insertion_point(s + 1, end, indent, hints.keys_after);
    if (at == end) {
      at = s + 1;
      for (size_t i = s + 1; i < end; ++i)
        if (lines_[i].kind == LineKind::block || (lines_[i].kind != LineKind::blank && lines_[i].indent > 0))
          at = i + 1;
    }
    return replaced(at, at, key_lines(indent, key, value, ""));
  }

  std::optional<std::string> insert_section(const std::string& section, const std::string& key,
                                            const YamlValue& value, const YamlInsertHints& hints) {
    std::vector<std::string> lines{section + ":"};
    for (auto& l : key_lines(2, key, value, "")) lines.push_back(l);
    const size_t at = insertion_point(0, lines_.size(), 0, hints.sections_after);
    return replaced(at, at, lines);
  }

  // "meta: {titel: T}" (or "meta: ~") -> block lines with the key set.
  std::optional<std::string> rewrite_flow_section(size_t s, const std::string& section,
                                                  std::string_view flow, const std::string& key,
                                                  const YamlValue& value) {
    Diagnostics ignored;
    std::optional<YamlNode> node = parse_yaml(flow, section, ignored);
    if (node && node->is_null()) node->kind = YamlNode::Kind::mapping;
    if (!node || !node->is_mapping()) {
      *error_ = fill(tr("section {} is not a mapping that can be edited"), {section});
      return std::nullopt;
    }
    YamlValue fields = value_from_node(*node);
    bool found = false;
    for (auto& [k, v] : fields.fields)
      if (k == key) {
        v = value;
        found = true;
      }
    if (!found) fields.fields.emplace_back(key, value);
    std::vector<std::string> lines{section + ":"};
    emit_mapping(lines, spaces(2), 2, fields.fields);
    std::string_view unused;
    is_key_line(lines_[s], section, &unused);
    const std::string comment = trailing_comment(unused);
    if (!comment.empty()) lines[0] += comment;
    return replaced(s, s + 1, lines);
  }

  // The file's own line break, for the lines we write.
  static const char* line_break_of(std::string_view text) {
    const size_t nl = text.find('\n');
    return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
  }

  std::string_view text_;
  std::vector<Line> lines_;
  std::string* error_;
  std::string newline_;
};

}  // namespace

YamlValue YamlValue::scalar(std::string text) {
  YamlValue v;
  v.kind = Kind::scalar;
  v.text = std::move(text);
  return v;
}

YamlValue YamlValue::sequence(std::vector<YamlValue> items) {
  YamlValue v;
  v.kind = Kind::sequence;
  v.items = std::move(items);
  return v;
}

YamlValue YamlValue::mapping(std::vector<std::pair<std::string, YamlValue>> fields) {
  YamlValue v;
  v.kind = Kind::mapping;
  v.fields = std::move(fields);
  return v;
}

std::string yaml_scalar(std::string_view text) {
  if (can_be_plain(text)) return std::string(text);
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          static const char* const hex = "0123456789ABCDEF";
          out += "\\x";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string yaml_edit_problem(std::string_view text) {
  for (const auto& l : split_lines(text)) {
    if (l.kind != LineKind::content) continue;
    if (l.text[l.indent] == '{' || l.text[l.indent] == '[' || l.indent > 0)
      return tr("the answers must be a block-style YAML mapping (\"section:\" lines) to be edited; "
                "JSON or flow style cannot be edited in place");
    return "";
  }
  return "";  // empty document
}

std::optional<std::pair<size_t, size_t>> yaml_section_range(std::string_view text, const std::string& section) {
  std::string error;
  return Editor(text, &error).section_range(section);
}

std::optional<std::string> yaml_set_value(std::string_view text, const std::string& section,
                                          const std::string& key, const YamlValue& value,
                                          const YamlInsertHints& hints, std::string* error) {
  return Editor(text, error).set(section, key, value, hints);
}

}  // namespace kovgen
