#pragma once
// The answer skeleton written by "kovgen init": every question of a template as
// an empty YAML value under its section, with its German label, help, type,
// whether it is required, choices, example and condition as comments. Grouped by
// seed step and checklist section. It loads as answers with nothing answered.
#include <string>

#include "questionnaire.h"

namespace kovgen {

std::string answer_skeleton(const Template& t);

}  // namespace kovgen
