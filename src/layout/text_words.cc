// Words of a paragraph: measuring with kerning, splitting runs into words,
// keeping references together, cutting words too long for any line.
#include "text_words.h"

#include <cstring>

#include "utf8.h"

namespace kovgen::layout {

namespace {

std::string word_text(const Word& w) {
  std::string s;
  for (const Frag& f : w.frags) s += f.text;
  return s;
}

// German references and quantities stay on one line: "§ 5", "Abs. 3", "Nr. 2",
// "Anlage 1", "4,20 €", "16:30 Uhr", "50 %".
void keep_references_together(std::vector<Word>& words) {
  static const char* const kBefore[] = {"§", "§§", "Abs.", "Nr.", "Art.", "Ziff.", "S.",
                                        "Satz", "Anlage", "Anlagen"};
  static const char* const kAfter[] = {"€", "%", "Uhr", "EUR", "Euro"};
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].glue == 0 || words[i].forced || words[i].frags.empty() || words[i + 1].frags.empty()) continue;
    // Only a number on one side makes a pair; the texts are built only then.
    const auto& first_frag = words[i + 1].frags.front().text;
    const auto& last_frag = words[i].frags.back().text;
    const bool number_follows = !first_frag.empty() && is_digit(first_frag[0]);
    const bool number_before = !last_frag.empty() && is_digit(last_frag.back());
    if (!number_follows && !number_before) continue;
    const std::string a = word_text(words[i]), b = word_text(words[i + 1]);
    for (const char* k : kBefore)
      if (number_follows && a == k) words[i].breakable = false;
    for (const char* k : kAfter)
      if (number_before && b.rfind(k, 0) == 0 &&
          (b.size() == std::strlen(k) || std::strchr(".,;:)", b[std::strlen(k)])))
        words[i].breakable = false;
  }
}

}  // namespace

// Beyond U+2000 lie punctuation and symbols (German quotes „“, dashes, €), which
// must stay outside a word's letters so that „Ganztägig“ can be hyphenated.
bool is_letter(char32_t cp) {
  return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7);
}

float advance_pt(const GlyphMetrics& m, const Style& s, char32_t cp) {
  int w = m.advance(s.face, cp);
  return w > 0 ? w * s.size / 1000.0f : 0.0f;
}

float kern_pt(const GlyphMetrics& m, const Style& s, char32_t left, char32_t right) {
  if (left == ' ' || right == ' ' || left == 0) return 0;
  return float(m.kerning(s.face, left, right)) * s.size / 1000.0f;
}

char32_t last_code_point(std::string_view text) {
  if (text.empty()) return 0;
  size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return next_code_point(text, start);
}

char32_t first_code_point(std::string_view text) {
  size_t pos = 0;
  return text.empty() ? 0 : next_code_point(text, pos);
}

// Width of text in one style, kerned.
float measure(const GlyphMetrics& m, const Style& s, std::string_view text) {
  float w = 0;
  walk_advances(m, s, text, [&](size_t, float advance) {
    w += advance;
    return true;
  });
  return w;
}

// Splits runs into words. Spaces are break opportunities (collapsed), "\n" forces a
// break; a hyphen or slash inside a word ("Schul-/Jugendhilfe") also allows one.
std::vector<Word> split_words(const std::vector<Run>& runs, const GlyphMetrics& m) {
  std::vector<Word> words(1);
  int letters = 0;  // code points in the current word
  char32_t kern_left = 0;  // the last code point of the current fragment, 0: none
  auto end_word = [&](bool keep_empty) {
    if (!words.back().frags.empty() || keep_empty) words.emplace_back();
    letters = 0;
  };
  for (const Run& run : runs) {
    for (size_t pos = 0; pos < run.text.size();) {
      char32_t cp = next_code_point(run.text, pos);
      Word& w = words.back();
      if (cp == '\n') {
        if (w.frags.empty() && words.size() > 1) {
          words[words.size() - 2].forced = true;  // break after the previous word
          words[words.size() - 2].breakable = true;
        } else {
          w.forced = true;
          w.breakable = true;
          end_word(true);
        }
        continue;
      }
      if (cp == ' ' || cp == '\t') {
        if (w.frags.empty()) {
          // Collapse runs of spaces onto the previous word.
          if (words.size() > 1 && !words[words.size() - 2].forced &&
              words[words.size() - 2].glue == 0)
            words[words.size() - 2].glue = advance_pt(m, run.style, ' ');
          continue;
        }
        w.glue = advance_pt(m, run.style, ' ');
        end_word(false);
        continue;
      }
      if (cp == kSoftHyphen) {
        // A break opportunity the author chose; drawn only at a line's end.
        if (!w.frags.empty())
          w.splits.push_back({w.frags.size() - 1, w.frags.back().text.size(), letters, 0});
        continue;
      }
      if (w.frags.empty() || w.frags.back().run != &run) {
        w.frags.push_back({&run, {}, 0});
        kern_left = 0;
      }
      Frag& f = w.frags.back();
      float adv = advance_pt(m, run.style, cp) + kern_pt(m, run.style, kern_left, cp);
      kern_left = cp;
      append_utf8(f.text, cp);
      f.width += adv;
      w.width += adv;
      ++letters;
      // "Schul-/Jugendhilfe" may break after the hyphen-slash; "2026/27" may not.
      if ((cp == '-' || cp == '/') && letters > 3 && pos < run.text.size()) {
        size_t peek = pos;
        if (is_letter(next_code_point(run.text, peek))) {
          w.breakable = true;
          end_word(false);
        }
      }
    }
  }
  if (words.back().frags.empty()) words.pop_back();
  keep_references_together(words);
  if (!words.empty()) {
    words.back().glue = 0;
    words.back().forced = false;
  }
  return words;
}

// Splits a word wider than `width` between code points into pieces that fit.
void split_long_words(std::vector<Word>& words, float width, const GlyphMetrics& m) {
  std::vector<Word> out;
  out.reserve(words.size());
  for (Word& word : words) {
    if (word.width <= width) {
      out.push_back(std::move(word));
      continue;
    }
    Word piece;
    piece.breakable = true;
    for (const Frag& f : word.frags) {
      Frag cur{f.run, {}, 0};
      for (size_t pos = 0; pos < f.text.size();) {
        size_t start = pos;
        char32_t cp = next_code_point(f.text, pos);
        float adv = advance_pt(m, f.run->style, cp);
        const float kern = kern_pt(m, f.run->style, last_code_point(cur.text), cp);
        if (piece.width + adv + kern > width && (piece.width > 0 || cur.width > 0)) {
          if (!cur.text.empty()) piece.frags.push_back(cur);
          out.push_back(piece);
          piece = Word{};
          piece.breakable = true;
          cur = Frag{f.run, {}, 0};
        } else {
          adv += kern;
        }
        cur.text.append(f.text, start, pos - start);
        cur.width += adv;
        piece.width += adv;
      }
      if (!cur.text.empty()) piece.frags.push_back(cur);
    }
    piece.glue = word.glue;
    piece.breakable = word.breakable;
    piece.forced = word.forced;
    piece.hyphen_width = word.hyphen_width;
    piece.penalty = word.penalty;
    out.push_back(std::move(piece));
  }
  words = std::move(out);
}

}  // namespace kovgen::layout
