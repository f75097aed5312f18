// Our hyphenation points against libhyphen's (hnj_hyphen_hyphenate2 with
// hyphen-de, what LibreOffice hyphenates with), word by word: every compound the
// dictionary lists and every word of the templates, samples and rendered goldens.
// libhyphen is only the oracle here: loading the dictionary takes seconds
// (docs/pdf-writer.md), so kovgen runs the same algorithm on compiled tables.
#include <doctest/doctest.h>
#include <hyphen.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "german_hyphenator.h"
#include "utf8.h"

using namespace kovgen;

namespace {

constexpr const char* kDictionary = "/usr/share/hyphen/hyph_de_DE.dic";

// Lower-case ISO-8859-1, as the dictionary is encoded; empty for anything else.
std::string latin1_lower(const std::string& utf8) {
  std::string out;
  for (size_t pos = 0; pos < utf8.size();) {
    char32_t cp = next_code_point(utf8, pos);
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) cp += 0x20;
    const bool letter = (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
    if (!letter) return {};
    out += char(cp);
  }
  return out;
}

std::string to_utf8(const std::string& latin1) {
  std::string out;
  for (unsigned char c : latin1) append_utf8(out, c);
  return out;
}

// The letters-only words of a text, as they stand (any case).
void add_words(const std::string& text, std::set<std::string>& words) {
  std::string word;
  auto flush = [&] {
    if (!latin1_lower(word).empty()) words.insert(word);
    word.clear();
  };
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    const bool letter = ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7);
    if (letter) word.append(text, start, pos - start);
    else flush();
  }
  flush();
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The compounds of the dictionary's first level, digits removed.
void add_dictionary_compounds(std::set<std::string>& words) {
  std::istringstream lines(read_all(kDictionary));
  std::string line;
  std::getline(lines, line);  // the encoding
  while (std::getline(lines, line)) {
    if (line.rfind("NEXTLEVEL", 0) == 0) break;
    std::string letters;
    for (char c : line.substr(0, line.find_first_of(" \t\r")))
      if (c < '0' || c > '9') letters += c;
    if (!letters.empty() && letters[0] != '#' && letters[0] != '%') add_words(to_utf8(letters), words);
  }
}

std::string marked(const std::string& word, const std::vector<int>& letters_before_breaks) {
  std::string out;
  size_t next = 0;
  int letters = 0;
  for (size_t pos = 0; pos < word.size(); ++letters) {
    if (next < letters_before_breaks.size() && letters_before_breaks[next] == letters) {
      out += '-';
      ++next;
    }
    append_utf8(out, next_code_point(word, pos));
  }
  return out;
}

}  // namespace

TEST_CASE("hyphenation points are libhyphen's for every word of the templates, samples and dictionary" *
          doctest::test_suite("slow")) {
  std::set<std::string> words = {"Mittagsverpflegung", "Ganztagsschulen", "Bezirksregierung",
                                 "Kooperationsvereinbarung", "Gruppenzahlen", "Auflage", "Schulträger",
                                 "Zuständigkeit", "Schulsozialarbeit", "Betreuungszeiten", "Platz", "Mail"};
  const std::filesystem::path source = KOVGEN_SOURCE_DIR;
  for (const char* folder : {"templates", "samples", "tests/golden"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source / folder)) {
      const std::string ext = entry.path().extension().string();
      if (ext == ".md" || ext == ".mustache" || ext == ".yaml" || ext == ".txt") add_words(read_all(entry.path()), words);
    }
  const size_t from_texts = words.size();
  add_dictionary_compounds(words);
  MESSAGE(from_texts << " words from the texts, " << words.size() << " in all");
  REQUIRE(from_texts > 1000);
  REQUIRE(words.size() > 60000);

  HyphenDict* dict = hnj_hyphen_load(kDictionary);
  REQUIRE(dict != nullptr);
  std::vector<std::string> differ;
  size_t breaks = 0;
  for (const std::string& word : words) {
    const std::string lower = latin1_lower(word);
    std::vector<char> hyphens(lower.size() + 5, 0);
    char** rep = nullptr;
    int *pos = nullptr, *cut = nullptr;
    hnj_hyphen_hyphenate2(dict, lower.data(), int(lower.size()), hyphens.data(), nullptr, &rep, &pos, &cut);
    std::vector<int> expected, ours;
    for (size_t i = 0; i + 1 < lower.size(); ++i)
      if (hyphens[i] & 1) expected.push_back(int(i + 1));
    for (const layout::HyphenPoint& p : hyphenation::libhyphen_points(word)) ours.push_back(p.letters);
    breaks += expected.size();
    if (ours != expected && differ.size() < 20)
      differ.push_back(word + ": libhyphen " + marked(word, expected) + ", kovgen " + marked(word, ours));
    if (rep) {
      for (size_t i = 0; i < lower.size(); ++i) free(rep[i]);
      free(rep);
      free(pos);
      free(cut);
    }
  }
  hnj_hyphen_free(dict);
  REQUIRE(breaks > 100000);  // the oracle did hyphenate
  for (const std::string& d : differ) FAIL_CHECK(d);
  CHECK(differ.empty());
}

TEST_CASE("the layout differs from libhyphen only by dropping breaks around a one-letter syllable") {
  // libhyphen: "Schul-so-zi-a-l-ar-beit"; a reader would break at neither side of "a" or "l".
  std::vector<int> raw, kept;
  for (const layout::HyphenPoint& p : hyphenation::libhyphen_points("Schulsozialarbeit")) raw.push_back(p.letters);
  for (const layout::HyphenPoint& p : hyphenation::german_hyphen_points("Schulsozialarbeit")) kept.push_back(p.letters);
  CHECK(raw == std::vector<int>{5, 7, 9, 10, 11, 13});
  CHECK(kept == std::vector<int>{5, 7, 13});
  // Where no one-letter syllable arises, both agree.
  CHECK(hyphenation::german_hyphen_points("Mittagsverpflegung").size() ==
        hyphenation::libhyphen_points("Mittagsverpflegung").size());
}
