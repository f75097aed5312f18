#include "line_cache.h"

#include <algorithm>

namespace kovgen::layout {

namespace {

template <class T>
void append_bytes(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void append_text(std::string& key, const std::string& text) {
  append_bytes(key, text.size());
  key += text;
}

}  // namespace

// Everything break_lines reads, as bytes: equal keys, equal lines. Styles go in
// by their number in styles_, found with Style's ==, which compares every field.
std::string LineCache::key_of(const std::vector<Run>& runs, float width, Align align, float leading,
                              bool hyphenate) {
  // A field added to Run must be added here too, or paragraphs that differ in it
  // would share their lines.
  static_assert(sizeof(Run) == 2 * sizeof(std::string) + sizeof(Style), "Run changed: add its new field to key_of");
  std::string key;
  append_bytes(key, width);
  append_bytes(key, align);
  append_bytes(key, leading);
  append_bytes(key, hyphenate);
  for (const Run& r : runs) {
    size_t style = std::find(styles_.begin(), styles_.end(), r.style) - styles_.begin();
    if (style == styles_.size()) styles_.push_back(r.style);
    append_bytes(key, style);
    append_text(key, r.text);
    append_text(key, r.link);
  }
  return key;
}

std::vector<Line> LineCache::break_lines(const std::vector<Run>& runs, float width, Align align, float leading,
                                         const GlyphMetrics& metrics, const Hyphenator* hyphenator) {
  std::string key;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    key = key_of(runs, width, align, leading, hyphenator != nullptr);
    const auto found = lines_.find(key);
    if (found != lines_.end()) return found->second;
  }
  // Broken outside the lock: threads that meet a new paragraph at once each break
  // it, and the lines are the same.
  std::vector<Line> lines = layout::break_lines(runs, width, align, leading, metrics, hyphenator);
  std::lock_guard<std::mutex> lock(mutex_);
  if (lines_.size() >= max_paragraphs_) lines_.clear();
  lines_.emplace(std::move(key), lines);
  return lines;
}

size_t LineCache::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lines_.size();
}

std::vector<Line> paragraph_lines(const std::vector<Run>& runs, float width, Align align, float leading,
                                  const GlyphMetrics& metrics, const Hyphenator* hyphenator, LineCache* cache) {
  return cache ? cache->break_lines(runs, width, align, leading, metrics, hyphenator)
               : break_lines(runs, width, align, leading, metrics, hyphenator);
}

}  // namespace kovgen::layout
