#pragma once
// Writing one typed answer back into an answers file's YAML text, keeping the
// rest of the file (comments, order) as it is. Used by the interview.
#include <optional>
#include <string>
#include <string_view>

#include "questionnaire.h"
#include "value.h"
#include "yaml_edit.h"

namespace kovgen {

// The YAML form of an answer, as a person would type it: ja/nein, 01.08.2026,
// 12500.50, "8:00"; lists as sequences, tables as sequences of mappings in the
// order of the question's fields.
YamlValue answer_yaml_value(const Question& q, const Value& v);

// Sets q's answer in the text (v == nullptr empties it). A missing section or key
// is inserted in questionnaire order. Fails only for text that is not block YAML.
std::optional<std::string> set_answer_in_yaml(std::string_view text, const Template& t,
                                              const Question& q, const Value* v, std::string* error);

}  // namespace kovgen
