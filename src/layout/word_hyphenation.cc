// Hyphenation of a paragraph's words: soft hyphens, the hyphenator's points in
// plain words (never in protected tokens), and the pieces a hyphenated word is
// cut into for the line breaker.
#include <cctype>

#include "text_words.h"
#include "utf8.h"

namespace kovgen::layout {

namespace {

// What a hyphenated line end costs, in units of the line badness (a line whose
// spaces are 1.5 times their width costs 100): a hyphen is chosen over spaces
// of about 1.4 times their width; a compound's joint is the better place, a
// soft hyphen the author's own choice.
constexpr float kSyllablePenalty = 50;
constexpr float kJointPenalty = 30;
constexpr float kSoftHyphenPenalty = 20;
// Words shorter than this are not hyphenated, and a break leaves at least the
// given letters on either side.
constexpr int kMinHyphenWord = 6;
constexpr int kMinBefore = 2;
constexpr int kMinAfter = 3;

// Latin-1 is enough: the German patterns know no other letters.
bool is_upper(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7); }

// A token is what stands between two spaces: several words when it breaks at a
// hyphen or slash ("Schul-/Jugendhilfe"). Addresses, links and code keep their
// form: a hyphen added inside would change what the reader types.
bool protected_token(const std::vector<Word>& words, size_t first, size_t last) {
  // Byte by byte over the fragments, without joining them: this runs for every
  // word of every hyphenated paragraph.
  char before2 = 0, before = 0;
  for (size_t i = first; i <= last; ++i)
    for (const Frag& f : words[i].frags) {
      if (!f.run->link.empty() || f.run->style.face == Face::mono) return true;
      for (char c : f.text) {
        if (c == '@' || (before2 == ':' && before == '/' && c == '/')) return true;  // address, "://"
        // A dot between letters: a domain ("schule.nrw.de", "www.") or "z.B.".
        if (before == '.' && std::isalpha(static_cast<unsigned char>(before2)) &&
            std::isalpha(static_cast<unsigned char>(c)))
          return true;
        before2 = before;
        before = c;
      }
    }
  return false;
}

// The hyphenation points of one word by the patterns: only in its letters
// between leading and trailing punctuation, and only when those are letters
// alone (no digits: amounts, dates, "8a", school numbers), in lower case after
// the first (no "NRW", "KiTa").
struct Letter {
  size_t frag, byte;
  char32_t cp;
};

// Buffers reused from word to word.
struct HyphenScratch {
  std::vector<HyphenPoint> points;
  std::vector<Letter> letters;
  std::string core;
};

void pattern_splits(Word& w, const Hyphenator& hyphenator, HyphenScratch& scratch) {
  std::vector<Letter>& letters = scratch.letters;
  letters.clear();
  for (size_t f = 0; f < w.frags.size(); ++f)
    for (size_t pos = 0; pos < w.frags[f].text.size();) {
      const size_t at = pos;
      letters.push_back({f, at, next_code_point(w.frags[f].text, pos)});
    }
  size_t begin = 0, end = letters.size();
  while (begin < end && !is_letter(letters[begin].cp)) ++begin;
  while (end > begin && !is_letter(letters[end - 1].cp)) --end;
  if (int(end - begin) < kMinHyphenWord) return;
  std::string& core = scratch.core;
  core.clear();
  for (size_t k = begin; k < end; ++k) {
    if (!is_letter(letters[k].cp) || (k > begin && is_upper(letters[k].cp))) return;
    append_utf8(core, letters[k].cp);
  }
  scratch.points.clear();
  hyphenator.hyphenate(core, scratch.points);
  const int n = int(end - begin);
  for (const HyphenPoint& p : scratch.points) {
    if (p.letters < kMinBefore || n - p.letters < kMinAfter) continue;
    const Letter& at = letters[begin + size_t(p.letters)];
    w.splits.push_back({at.frag, at.byte, int(begin) + p.letters, p.joint ? kJointPenalty : kSyllablePenalty});
  }
}

// Cuts a word at its splits into pieces; all but the last end with a hyphen.
void cut_at_splits(Word& word, const GlyphMetrics& m, std::vector<Word>& out) {
  size_t frag = 0, byte = 0;  // where the next piece starts
  auto piece_until = [&](size_t end_frag, size_t end_byte) {
    Word p;
    for (size_t f = frag; f <= end_frag && f < word.frags.size(); ++f) {
      const Frag& src = word.frags[f];
      const size_t from = f == frag ? byte : 0;
      const size_t to = f == end_frag ? end_byte : src.text.size();
      if (to <= from) continue;
      Frag part{src.run, src.text.substr(from, to - from), 0};
      part.width = measure(m, src.run->style, part.text);
      p.width += part.width;
      p.frags.push_back(std::move(part));
    }
    frag = end_frag;
    byte = end_byte;
    return p;
  };
  for (const Split& s : word.splits) {
    if (s.frag < frag || (s.frag == frag && s.byte <= byte)) continue;
    Word p = piece_until(s.frag, s.byte);
    if (p.frags.empty()) continue;
    const Frag& last = p.frags.back();
    const Style& style = last.run->style;
    p.hyphen_width = advance_pt(m, style, kSoftHyphen) + kern_pt(m, style, last_code_point(last.text), kSoftHyphen);
    if (p.hyphen_width <= 0) p.hyphen_width = 0.01f;  // a face without the glyph still marks the break
    p.penalty = s.penalty;
    out.push_back(std::move(p));
  }
  Word rest = piece_until(word.frags.size() - 1, word.frags.back().text.size());
  if (rest.frags.empty() && !out.empty()) {
    // A soft hyphen at the word's end ("Platz\u00AD"): nothing to break.
    out.back().glue = word.glue;
    out.back().breakable = word.breakable;
    out.back().forced = word.forced;
    out.back().hyphen_width = out.back().penalty = 0;
    return;
  }
  rest.glue = word.glue;
  rest.breakable = word.breakable;
  rest.forced = word.forced;
  out.push_back(std::move(rest));
}

// The kerning between two pieces of one word that stand together on a line: 0
// where their styles or links differ (they are drawn as separate strings).
float joint_kerning(const Word& prev, const Word& next, const GlyphMetrics& m) {
  if (prev.frags.empty() || next.frags.empty()) return 0;
  const Frag& a = prev.frags.back();
  const Frag& b = next.frags.front();
  if (!(a.run->style == b.run->style && a.run->link == b.run->link)) return 0;
  return kern_pt(m, a.run->style, last_code_point(a.text), first_code_point(b.text));
}

}  // namespace

void keep_protected_tokens_whole(std::vector<Word>& words, float width, const GlyphMetrics& m) {
  // In place: this runs on every paragraph, and most have no such token.
  size_t kept = 0;
  for (size_t first = 0; first < words.size();) {
    size_t last = first;
    while (last + 1 < words.size() && words[last].glue == 0 && !words[last].forced) ++last;
    bool merge = last > first && protected_token(words, first, last);
    float merged_width = words[first].width;
    for (size_t i = first + 1; merge && i <= last; ++i) {
      // Soft hyphens are the author's break points: such a token stays as it is.
      merge = words[i - 1].splits.empty() && words[i].splits.empty();
      merged_width += words[i].width + joint_kerning(words[i - 1], words[i], m);
    }
    if (merge && merged_width <= width) {
      Word whole = std::move(words[last]);
      std::vector<Frag> frags;
      for (size_t i = first; i < last; ++i) frags.insert(frags.end(), words[i].frags.begin(), words[i].frags.end());
      frags.insert(frags.end(), whole.frags.begin(), whole.frags.end());
      whole.frags = std::move(frags);
      whole.width = merged_width;
      words[kept++] = std::move(whole);
    } else {
      for (size_t i = first; i <= last; ++i, ++kept)
        if (kept != i) words[kept] = std::move(words[i]);
    }
    first = last + 1;
  }
  words.resize(kept);
}

// Soft hyphens everywhere; with a hyphenator also the patterns' points, except
// in the paragraph's last word and in protected tokens. A word with soft
// hyphens breaks only there: its author has said where.
void hyphenate_words(std::vector<Word>& words, const Hyphenator* hyphenator, float width, const GlyphMetrics& m) {
  bool any = hyphenator != nullptr;
  for (const Word& w : words) any = any || !w.splits.empty();
  if (!any) return;
  HyphenScratch scratch;
  std::vector<Word> out;
  out.reserve(words.size() * 2);
  for (size_t first = 0; first < words.size();) {
    size_t last = first;
    while (last + 1 < words.size() && words[last].glue == 0 && !words[last].forced) ++last;
    // The paragraph's last word stays whole, unless it is wider than the line
    // (a long word in a narrow table cell): it breaks anyway, better at a hyphen.
    float token_width = 0;
    for (size_t i = first; i <= last; ++i) token_width += words[i].width;
    const bool may_break = last + 1 < words.size() || token_width > width;
    const bool patterns = hyphenator && may_break && !protected_token(words, first, last);
    for (size_t i = first; i <= last; ++i) {
      Word& w = words[i];
      if (w.splits.empty() && patterns) pattern_splits(w, *hyphenator, scratch);
      else
        for (Split& s : w.splits) s.penalty = kSoftHyphenPenalty;
      if (w.splits.empty()) out.push_back(std::move(w));
      else cut_at_splits(w, m, out);
    }
    first = last + 1;
  }
  words = std::move(out);
}

// Pieces of one word that end up on one line are drawn as one string, so the
// kerning between them counts.
void set_lead_kerning(std::vector<Word>& words, const GlyphMetrics& m) {
  for (size_t i = 1; i < words.size(); ++i) {
    const Word& prev = words[i - 1];
    if (prev.glue != 0 || prev.forced) continue;
    words[i].lead_kern = joint_kerning(prev, words[i], m);
  }
}

}  // namespace kovgen::layout
