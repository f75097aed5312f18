#pragma once
// A small YAML document tree built from libyaml's event parser, for every YAML
// file kovgen reads (answers, template.yaml, batch mapping files, the interview's
// edits): about ten times faster than yaml-cpp, and it checks what those files
// need at parse time: duplicate keys, nesting depth, and no anchors or aliases
// (which could otherwise expand into "billion laughs").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"

namespace kovgen {

struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  std::string scalar;           // scalar text (plain or quoted)
  bool plain = true;            // unquoted scalar (only these can mean null)
  std::vector<YamlNode> items;  // sequence items; for a mapping: key, value, key, value, ...
  int line = 0, column = 0;     // 1-based start of the node

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }
  size_t size() const { return kind == Kind::mapping ? items.size() / 2 : items.size(); }

  // Mapping lookup by scalar key; nullptr when absent or not a mapping.
  const YamlNode* find(std::string_view key) const;
  // The scalar text, or "" for anything else.
  const std::string& text() const;
  Location location(const std::string& file) const { return {file, line, column}; }
};

// Caps that keep any input finite (docs/limits.md).
constexpr int kMaxYamlDepth = 32;
constexpr size_t kMaxYamlNodes = 200000;

// Parses one YAML (or JSON) document. Syntax errors, duplicate keys, aliases and
// excessive nesting are reported with file:line:col; nullopt if any.
std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file, Diagnostics& diag);

// Reports keys of a mapping that are not allowed, suggesting the nearest one.
// `what` says where, translated, as it follows the key: "in section meta".
void check_known_keys(const YamlNode& map, const std::vector<std::string>& allowed, const std::string& what,
                      const std::string& file, Diagnostics& diag);

}  // namespace kovgen
