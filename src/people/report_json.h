#pragma once
// The checklist findings as JSON, for machines (render --report).
#include <string>
#include <string_view>

#include "checklist.h"

namespace kovgen {

// {"template": ..., "complete": ..., "sections": [{"id", "title", "mandatory",
//  "status": "complete"|"incomplete", "missing": [{"key", "label"}]}]}
std::string findings_to_json(const Findings& f, std::string_view source_file);

// A JSON string literal, quotes included.
std::string json_string(std::string_view s);

}  // namespace kovgen
