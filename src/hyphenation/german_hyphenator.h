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

// The points without the cache: for tests and the cache's misses.
std::vector<layout::HyphenPoint> german_hyphen_points(std::string_view word);

}  // namespace kovgen::hyphenation
