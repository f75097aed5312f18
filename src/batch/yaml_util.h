#pragma once
// yaml-cpp at the edge of batch (mapping files): parsing with located errors, node locations, and the
// checks yaml-cpp itself does not make (duplicate keys).
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "diagnostics.h"

namespace kovgen {

// Parses YAML (or JSON) text. Syntax errors are reported with file:line:col.
std::optional<YAML::Node> load_yaml(const std::string& text, const std::string& file,
                                    Diagnostics& diag);

Location node_location(const YAML::Node& node, const std::string& file);

// The scalar text of a node ("" for null).
std::string scalar_text(const YAML::Node& node);

// Reports keys that appear twice in a mapping (yaml-cpp silently keeps both).
void check_duplicate_keys(const YAML::Node& map, const std::string& file, Diagnostics& diag);

// Reports keys of map not in allowed, suggesting the nearest allowed key.
void check_known_keys(const YAML::Node& map, const std::vector<std::string>& allowed,
                      const std::string& what, const std::string& file, Diagnostics& diag);

}  // namespace kovgen
