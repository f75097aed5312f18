#include "text_match.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "unicode.h"

namespace kovgen {

namespace {

// The edit distance of a and b, or `limit` if it is `limit` or more. A word is
// compared with every key of a template (hundreds) and every column of a school
// list, so hopeless candidates are dropped early: by their length, and as soon as
// a whole row of the table has reached the limit.
size_t edit_distance_below(std::string_view a, std::string_view b, size_t limit) {
  const size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap >= limit) return limit;
  thread_local std::vector<size_t> prev, cur;
  prev.resize(b.size() + 1);
  cur.resize(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min >= limit) return limit;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], limit);
}

}  // namespace

std::string shown_key(const std::string& key) {
  if (key.size() <= 60) return key;
  size_t cut = 60;
  while (cut > 0 && (static_cast<unsigned char>(key[cut]) & 0xC0) == 0x80) --cut;
  return key.substr(0, cut) + "\u2026";
}

std::string nearest(const std::string& typed, const std::vector<std::string>& candidates) {
  // No name is this long; the edit distance would cost length x length.
  if (typed.size() > 200) return {};
  // Case is no distance: "JAEHRLICH" or "Jährlich" is as close to "jährlich" as
  // the same word in lower case.
  const std::string word = case_fold(typed);
  std::string best;
  size_t best_distance = std::max<size_t>(3, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    const std::string c = case_fold(candidate);
    size_t d = edit_distance_below(word, c, best_distance);
    // A candidate that contains the word (or the reverse) is a good hint too.
    if (d >= best_distance && word.size() >= 4 &&
        (c.find(word) != std::string::npos || word.find(c) != std::string::npos))
      d = best_distance - 1;
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace kovgen
