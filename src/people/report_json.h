#pragma once
// The checklist findings as JSON, for machines (render --report).
#include <string>
#include <string_view>

#include "checklist.h"

namespace kovgen {

// {"template": ..., "stand": ..., "unterschriftsreif": true|false (is_ready_to_sign),
//  "mandatory_missing": [headings], "recommended_missing": [headings],
//  "placeholders": [texts], "sections": [{"id", "title", "heading", "mandatory",
//  "status": "complete"|"incomplete", "missing": [{"key", "label"}]}]}
// (in the draft's order once composed).
std::string findings_to_json(const Findings& f, std::string_view source_file);

// A JSON string literal, quotes included.
std::string json_string(std::string_view s);

}  // namespace kovgen
