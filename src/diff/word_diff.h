#pragma once
// Word-level comparison of two texts (Myers' algorithm, from libdtl).
#include <string>
#include <string_view>
#include <vector>

namespace kovgen::diff {

enum class Edit { same, added, removed };

struct Piece {
  Edit edit;
  std::string text;
};

// The text split into tokens a reader sees as one: words and figures
// ("1.105,00", "7:30", "2026/27"), dates written out ("30. März 2026"), runs of
// white space, and every other
// character alone, so that Markdown marks (**, |, \) stay out of the words.
std::vector<std::string> word_tokens(std::string_view text);

// The edits that turn `before` into `after`, word by word. Neighbouring edits
// of one kind are joined, and white space between two changes is taken into
// them, so that "a b c" -> "x y c" is one replacement, not four.
std::vector<Piece> word_diff(std::string_view before, std::string_view after);

// Share of `before`'s and `after`'s words that stay (0 to 1): how much a changed
// paragraph is still the old one.
double similarity(std::string_view before, std::string_view after);

// Generic Myers comparison of two sequences of keys: for each position of the
// shortest edit script, which element of each side it takes.
struct Step {
  Edit edit;
  size_t before = 0;  // index into before, when edit is same or removed
  size_t after = 0;   // index into after, when edit is same or added
};
std::vector<Step> compare_sequences(const std::vector<std::string>& before, const std::vector<std::string>& after);

}  // namespace kovgen::diff
