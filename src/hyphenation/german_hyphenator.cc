#include "german_hyphenator.h"

#include <algorithm>
#include <functional>
#include <string>
#include <unordered_map>

#include "hyphen_patterns.h"
#include "utf8.h"

namespace kovgen::hyphenation {

namespace {

// The patterns are lower case, the points hold for any case ("Zuständigkeit"
// would otherwise break as "Zustän-dig-keit", missing "Zu-"). 0 for a character
// the ISO-8859-1 patterns cannot know.
unsigned char latin1_lower(char32_t cp) {
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return (unsigned char)(cp + 0x20);
  if (cp == 0x1E9E) return 0xDF;  // capital sharp s
  if ((cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)) return (unsigned char)cp;
  return 0;
}

// libhyphen's hnj_hyphen_hyph_ for one part of a word: the compound level marks
// the joints; each piece between them is again a word of its own for the
// compound level (with the word's edges around it), and a piece without joints
// gets its syllables from the second level. Within a compound no syllable break
// leaves fewer than two letters beside a joint (hyphen-de's
// COMPOUNDLEFTHYPHENMIN/COMPOUNDRIGHTHYPHENMIN 2). `kinds[i]` is the break
// after letter i: 0 none, kSyllable or kJoint.
constexpr unsigned char kSyllable = 1, kJoint = 2;
constexpr size_t kCompoundMin = 2;

void hyphenate_part(std::string_view part, bool word_start, bool word_end, unsigned char* kinds) {
  const size_t n = part.size();
  // values[k] is the gap before part[k]; libhyphen never breaks after the last letter.
  auto gaps_after_letters = [n](const std::vector<unsigned char>& values, size_t i) {
    return i + 1 < n ? values[i + 1] : (unsigned char)0;
  };
  const std::vector<unsigned char> joints = pattern_values(kCompoundLevel, part);
  for (size_t i = 0; i < n; ++i) kinds[i] = gaps_after_letters(joints, i) % 2 == 1 ? kJoint : 0;
  size_t begin = 0;
  for (size_t i = 0; i < n; ++i) {
    if (kinds[i] != kJoint && !(begin > 0 && i + 1 == n)) continue;
    // libhyphen 2.8 (Debian 12) leaves pieces of up to two letters alone and
    // takes a piece's breaks but the one before its last letter, which keeps
    // the compound level's value ("verbrechens=opfer": no "verbrechen-s").
    if (i > begin + 1) {
      std::vector<unsigned char> piece(i - begin + 1);
      hyphenate_part(part.substr(begin, i - begin + 1), word_start && begin == 0,
                     kinds[i] != kJoint && word_end, piece.data());
      std::copy(piece.begin(), piece.end() - 2, kinds + begin);
    }
    begin = i + 1;
  }
  if (begin > 0) return;
  const std::vector<unsigned char> syllables = pattern_values(kSyllableLevel, part);
  for (size_t i = 0; i < n; ++i) kinds[i] = gaps_after_letters(syllables, i) % 2 == 1 ? kSyllable : 0;
  if (!word_start) std::fill(kinds, kinds + std::min(n, kCompoundMin - 1), 0);
  // libhyphen's right-hand minimum stops short of the first letter.
  if (!word_end && n > 1) std::fill(kinds + std::max<size_t>(n > kCompoundMin ? n - kCompoundMin : 0, 1), kinds + n, 0);
}

// hnj_hyphen_hyphenate2 leaves at least this many letters on either side of a
// break when the dictionary names no LEFTHYPHENMIN/RIGHTHYPHENMIN (hyphen-de).
constexpr size_t kWordMin = 2;

}  // namespace

std::vector<layout::HyphenPoint> libhyphen_points(std::string_view word) {
  std::string lower;
  for (size_t pos = 0; pos < word.size();) {
    const unsigned char c = latin1_lower(next_code_point(word, pos));
    if (c == 0) return {};
    lower += char(c);
  }
  std::vector<layout::HyphenPoint> points;
  const size_t n = lower.size();
  if (n < 2 * kWordMin) return points;
  std::vector<unsigned char> kinds(n);
  hyphenate_part(lower, true, true, kinds.data());
  for (size_t i = kWordMin - 1; i + kWordMin < n; ++i)
    if (kinds[i] != 0) points.push_back({int(i + 1), kinds[i] == kJoint});
  return points;
}

std::vector<layout::HyphenPoint> without_one_letter_syllables(const std::vector<layout::HyphenPoint>& points) {
  // Some runs of patterns give a one-letter syllable between two points
  // ("schul-so-zi-a-l-ar-beit"): no reader would break a word there, and one of
  // the two points is always wrong, so both go.
  std::vector<layout::HyphenPoint> kept;
  for (size_t i = 0; i < points.size(); ++i) {
    const bool after_one = i > 0 && points[i].letters - points[i - 1].letters == 1;
    const bool before_one = i + 1 < points.size() && points[i + 1].letters - points[i].letters == 1;
    if (!after_one && !before_one) kept.push_back(points[i]);
  }
  return kept;
}

std::vector<layout::HyphenPoint> german_hyphen_points(std::string_view word) {
  return without_one_letter_syllables(libhyphen_points(word));
}

void GermanHyphenator::hyphenate(std::string_view word, std::vector<layout::HyphenPoint>& points) const {
  // Per thread, so that batch workers need no lock; bounded, because a long
  // batch of free text could otherwise grow it without end.
  struct Hash {
    using is_transparent = void;  // looked up by string_view, without a copy
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  thread_local std::unordered_map<std::string, std::vector<layout::HyphenPoint>, Hash, std::equal_to<>> cache;
  constexpr size_t kMaxCached = 100000;
  auto hit = cache.find(word);
  if (hit == cache.end()) {
    if (cache.size() >= kMaxCached) cache.clear();
    hit = cache.emplace(std::string(word), german_hyphen_points(word)).first;
  }
  points.insert(points.end(), hit->second.begin(), hit->second.end());
}

}  // namespace kovgen::hyphenation
