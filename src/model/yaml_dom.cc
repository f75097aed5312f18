#include "yaml_dom.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <memory>
#include <set>

#include <yaml.h>

#include "i18n.h"
#include "utf8.h"
#include "text_match.h"

namespace kovgen {

namespace {

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};

// A syntax error as a person can act on it: where the mistake is (which is not
// always where libyaml noticed it) and what to write instead.
struct YamlSyntaxError {
  int line = 0, column = 0;  // 1-based
  std::string message;
};

size_t indentation(std::string_view row) { return std::min(row.find_first_not_of(' '), row.size()); }

bool blank_or_comment(std::string_view row) {
  const size_t i = row.find_first_not_of(" \t");
  return i == std::string_view::npos || row[i] == '#';
}

// Characters (not bytes) before byte `bytes` of row, as libyaml counts columns.
int column_of(std::string_view row, size_t bytes) {
  int column = 1;
  for (size_t i = 0; i < bytes && i < row.size(); ++i)
    if ((static_cast<unsigned char>(row[i]) & 0xC0) != 0x80) ++column;
  return column;
}

// The byte of row where the character in `column` (1-based) starts.
size_t byte_of_column(std::string_view row, int column) {
  size_t i = 0;
  for (int c = 1; c < column && i < row.size(); ++c) {
    ++i;
    while (i < row.size() && (static_cast<unsigned char>(row[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// The whole character that starts at byte i.
std::string_view character_at(std::string_view row, size_t i) {
  size_t n = i < row.size() ? 1 : 0;
  while (i + n < row.size() && (static_cast<unsigned char>(row[i + n]) & 0xC0) == 0x80) ++n;
  return row.substr(std::min(i, row.size()), n);
}

// "titel Vereinbarung": a line that starts like a key but has no "key:" in it.
// Returns the byte where the colon belongs (after the first word), or npos.
size_t missing_colon_at(std::string_view row) {
  const size_t start = indentation(row);
  if (start >= row.size()) return std::string_view::npos;
  const unsigned char first = static_cast<unsigned char>(row[start]);
  if (!(std::isalnum(first) || first == '_' || first >= 0x80)) return std::string_view::npos;
  std::string_view rest = row.substr(start);
  if (rest.find(": ") != std::string_view::npos || rest.find(":\t") != std::string_view::npos ||
      rest.back() == ':')
    return std::string_view::npos;
  return start + std::min(rest.find_first_of(" \t"), rest.size());
}

// The nearest earlier line at the same indentation as line `from` (0-based),
// skipping blank lines, comments and lines indented further (their children);
// npos when a line indented less (a parent) comes first.
size_t previous_sibling(const std::vector<std::string_view>& lines, size_t from) {
  const size_t indent = indentation(lines[from]);
  for (size_t i = from; i-- > 0;) {
    if (blank_or_comment(lines[i])) continue;
    const size_t own = indentation(lines[i]);
    if (own == indent) return i;
    if (own < indent) break;
  }
  return std::string_view::npos;
}

// `  titel: Vereinbarung: OGS` -> `titel: "Vereinbarung: OGS"`; "" when the line
// is not a plain key and value with a colon in the value.
std::string quoted_value_line(std::string_view row) {
  const size_t start = indentation(row);
  size_t key_start = start;
  while (row.substr(key_start, 2) == "- ") key_start += 2;
  const size_t colon = row.find(": ", key_start);
  if (colon == std::string_view::npos || colon == key_start) return "";
  const std::string_view key = row.substr(key_start, colon - key_start);
  if (key.find_first_of("\"'[]{}#") != std::string_view::npos) return "";
  std::string_view value = row.substr(colon + 2);
  std::string comment;
  if (size_t hash = value.find(" #"); hash != std::string_view::npos) {
    comment = std::string(value.substr(hash));
    value = value.substr(0, hash);
  }
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty() || value.find(':') == std::string_view::npos || std::string_view("\"'[{|>&*!").find(value[0]) != std::string_view::npos)
    return "";
  std::string escaped;
  for (char c : value) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return std::string(row.substr(start, colon + 2 - start)) + "\"" + escaped + "\"" + comment;
}

YamlSyntaxError explain_yaml_error(std::string_view text, const yaml_parser_t& parser) {
  const std::string problem = parser.problem ? parser.problem : "";
  const std::string context = parser.context ? parser.context : "";
  // The reader (bytes, control characters) sets no mark, only the byte offset.
  if (parser.error == YAML_READER_ERROR) {
    const Location at = location_of_offset(text, parser.problem_offset, "");
    char code[16] = "";
    if (parser.problem_value >= 0)
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(parser.problem_value));
    if (problem == "control characters are not allowed")
      return {at.line, at.column, fill(tr("control character ({}) in the file; remove it"), {code})};
    return {at.line, at.column,
            fill(tr("YAML syntax error: {}"), {*code ? problem + " (" + code + ")" : problem})};
  }
  const yaml_mark_t& m = parser.problem_mark;
  const yaml_mark_t& c = parser.context_mark;
  YamlSyntaxError e{static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1, ""};
  // Built only for an error; numbered as libyaml numbers them.
  const std::vector<std::string_view> lines = text_lines(text);
  const auto row = [&](size_t line) { return line < lines.size() ? lines[line] : std::string_view(); };

  const std::string_view problem_row = row(m.line);
  const size_t problem_byte = byte_of_column(problem_row, e.column);

  // A tab where libyaml stopped, or in the indentation of that line.
  if (character_at(problem_row, problem_byte) == "\t")
    return {e.line, e.column, tr("tab character: please indent with spaces")};
  if (const std::string_view r = problem_row; !r.empty()) {
    const size_t tab = r.find('\t');
    if (tab != std::string_view::npos && tab < r.find_first_not_of(" \t"))
      return {e.line, column_of(r, tab), tr("tab character: please indent with spaces")};
  }

  // A line without its colon: libyaml notices it a line or two later.
  const bool maybe_missing_colon = problem == "could not find expected ':'" ||
                                   problem == "mapping values are not allowed in this context" ||
                                   problem == "did not find expected key";
  if (maybe_missing_colon) {
    size_t culprit = std::string_view::npos;
    if (context == "while scanning a simple key" && c.line < lines.size() &&
        missing_colon_at(lines[c.line]) != std::string_view::npos)
      culprit = c.line;
    else if (m.line < lines.size())
      culprit = previous_sibling(lines, m.line);
    if (culprit != std::string_view::npos) {
      const std::string_view r = lines[culprit];
      const size_t at = missing_colon_at(r);
      // libyaml stopped at a colon after the line's own "key: ": one in a value (below).
      const size_t key_colon = problem_row.find(": ");
      const bool value_colon = problem == "mapping values are not allowed in this context" &&
                               key_colon != std::string_view::npos && key_colon < problem_byte;
      if (at != std::string_view::npos && !value_colon) {
        const size_t start = indentation(r);
        // Among list items, the line more likely lacks its dash than a colon.
        const size_t before = previous_sibling(lines, culprit);
        if (before != std::string_view::npos && lines[before].substr(indentation(lines[before]), 2) == "- ")
          return {static_cast<int>(culprit) + 1, column_of(r, start),
                  fill(tr("a list item starts with \"- \"; write {}"), {"- " + std::string(r.substr(start))})};
        std::string fixed = std::string(r.substr(start, at - start)) + ":";
        if (at < r.size()) fixed += std::string(r.substr(at));
        return {static_cast<int>(culprit) + 1, column_of(r, at),
                fill(tr("the colon after the key is missing; write {}"), {fixed})};
      }
    }
  }
  if (problem == "mapping values are not allowed in this context" && m.line > 0) {
    // "titel: x" and below it a key indented further: a value cannot have keys too.
    // libyaml also ends lines at NEL, LS and PS, which `lines` does not: m.line may lie past them.
    size_t above = std::min<size_t>(m.line, lines.size());
    while (above-- > 0 && blank_or_comment(lines[above])) {
    }
    if (above < lines.size() && indentation(problem_row) > indentation(lines[above]) &&
        quoted_value_line(problem_row).empty())
      return {e.line, static_cast<int>(indentation(problem_row)) + 1,
              tr("this line is indented further than the key above it, which already has a value; start it in "
                 "the same column as that key")};
  }
  if (problem == "mapping values are not allowed in this context") {
    if (const std::string fixed = quoted_value_line(problem_row); !fixed.empty())
      return {e.line, e.column,
              fill(tr("a colon followed by a space inside a value needs quotes around the value; write {}"),
                   {fixed})};
  }
  const int context_line = static_cast<int>(c.line) + 1, context_column = static_cast<int>(c.column) + 1;
  if (problem == "found unexpected end of stream" && context == "while scanning a quoted scalar")
    return {context_line, context_column,
            tr("the quotation mark opened here is never closed; close it at the end of the value")};
  if (problem == "did not find expected ',' or ']'")
    return {context_line, context_column,
            tr("the square bracket \"[\" opened here is never closed, or a comma is missing between the items; "
               "if the bracket is part of the text, put the whole value in quotes")};
  if (problem == "did not find expected ',' or '}'")
    return {context_line, context_column,
            tr("the curly brace \"{\" opened here is never closed, or a comma is missing between the entries; "
               "if the brace is part of the text, put the whole value in quotes")};
  if (problem == "did not find expected key" && problem_byte > 0 && problem_byte <= problem_row.size() &&
      (problem_row[problem_byte - 1] == '"' || problem_row[problem_byte - 1] == '\''))
    return {e.line, e.column,
            tr("text follows the closing quotation mark; if the quotation marks belong to the text, put the whole "
               "value in single quotes")};
  if (problem == "did not find expected key")
    return {e.line, e.column,
            tr("this line is indented differently from the keys above it; the keys of one section must start "
               "in the same column")};
  if (problem == "did not find expected '-' indicator")
    return {e.line, e.column,
            tr("this line is indented differently from the list items above it; each item starts with \"- \" "
               "in the same column")};
  if (problem == "found character that cannot start any token" && problem_byte < problem_row.size())
    return {e.line, e.column,
            fill(tr("a value cannot start with \"{}\"; put the value in quotes"),
                 {character_at(problem_row, problem_byte)})};
  if (problem == "block sequence entries are not allowed in this context")
    return {e.line, e.column,
            tr("a list item (\"- \") cannot stand here; start the list on a new line below its key, indented")};
  if (problem == "found unknown escape character" || problem.starts_with("did not find expected hexdecimal number"))
    return {e.line, e.column,
            tr("a backslash in double quotes starts an escape that YAML does not know; write \\\\ for a "
               "backslash, or use single quotes")};
  return {e.line, e.column,
          fill(tr("YAML syntax error: {}"), {context.empty() ? problem : problem + " (" + context + ")"})};
}

class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, const std::string& file, Diagnostics& diag)
      : text_(text), file_(file), diag_(diag), parser_(new yaml_parser_t) {
    yaml_parser_initialize(parser_.get());
    yaml_parser_set_input_string(parser_.get(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
    yaml_parser_set_encoding(parser_.get(), YAML_UTF8_ENCODING);
  }

  std::optional<YamlNode> build() {
    yaml_event_t event;
    std::optional<YamlNode> document;
    bool done = false;
    while (!done && next(event)) {
      switch (event.type) {
        case YAML_STREAM_END_EVENT:
          done = true;
          break;
        case YAML_DOCUMENT_START_EVENT:
          if (document) {
            error(event.start_mark, tr("a second YAML document (---) in one file is not supported; remove the line \"---\""));
            done = true;
          }
          break;
        case YAML_DOCUMENT_END_EVENT:
          break;
        case YAML_STREAM_START_EVENT:
          break;
        default: {
          YamlNode root;
          if (!node(event, root, 0)) return std::nullopt;
          document = std::move(root);
          continue;  // node() consumed the event
        }
      }
      yaml_event_delete(&event);
    }
    if (failed_) return std::nullopt;
    if (!document) return YamlNode{};  // an empty file
    return document;
  }

 private:
  bool next(yaml_event_t& event) {
    if (yaml_parser_parse(parser_.get(), &event)) return true;
    const YamlSyntaxError e = explain_yaml_error(text_, *parser_);
    diag_.error({file_, e.line, e.column}, e.message + line_with_caret(text_, e.line, e.column));
    failed_ = true;
    return false;
  }

  void error(const yaml_mark_t& m, const std::string& message) {
    const int line = static_cast<int>(m.line) + 1, column = static_cast<int>(m.column) + 1;
    diag_.error({file_, line, column}, message + line_with_caret(text_, line, column));
    failed_ = true;
  }

  // Builds the node that starts with `event` (consumes it and its children).
  bool node(yaml_event_t& event, YamlNode& out, int depth) {
    out.line = static_cast<int>(event.start_mark.line) + 1;
    out.column = static_cast<int>(event.start_mark.column) + 1;
    if (++node_count_ > kMaxYamlNodes) {
      error(event.start_mark, fill(tr("too many values in one file (at most {})"), {std::to_string(kMaxYamlNodes)}));
      yaml_event_delete(&event);
      return false;
    }
    switch (event.type) {
      case YAML_ALIAS_EVENT:
        error(event.start_mark, tr("YAML aliases (*name) are not supported; write the value out"));
        yaml_event_delete(&event);
        return false;
      case YAML_SCALAR_EVENT: {
        if (event.data.scalar.anchor) return anchor_error(event);
        out.scalar.assign(reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length);
        out.plain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        const std::string& s = out.scalar;
        const bool null_word = s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
        out.kind = out.plain && null_word ? YamlNode::Kind::null : YamlNode::Kind::scalar;
        yaml_event_delete(&event);
        return true;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool mapping = event.type == YAML_MAPPING_START_EVENT;
        if ((mapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)) return anchor_error(event);
        if (depth >= kMaxYamlDepth) {
          error(event.start_mark, fill(tr("nested too deeply (at most {} levels)"), {std::to_string(kMaxYamlDepth)}));
          yaml_event_delete(&event);
          return false;
        }
        yaml_event_delete(&event);
        out.kind = mapping ? YamlNode::Kind::mapping : YamlNode::Kind::sequence;
        const yaml_event_type_t end = mapping ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
        // The children collect in this depth's scratch list, which keeps its
        // capacity from node to node, and move into a list of their exact size at
        // the end: one allocation per node instead of one per doubling.
        std::vector<YamlNode>& items = scratch_[depth];
        items.clear();
        KeySet keys;
        while (true) {
          yaml_event_t child;
          if (!next(child)) return false;
          if (child.type == end) {
            yaml_event_delete(&child);
            out.items.reserve(items.size());
            std::move(items.begin(), items.end(), std::back_inserter(out.items));
            items.clear();
            return true;
          }
          YamlNode& item = items.emplace_back();
          if (!node(child, item, depth + 1)) return false;
          if (mapping && items.size() % 2 == 1 && !keys.insert(items)) {
            diag_.error(item.location(file_), fill(tr("duplicate key \"{}\"; give each key once"),
                                                   {shown_key(item.scalar)}) +
                                                  line_with_caret(text_, item.line, item.column));
            failed_ = true;
          }
        }
      }
      default:
        yaml_event_delete(&event);
        return true;
    }
  }

  bool anchor_error(yaml_event_t& event) {
    error(event.start_mark, tr("YAML anchors (&name) are not supported; write the value out"));
    yaml_event_delete(&event);
    return false;
  }

  // The keys of one mapping, to find a duplicate. Most mappings have a handful of
  // keys, which a look back over the earlier ones checks without allocating; past
  // that a set keeps a large mapping from turning quadratic.
  class KeySet {
   public:
    // Whether the key just added (the last of `items`, keys and values
    // alternating) differs from every earlier key.
    bool insert(const std::vector<YamlNode>& items) {
      const std::string& key = items.back().scalar;
      if (many_.empty() && items.size() <= kLookBackKeys * 2) {
        for (size_t i = 0; i + 1 < items.size(); i += 2)
          if (items[i].scalar == key) return false;
        return true;
      }
      if (many_.empty())
        for (size_t i = 0; i + 1 < items.size(); i += 2) many_.insert(items[i].scalar);
      return many_.insert(key).second;
    }

   private:
    static constexpr size_t kLookBackKeys = 16;
    std::set<std::string> many_;
  };

  std::string_view text_;
  const std::string& file_;
  Diagnostics& diag_;
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser_;
  std::vector<std::vector<YamlNode>> scratch_ = std::vector<std::vector<YamlNode>>(kMaxYamlDepth + 1);
  size_t node_count_ = 0;
  bool failed_ = false;
};

}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  if (kind != Kind::mapping) return nullptr;
  for (size_t i = 0; i + 1 < items.size(); i += 2)
    if (items[i].kind != Kind::mapping && items[i].kind != Kind::sequence && items[i].scalar == key)
      return &items[i + 1];
  return nullptr;
}

const std::string& YamlNode::text() const {
  static const std::string empty;
  return kind == Kind::scalar ? scalar : empty;
}

std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file, Diagnostics& diag) {
  return TreeBuilder(text, file, diag).build();
}

void check_known_keys(const YamlNode& map, const std::vector<std::string>& allowed, const std::string& what,
                      const std::string& file, Diagnostics& diag) {
  if (!map.is_mapping()) return;
  for (size_t i = 0; i < map.items.size(); i += 2) {
    const YamlNode& key = map.items[i];
    if (std::find(allowed.begin(), allowed.end(), key.scalar) != allowed.end()) continue;
    std::string message = fill(tr("unknown key \"{}\" {}"), {shown_key(key.scalar), what});
    if (std::string s = nearest(key.scalar, allowed); !s.empty())
      message = fill(tr("{}; did you mean \"{}\"?"), {message, s});
    diag.error(key.location(file), message);
  }
}

}  // namespace kovgen
