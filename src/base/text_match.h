#pragma once
// Matching what a user typed against what was expected: a typo gets a
// suggestion ("did you mean …?"), and keys are shown cut to a sensible length.
#include <string>
#include <vector>

namespace kovgen {

// A key as shown in a message: at most 60 bytes, cut at a character boundary.
std::string shown_key(const std::string& key);

// The candidate closest to word by edit distance, or "" if none is close.
// Compared case-folded (unicode.h), so case alone never hides a suggestion.
std::string nearest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace kovgen
