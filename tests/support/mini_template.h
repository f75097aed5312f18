#pragma once
// What the questionnaire tests share: the small test template "mini" and text checks.
#include <string>
#include <vector>

#include "template_library.h"
#include "test_support.h"

namespace kovgen::test {

// Environment that points kovgen at the test templates.
inline const std::vector<std::string> kMiniEnv = {"KOVGEN_TEMPLATES=" + source_dir() + "/tests/data/templates"};

inline TemplateLibrary mini_library() {
  return {source_dir() + "/tests/data/templates", source_dir() + "/tests/data/fragments"};
}

// The real templates of the source tree.
inline TemplateLibrary real_library() { return {source_dir() + "/templates", source_dir() + "/fragments"}; }

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace kovgen::test
