#include "hyphen_patterns.h"

#include <algorithm>

namespace kovgen::hyphenation {

namespace {

std::string_view letters_of(const PatternLevel& level, unsigned i) {
  return {level.letters + level.offsets[i], level.offsets[i + 1] - level.offsets[i]};
}

}  // namespace

std::vector<unsigned char> pattern_values(const PatternLevel& level, std::string_view word) {
  // The word between edge dots: ".word.", letter k of it at dotted(k).
  const size_t n = word.size(), dotted_size = n + 2;
  auto dotted = [&](size_t k) { return k == 0 || k == n + 1 ? '.' : word[k - 1]; };
  // libhyphen runs an automaton over the word whose state after each letter is
  // the longest string ending there that begins some pattern, and applies only
  // that state's pattern, if it is a whole one: a shorter pattern ending at the
  // same letter is hidden ("be1a" inside ".bea", a prefix of ".be1a1tri2ce.").
  // That is not Liang's algorithm, but it is what LibreOffice hyphenates with,
  // so the same is done here, with the trie's fallbacks as that automaton: one
  // step per letter, and a few back, instead of a walk from every letter.
  // values[k] is the gap before word[k]: the gap before dotted(k + 1).
  std::vector<unsigned char> values(n + 1, 0);
  unsigned node = 0;
  for (size_t end = 0; end < dotted_size; ++end) {
    const char letter = dotted(end);
    for (;;) {
      const char* const first = level.node_letters + level.nodes[node].child_begin;
      const char* const last = first + level.nodes[node].child_count;
      const char* const child = std::lower_bound(first, last, letter, [](char a, char b) {
        return (unsigned char)a < (unsigned char)b;
      });
      if (child != last && *child == letter) {
        node = unsigned(child - level.node_letters);
        break;
      }
      if (node == 0) break;  // no pattern begins with this letter
      node = level.nodes[node].fallback;
    }
    if (level.nodes[node].pattern_plus_one == 0) continue;
    const unsigned p = unsigned(level.nodes[node].pattern_plus_one - 1);
    const size_t len = letters_of(level, p).size(), start = end + 1 - len;
    const char* digits = level.digits + level.offsets[p] + p;
    // Digit k stands in the gap before dotted(start + k); the gaps outside the
    // edge dots are not the word's.
    for (size_t k = 0; k <= len; ++k) {
      const size_t gap = start + k;
      if (gap == 0 || gap > n + 1) continue;
      values[gap - 1] = std::max(values[gap - 1], (unsigned char)(digits[k] - '0'));
    }
  }
  return values;
}

}  // namespace kovgen::hyphenation
