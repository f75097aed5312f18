#include "hyphen_patterns.h"

#include <algorithm>
#include <string>

namespace kovgen::hyphenation {

namespace {

std::string_view letters_of(const PatternLevel& level, unsigned i) {
  return {level.letters + level.offsets[i], level.offsets[i + 1] - level.offsets[i]};
}

}  // namespace

std::vector<unsigned char> pattern_values(const PatternLevel& level, std::string_view word) {
  std::string dotted;
  dotted.reserve(word.size() + 2);
  dotted += '.';
  dotted += word;
  dotted += '.';
  // libhyphen runs an automaton over the word whose state after each letter is
  // the longest string ending there that begins some pattern, and applies only
  // that state's pattern, if it is a whole one: a shorter pattern ending at the
  // same letter is hidden ("be1a" inside ".bea", a prefix of ".be1a1tri2ce.").
  // That is not Liang's algorithm, but it is what LibreOffice hyphenates with,
  // so the same is done here: per end of a match, the earliest start wins.
  constexpr int kNoState = -2, kNoPattern = -1;
  std::vector<int> state_pattern(dotted.size(), kNoState);
  for (size_t start = 0; start < dotted.size(); ++start) {
    // Down the trie along dotted[start..]: the node after len letters stands for
    // the patterns beginning with them, and is missing when none goes on.
    unsigned node = 0;
    for (size_t end = start; end < dotted.size(); ++end) {
      const char* const first = level.node_letters + level.nodes[node].child_begin;
      const char* const last = level.node_letters + level.nodes[node + 1].child_begin;
      const char* const child = std::lower_bound(first, last, dotted[end], [](char a, char b) {
        return (unsigned char)a < (unsigned char)b;
      });
      if (child == last || *child != dotted[end]) break;
      node = unsigned(child - level.node_letters);
      int& at_end = state_pattern[end];
      if (at_end == kNoState) at_end = level.nodes[node].pattern >= 0 ? level.nodes[node].pattern : kNoPattern;
    }
  }
  std::vector<unsigned char> values(dotted.size() + 1, 0);
  for (size_t end = 0; end < dotted.size(); ++end) {
    if (state_pattern[end] < 0) continue;
    const unsigned p = unsigned(state_pattern[end]);
    const size_t len = letters_of(level, p).size(), start = end + 1 - len;
    const char* digits = level.digits + level.offsets[p] + p;
    for (size_t k = 0; k <= len; ++k)
      values[start + k] = std::max(values[start + k], (unsigned char)(digits[k] - '0'));
  }
  // Drop the edge dots: the gap before word[k] is the gap before dotted[k + 1].
  return std::vector<unsigned char>(values.begin() + 1, values.begin() + 1 + word.size() + 1);
}

}  // namespace kovgen::hyphenation
