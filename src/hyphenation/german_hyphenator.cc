#include "german_hyphenator.h"

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

// Both levels give at least this many letters on either side of a break, as
// libhyphen does with hyphen-de's COMPOUNDLEFTHYPHENMIN/RIGHTHYPHENMIN 2.
constexpr size_t kMinPart = 2;

}  // namespace

std::vector<layout::HyphenPoint> german_hyphen_points(std::string_view word) {
  std::string lower;
  for (size_t pos = 0; pos < word.size();) {
    const unsigned char c = latin1_lower(next_code_point(word, pos));
    if (c == 0) return {};
    lower += char(c);
  }
  std::vector<layout::HyphenPoint> points;
  const size_t n = lower.size();
  if (n < 2 * kMinPart) return points;
  // The joints of a compound first, then the syllables of each of its parts.
  const std::vector<unsigned char> joints = pattern_values(kCompoundLevel, lower);
  size_t part = 0;
  for (size_t k = 1; k <= n; ++k) {
    const bool joint = k < n && k >= kMinPart && n - k >= kMinPart && joints[k] % 2 == 1;
    if (!joint && k < n) continue;
    const std::vector<unsigned char> syllables =
        pattern_values(kSyllableLevel, std::string_view(lower).substr(part, k - part));
    for (size_t s = kMinPart; s + kMinPart <= k - part; ++s)
      if (syllables[s] % 2 == 1) points.push_back({int(part + s), false});
    if (joint) points.push_back({int(k), true});
    part = k;
  }
  // Some runs of patterns give a one-letter syllable between two points
  // ("schulsozi-a-l-a-r-beit"): no reader would break a word there, and one of
  // the two points is always wrong, so both go.
  std::vector<layout::HyphenPoint> kept;
  for (size_t i = 0; i < points.size(); ++i) {
    const bool after_one = i > 0 && points[i].letters - points[i - 1].letters == 1;
    const bool before_one = i + 1 < points.size() && points[i + 1].letters - points[i].letters == 1;
    if (!after_one && !before_one) kept.push_back(points[i]);
  }
  return kept;
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
