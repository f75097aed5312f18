#include "word_diff.h"

#include <dtl/dtl.hpp>

#include "german_format.h"
#include "utf8.h"

namespace kovgen::diff {
namespace {

// Letters and digits of any script; dashes, quotes, currency and other signs
// (Latin-1 signs, General Punctuation, Currency Symbols) are not word characters.
bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  if (c >= 0xA0 && c <= 0xBF) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x20CF) return false;
  return true;
}
bool is_space(char32_t c) { return c == ' ' || c == '\n' || c == '\t'; }
// Characters that join two word parts into one figure or word: 1.105,00  7:30  2026/27  Früh-
bool is_joiner(char32_t c) { return c == '.' || c == ',' || c == ':' || c == '/' || c == '-'; }

bool all_space(const std::string& s) {
  for (char c : s)
    if (!is_space(static_cast<unsigned char>(c))) return false;
  return !s.empty();
}

char32_t code_point_at(std::string_view text, size_t pos) { return next_code_point(text, pos); }

}  // namespace

std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    const char32_t c = next_code_point(text, j);
    if (const size_t date = long_date_length(text.substr(i)); date > 0) {
      // "30. März 2026" -> "15. April 2026" is one new date, not two changed words.
      j = i + date;
    } else if (is_word_char(c)) {
      while (j < text.size()) {
        size_t k = j;
        const char32_t d = next_code_point(text, k);
        if (is_word_char(d)) {
          j = k;
        } else if (is_joiner(d) && k < text.size() && is_word_char(code_point_at(text, k))) {
          j = k;
        } else {
          break;
        }
      }
    } else if (is_space(c)) {
      while (j < text.size() && is_space(static_cast<unsigned char>(text[j]))) ++j;
    }
    tokens.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return tokens;
}

std::vector<Step> compare_sequences(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  dtl::Diff<std::string> d(before, after);
  d.compose();
  std::vector<Step> steps;
  for (const auto& [element, info] : d.getSes().getSequence()) {
    (void)element;
    Step s;
    if (info.type == dtl::SES_COMMON) s.edit = Edit::same;
    else if (info.type == dtl::SES_ADD) s.edit = Edit::added;
    else s.edit = Edit::removed;
    // dtl counts from 1; 0 means "not on this side".
    if (info.beforeIdx > 0) s.before = static_cast<size_t>(info.beforeIdx - 1);
    if (info.afterIdx > 0) s.after = static_cast<size_t>(info.afterIdx - 1);
    steps.push_back(s);
  }
  return steps;
}

std::vector<Piece> word_diff(std::string_view before, std::string_view after) {
  const auto a = word_tokens(before);
  const auto b = word_tokens(after);
  std::vector<Piece> raw;
  for (const Step& s : compare_sequences(a, b))
    raw.push_back({s.edit, s.edit == Edit::added ? b[s.after] : a[s.before]});

  // White space alone between changes joins them: "{~~a b~>x y~~}".
  for (size_t i = 1; i + 1 < raw.size(); ++i) {
    if (raw[i].edit != Edit::same || !all_space(raw[i].text)) continue;
    size_t prev = i, next = i;
    while (prev > 0 && raw[prev - 1].edit != Edit::same) --prev;
    while (next + 1 < raw.size() && raw[next + 1].edit != Edit::same) ++next;
    if (prev == i || next == i) continue;
    const std::string space = raw[i].text;
    raw[i] = {Edit::removed, space};
    raw.insert(raw.begin() + static_cast<long>(i) + 1, Piece{Edit::added, space});
    ++i;
  }
  // Within a run of changes, every removal first, then every addition; pieces of
  // one kind joined.
  std::vector<Piece> out;
  size_t i = 0;
  while (i < raw.size()) {
    if (raw[i].edit == Edit::same) {
      if (!out.empty() && out.back().edit == Edit::same) out.back().text += raw[i].text;
      else out.push_back(raw[i]);
      ++i;
      continue;
    }
    std::string removed, added;
    while (i < raw.size() && raw[i].edit != Edit::same) {
      (raw[i].edit == Edit::removed ? removed : added) += raw[i].text;
      ++i;
    }
    if (!removed.empty()) out.push_back({Edit::removed, removed});
    if (!added.empty()) out.push_back({Edit::added, added});
  }
  return out;
}

double similarity(std::string_view before, std::string_view after) {
  // White space would make any two sentences look alike.
  auto words = [](std::string_view text) {
    std::vector<std::string> out;
    for (auto& t : word_tokens(text))
      if (!all_space(t)) out.push_back(std::move(t));
    return out;
  };
  const auto a = words(before);
  const auto b = words(after);
  if (a.empty() && b.empty()) return 1.0;
  size_t common = 0;
  for (const Step& s : compare_sequences(a, b))
    if (s.edit == Edit::same) ++common;
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

}  // namespace kovgen::diff
