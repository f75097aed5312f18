#pragma once
// The words of a paragraph, as the line breaker sees them: pieces of runs
// between break opportunities, measured with kerning, hyphenated into pieces
// that end in a hyphen. Shared by the files of the text layout (text_words.cc,
// word_hyphenation.cc, line_breaker.cc, layout_text.cc); not part of layout.h.
#include <string>
#include <string_view>
#include <vector>

#include "layout.h"
#include "utf8.h"

namespace kovgen::layout {

constexpr char32_t kSoftHyphen = 0x00AD;

// Spaces of a justified line may shrink to this fraction of their width less.
constexpr float kMaxShrink = 1.0f / 3;

bool is_letter(char32_t cp);

// A piece of a word in one run's style.
struct Frag {
  const Run* run = nullptr;
  std::string text;
  float width = 0;
};

// Where a word may be hyphenated: before byte `byte` of frags[frag], after
// `letters` code points of the word.
struct Split {
  size_t frag = 0, byte = 0;
  int letters = 0;
  float penalty = 0;
};

// A word: what lies between two break opportunities.
struct Word {
  std::vector<Frag> frags;
  float width = 0;
  float glue = 0;           // width of the space after it (0: none)
  bool breakable = true;    // a line may end after it
  bool forced = false;      // a line must end after it ("\n")
  // > 0: the word ends at a hyphenation point, and a line that ends here ends
  // with a hyphen this wide; breaking here costs `penalty`.
  float hyphen_width = 0;
  float penalty = 0;
  // Kerning between the previous word's last glyph and this word's first when
  // both stand on one line without a space (parts of one hyphenated word).
  float lead_kern = 0;
  std::vector<Split> splits;  // soft hyphens (U+00AD) typed into the word
};

// Advance of one code point in points; 0 for one the face lacks.
float advance_pt(const GlyphMetrics& m, const Style& s, char32_t cp);
// Spaces are never kerned: a space is glue, stretched on its own.
float kern_pt(const GlyphMetrics& m, const Style& s, char32_t left, char32_t right);
char32_t last_code_point(std::string_view text);
char32_t first_code_point(std::string_view text);

// Calls step(end, advance) for each code point of text, with `end` the byte
// after it and `advance` its kerned advance in points, while step returns true.
template <class Step>
void walk_advances(const GlyphMetrics& m, const Style& s, std::string_view text, Step step) {
  char32_t prev = 0;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (!step(pos, advance_pt(m, s, cp) + kern_pt(m, s, prev, cp))) return;
    prev = cp;
  }
}

// Width of text in one style, kerned.
float measure(const GlyphMetrics& m, const Style& s, std::string_view text);

// Splits runs into words. Spaces are break opportunities (collapsed), "\n" forces a
// break; a hyphen or slash inside a word ("Schul-/Jugendhilfe") also allows one.
std::vector<Word> split_words(const std::vector<Run>& runs, const GlyphMetrics& m);

// Splits a word wider than `width` between code points into pieces that fit.
void split_long_words(std::vector<Word>& words, float width, const GlyphMetrics& m);

// An address, a link or code that a hyphen or slash split into several words
// ("info@awo-kreis.de") becomes one word again where it fits the line: it breaks
// at its hyphen only in a column narrower than itself (word_hyphenation.cc).
void keep_protected_tokens_whole(std::vector<Word>& words, float width, const GlyphMetrics& m);

// Soft hyphens everywhere; with a hyphenator also the patterns' points, except
// in the paragraph's last word (unless it is wider than `width`) and in
// protected tokens (word_hyphenation.cc).
void hyphenate_words(std::vector<Word>& words, const Hyphenator* hyphenator, float width, const GlyphMetrics& m);

// Pieces of one word that end up on one line are drawn as one string, so the
// kerning between them counts.
void set_lead_kerning(std::vector<Word>& words, const GlyphMetrics& m);

// Positions words[begin, end) as one line (layout_text.cc).
Line make_line(const std::vector<Word>& words, size_t begin, size_t end, float width,
               Align align, bool last, float leading, const GlyphMetrics& m);

}  // namespace kovgen::layout
