#pragma once
// German hyphenation for the PDF layout: hyphen-de's patterns (the ones
// LibreOffice uses), compiled into the binary at build time, with a cache per
// word because a batch hyphenates the same few thousand words again and again.
#include "layout.h"

namespace kovgen::hyphenation {

class GermanHyphenator : public layout::Hyphenator {
 public:
  // Points in words of letters only; words with other characters (digits,
  // letters beyond ISO-8859-1) get none.
  void hyphenate(std::string_view word, std::vector<layout::HyphenPoint>& points) const override;
};

// The points libhyphen's hnj_hyphen_hyphenate2 gives with hyphen-de (the same
// algorithm, quirks included: tests/hyphenation compares them word by word).
std::vector<layout::HyphenPoint> libhyphen_points(std::string_view word);

// The points without those around a one-letter syllable ("so-zi-a-l-ar-beit").
std::vector<layout::HyphenPoint> without_one_letter_syllables(const std::vector<layout::HyphenPoint>& points);

// What the layout uses, without the cache: libhyphen_points without one-letter
// syllables. For tests and the cache's misses.
std::vector<layout::HyphenPoint> german_hyphen_points(std::string_view word);

}  // namespace kovgen::hyphenation
