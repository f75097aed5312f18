#pragma once
// The draft as HTML for the preview: cmark-gfm's HTML renderer over the tree every
// writer reads, raw HTML left out (user text stays text), alerts as titled boxes
// and each placeholder („[offen: …]“) marked.
#include <atomic>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kovgen::serve {

std::string draft_html(std::string_view markdown);

// draft_html's result, byte for byte, for one draft after another, where each
// independent section's HTML (markdown_sections.h) is made once and kept: an edit
// changes one or two sections of a draft, and parsing is most of a preview's work.
// Shared by the server's threads; holding max_sections, it drops the oldest.
class SectionHtmlCache {
 public:
  explicit SectionHtmlCache(size_t max_sections = 4096);
  ~SectionHtmlCache();
  std::string draft_html(std::string_view markdown);
  // How many sections were parsed so far, rather than found.
  size_t sections_parsed() const { return sections_parsed_.load(); }

 private:
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  const size_t max_sections_;
  std::atomic<size_t> sections_parsed_{0};
  std::mutex mutex_;  // guards html_by_section_, never held while parsing
  std::unordered_map<std::string, std::shared_ptr<const std::string>, TextHash, std::equal_to<>> html_by_section_;
  // The keys, the oldest first. An unordered_map's elements never move, so pointers
  // to its keys stay valid until the element is erased.
  std::deque<const std::string*> age_;
};

// Text for HTML element content and attribute values.
std::string escape_html(std::string_view text);

}  // namespace kovgen::serve
