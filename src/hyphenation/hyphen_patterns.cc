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
    // Patterns are sorted: those beginning with dotted[start..start+len) form one
    // range, which narrows as len grows; it is empty when no pattern goes on.
    const unsigned char head = (unsigned char)dotted[start];
    unsigned lo = level.first[head], hi = level.first[head + 1];
    for (size_t len = 1; start + len <= dotted.size() && lo < hi; ++len) {
      const char c = dotted[start + len - 1];
      // Within [lo, hi) all patterns share the first len-1 letters; narrow by the next.
      auto letter_at = [&](unsigned i) -> int {
        const std::string_view p = letters_of(level, i);
        return p.size() >= len ? (unsigned char)p[len - 1] : -1;
      };
      if (len > 1) {  // the range of the first letter comes from level.first
        unsigned a = lo, b = hi;
        while (a < b) {  // first pattern whose letter is >= c
          const unsigned mid = a + (b - a) / 2;
          if (letter_at(mid) < (unsigned char)c) a = mid + 1;
          else b = mid;
        }
        lo = a;
        b = hi;
        while (a < b) {  // first pattern whose letter is > c
          const unsigned mid = a + (b - a) / 2;
          if (letter_at(mid) <= (unsigned char)c) a = mid + 1;
          else b = mid;
        }
        hi = a;
      }
      if (lo >= hi) break;
      int& at_end = state_pattern[start + len - 1];
      if (at_end == kNoState) at_end = letters_of(level, lo).size() == len ? int(lo) : kNoPattern;
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
