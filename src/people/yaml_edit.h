#pragma once
// Comment-preserving edits of block-style YAML text: sets the value of one
// "section.key" and leaves every other byte of the file as it was (comments, key
// order, blank lines, quoting). A YAML emitter would drop comments, so the
// interview edits the text itself. Pure: text in, text out.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kovgen {

// A value to write: empty (null), a scalar, a sequence or a mapping.
struct YamlValue {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  std::string text;                                        // scalar (may hold newlines)
  std::vector<YamlValue> items;                            // sequence
  std::vector<std::pair<std::string, YamlValue>> fields;   // mapping, in order

  static YamlValue scalar(std::string text);
  static YamlValue sequence(std::vector<YamlValue> items = {});
  static YamlValue mapping(std::vector<std::pair<std::string, YamlValue>> fields = {});
};

// A scalar as YAML: plain when it reads back as the same string ("Stadt Musterhausen"),
// else double-quoted with escapes ("\"a: b\"", "\"null\"", "\" x\"").
std::string yaml_scalar(std::string_view text);

// Where a key or section that does not exist yet is inserted: before the first of
// these that exists (with the comments directly above it), else at the end.
struct YamlInsertHints {
  std::vector<std::string> sections_after;  // sections that come after this one
  std::vector<std::string> keys_after;      // keys of the section that come after this key
};

// Why text cannot be edited (JSON or a flow-style document), or "" when it can.
std::string yaml_edit_problem(std::string_view text);

// The bytes [first, second) of `section` in block-style text, as yaml_set_value
// finds it: from its "section:" line to the next top-level key (comments and blank
// lines before that key belong to the section). nullopt when the section is
// missing or the text cannot be edited (yaml_edit_problem). Editing only these
// bytes gives the same file as editing the whole text.
std::optional<std::pair<size_t, size_t>> yaml_section_range(std::string_view text, const std::string& section);

// Returns text with section.key set to value. The key's line keeps its trailing
// comment; comments inside the old value are kept below the new one; every other
// line is unchanged. A missing section or key is inserted (see hints). A section
// written as a one-line flow mapping ("meta: {titel: T}") is rewritten in block
// style. Fails (nullopt, *error set) when the document is not a block mapping.
std::optional<std::string> yaml_set_value(std::string_view text, const std::string& section,
                                          const std::string& key, const YamlValue& value,
                                          const YamlInsertHints& hints, std::string* error);

}  // namespace kovgen
