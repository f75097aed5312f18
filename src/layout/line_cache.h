#pragma once
// The lines of paragraphs broken before, kept for the next document that has the
// same paragraph: a batch writes thousands of agreements that share most of their
// paragraphs word for word, and breaking a paragraph into lines (hyphenation, the
// best breaks of the whole paragraph) is the largest part of writing their PDFs.
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout.h"

namespace kovgen::layout {

class LineCache {
 public:
  // When it holds this many paragraphs it starts afresh, so that a long batch,
  // whose every school adds a few paragraphs of its own, keeps a bounded size.
  explicit LineCache(size_t max_paragraphs = 4000) : max_paragraphs_(max_paragraphs) {}

  // What break_lines gives for these arguments. One cache serves one set of
  // fonts and one hyphenator, as the PDF writer's are for every document of a
  // process: neither is part of what a paragraph is looked up by. Safe to call
  // from several threads.
  std::vector<Line> break_lines(const std::vector<Run>& runs, float width, Align align, float leading,
                                const GlyphMetrics& metrics, const Hyphenator* hyphenator);

  size_t size() const;

 private:
  std::string key_of(const std::vector<Run>& runs, float width, Align align, float leading, bool hyphenate);

  const size_t max_paragraphs_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::vector<Line>> lines_;
  std::vector<Style> styles_;  // the styles met, numbered for the keys
};

// break_lines through `cache` when there is one.
std::vector<Line> paragraph_lines(const std::vector<Run>& runs, float width, Align align, float leading,
                                  const GlyphMetrics& metrics, const Hyphenator* hyphenator, LineCache* cache);

}  // namespace kovgen::layout
