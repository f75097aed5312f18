#include "yaml_dom.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>

#include <yaml.h>

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
            error(event.start_mark, "a second YAML document (---) in one file is not supported");
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
    const yaml_mark_t& m = parser_->problem_mark;
    std::string message = "YAML syntax error: ";
    message += parser_->problem ? parser_->problem : "unknown problem";
    if (parser_->context) message += std::string(" (") + parser_->context + ")";
    if (m.index < text_.size() && text_[m.index] == '\t') message = "tab character: YAML indents with spaces, not tabs";
    // The reader (bytes, control characters) sets no mark, only the byte offset.
    if (parser_->error == YAML_READER_ERROR) {
      Location where = location_of_offset(text_, parser_->problem_offset, file_);
      if (parser_->problem_value >= 0) {
        char code[16];
        std::snprintf(code, sizeof code, " (U+%04X)", static_cast<unsigned>(parser_->problem_value));
        message += code;
      }
      diag_.error(where, message);
    } else {
      diag_.error({file_, static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1}, message);
    }
    failed_ = true;
    return false;
  }

  void error(const yaml_mark_t& m, const std::string& message) {
    diag_.error({file_, static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1}, message);
    failed_ = true;
  }

  // Builds the node that starts with `event` (consumes it and its children).
  bool node(yaml_event_t& event, YamlNode& out, int depth) {
    out.line = static_cast<int>(event.start_mark.line) + 1;
    out.column = static_cast<int>(event.start_mark.column) + 1;
    if (++node_count_ > kMaxYamlNodes) {
      error(event.start_mark, "too many values in one file (at most " + std::to_string(kMaxYamlNodes) + ")");
      yaml_event_delete(&event);
      return false;
    }
    switch (event.type) {
      case YAML_ALIAS_EVENT:
        error(event.start_mark, "YAML aliases (*name) are not supported; write the value out");
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
          error(event.start_mark, "nested too deeply (at most " + std::to_string(kMaxYamlDepth) + " levels)");
          yaml_event_delete(&event);
          return false;
        }
        yaml_event_delete(&event);
        out.kind = mapping ? YamlNode::Kind::mapping : YamlNode::Kind::sequence;
        const yaml_event_type_t end = mapping ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
        std::set<std::string> keys;
        while (true) {
          yaml_event_t child;
          if (!next(child)) return false;
          if (child.type == end) {
            yaml_event_delete(&child);
            return true;
          }
          YamlNode item;
          if (!node(child, item, depth + 1)) return false;
          if (mapping && out.items.size() % 2 == 0 && !keys.insert(item.scalar).second) {
            diag_.error(item.location(file_), "duplicate key \"" + shown_key(item.scalar) + "\"");
            failed_ = true;
          }
          out.items.push_back(std::move(item));
        }
      }
      default:
        yaml_event_delete(&event);
        return true;
    }
  }

  bool anchor_error(yaml_event_t& event) {
    error(event.start_mark, "YAML anchors (&name) are not supported; write the value out");
    yaml_event_delete(&event);
    return false;
  }

  std::string_view text_;
  const std::string& file_;
  Diagnostics& diag_;
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser_;
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
    std::string message = "unknown key \"" + shown_key(key.scalar) + "\" in " + what;
    if (std::string s = nearest(key.scalar, allowed); !s.empty()) message += "; did you mean \"" + s + "\"?";
    diag.error(key.location(file), message);
  }
}

}  // namespace kovgen
