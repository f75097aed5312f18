#include "school_name.h"

#include <vector>

#include "unicode.h"

namespace kovgen {

namespace {

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  size_t p = 0;
  while (p < text.size()) {
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r')) ++p;
    size_t e = p;
    while (e < text.size() && text[e] != ' ' && text[e] != '\t' && text[e] != '\n' && text[e] != '\r') ++e;
    if (e > p) words.emplace_back(text.substr(p, e - p));
    p = e;
  }
  return words;
}

bool is_dash(std::string_view w) { return w == "-" || w == "\u2013" || w == "\u2014"; }

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// "an" and the dative article for the noun a school name is built on, or "".
const char* an_with_article(const std::string& word) {
  const std::string w = case_fold(word);
  for (const char* feminine : {"schule", "akademie"})
    if (ends_with(w, feminine)) return "an der";
  for (const char* other : {"gymnasium", "kolleg", "zentrum", "lyzeum", "internat"})
    if (ends_with(w, other)) return "am";
  return "";
}

// A word before the noun in the dative, or "" when it is neither an
// abbreviation nor an adjective we know how to decline: "Städt." stays,
// "Katholische" and "Städtisches" become "Katholischen" and "Städtischen". Only
// adjective stems ("…isch", "…lich", "Freie", "Private", …) count, so that a name
// such as "Johannes" before the noun is never mistaken for one.
std::string dative_attribute(const std::string& word) {
  if (word.size() > 1 && ends_with(word, ".")) return word;
  std::string stem;
  if (ends_with(word, "e")) stem = word.substr(0, word.size() - 1);
  else if (ends_with(word, "es") || ends_with(word, "er")) stem = word.substr(0, word.size() - 2);
  else return {};
  const std::string folded = case_fold(stem);
  for (const char* adjective : {"isch", "lich", "ig", "offen", "frei", "privat", "kommunal"})
    if (ends_with(folded, adjective) && folded.size() > 2) return stem + "en";
  return {};
}

}  // namespace

std::string school_name(std::string_view joined) {
  const std::vector<std::string> words = words_of(joined);
  std::vector<std::string> kept;
  for (size_t i = 0; i < words.size(); ++i) {
    // "- Primarstufe -": a dash, words, a closing dash; or "-Primarstufe-" in one.
    if (is_dash(words[i])) {
      size_t close = i + 1;
      while (close < words.size() && !is_dash(words[close])) ++close;
      if (close < words.size() && close > i + 1) {
        i = close;
        continue;
      }
    }
    const std::string& w = words[i];
    if (w.size() > 2 && w.front() == '-' && w.back() == '-') continue;
    kept.push_back(w);
  }
  return join(kept);
}

std::string school_name_with_an(std::string_view name) {
  const std::vector<std::string> words = words_of(name);
  if (words.empty()) return {};
  for (size_t head = 0; head < words.size(); ++head) {
    const char* article = an_with_article(words[head]);
    if (!*article) continue;
    std::vector<std::string> out{article};
    for (size_t i = 0; i < head; ++i) {
      std::string declined = dative_attribute(words[i]);
      if (declined.empty()) return "an der Schule \u201E" + join(words) + "\u201C";
      out.push_back(std::move(declined));
    }
    out.insert(out.end(), words.begin() + static_cast<long>(head), words.end());
    return join(out);
  }
  return "an der Schule \u201E" + join(words) + "\u201C";
}

}  // namespace kovgen
