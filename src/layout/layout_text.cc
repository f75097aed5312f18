// Line breaking and justification (layout.h): runs -> words -> lines.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <set>

#include "i18n.h"
#include "layout.h"
#include "layout_items.h"
#include "unicode.h"
#include "utf8.h"

namespace kovgen::layout {

namespace {

// Invisible code points that must not reach the font: they would print as boxes.
// The soft hyphen is not among them: it reaches the line breaker, which makes it
// a hyphenation point (split_words) and never draws it inside a line.
bool is_invisible(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

constexpr char32_t kSoftHyphen = 0x00AD;

bool is_letter(char32_t cp) {
  return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7);
}

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

float advance_pt(const GlyphMetrics& m, const Style& s, char32_t cp) {
  int w = m.advance(s.face, cp);
  return w > 0 ? w * s.size / 1000.0f : 0.0f;
}

// Spaces are never kerned: a space is glue, stretched on its own.
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
float measure(const GlyphMetrics& m, const Style& s, std::string_view text) {
  float w = 0;
  walk_advances(m, s, text, [&](size_t, float advance) {
    w += advance;
    return true;
  });
  return w;
}

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

// Splits runs into words. Spaces are break opportunities (collapsed), "\n" forces a
// break; a hyphen or slash inside a word ("Schul-/Jugendhilfe") also allows one.
std::vector<Word> split_words(const std::vector<Run>& runs, const GlyphMetrics& m) {
  std::vector<Word> words(1);
  int letters = 0;  // code points in the current word
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
      if (w.frags.empty() || w.frags.back().run != &run) w.frags.push_back({&run, {}, 0});
      Frag& f = w.frags.back();
      float adv = advance_pt(m, run.style, cp) + kern_pt(m, run.style, last_code_point(f.text), cp);
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

// What a hyphenated line end costs, in units of the line badness (a line whose
// spaces are 1.5 times their width costs 100): a hyphen is chosen over spaces
// of about 1.4 times their width; a compound's joint is the better place, a
// soft hyphen the author's own choice.
constexpr float kSyllablePenalty = 50;
constexpr float kJointPenalty = 30;
constexpr float kSoftHyphenPenalty = 20;
// A second hyphenated line in a row costs this much more; a third is avoided at
// any price but losing text.
constexpr float kConsecutivePenalty = 100;
constexpr int kMaxHyphenRun = 2;
// Spaces of a justified line may shrink to this fraction of their width less.
constexpr float kMaxShrink = 1.0f / 3;
// A space stretched by this fraction of its width is as bad (100) as one shrunk
// by kMaxShrink; TeX's values for a roman font.
constexpr double kStretchability = 0.5;
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

// Soft hyphens everywhere; with a hyphenator also the patterns' points, except
// in the paragraph's last word and in protected tokens. A word with soft
// hyphens breaks only there: its author has said where.
void hyphenate_words(std::vector<Word>& words, const Hyphenator* hyphenator, const GlyphMetrics& m) {
  bool any = hyphenator != nullptr;
  for (const Word& w : words) any = any || !w.splits.empty();
  if (!any) return;
  HyphenScratch scratch;
  std::vector<Word> out;
  out.reserve(words.size() * 2);
  for (size_t first = 0; first < words.size();) {
    size_t last = first;
    while (last + 1 < words.size() && words[last].glue == 0 && !words[last].forced) ++last;
    const bool patterns = hyphenator && last + 1 < words.size() && !protected_token(words, first, last);
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
    if (prev.glue != 0 || prev.forced || prev.frags.empty() || words[i].frags.empty()) continue;
    const Frag& a = prev.frags.back();
    const Frag& b = words[i].frags.front();
    if (a.run->style == b.run->style && a.run->link == b.run->link)
      words[i].lead_kern = kern_pt(m, a.run->style, last_code_point(a.text), first_code_point(b.text));
  }
}

// Chooses break points in words[begin, end) (no forced break inside) that
// minimise the summed badness and hyphen penalties of the lines; returns the
// index after each line. The state of a break includes how many hyphenated
// lines end in a row there, so that at most kMaxHyphenRun follow each other.
// `worst` is raised to the badness of the worst line chosen.
std::vector<size_t> choose_breaks(const std::vector<Word>& words, size_t begin, size_t end,
                                  float width, bool justify, float space, double& worst) {
  const double inf = std::numeric_limits<double>::infinity();
  constexpr int kStates = kMaxHyphenRun + 1;
  struct Best {
    double cost[kStates];
    double worst[kStates];  // the worst line's badness on the way here
    size_t from[kStates];
    int from_state[kStates];
  };
  std::vector<Best> best(end - begin + 1);
  for (Best& b : best)
    for (int h = 0; h < kStates; ++h) {
      b.cost[h] = inf;
      b.worst[h] = 0;
      b.from[h] = begin;
      b.from_state[h] = 0;
    }
  best[0].cost[0] = 0;
  for (size_t j = begin + 1; j <= end; ++j) {
    if (j < end && !words[j - 1].breakable) continue;
    const bool hyphen = j < end && words[j - 1].hyphen_width > 0;
    double line_width = hyphen ? words[j - 1].hyphen_width : 0;
    int glues = 0;
    // A justified line other than the last may also shrink its spaces a little.
    const double shrink = justify && j < end ? kMaxShrink : 0;
    double natural_glue = 0;
    for (size_t i = j; i-- > begin;) {
      line_width += words[i].width;
      if (i + 1 < j) {
        line_width += words[i].glue + words[i + 1].lead_kern;
        if (words[i].glue > 0) ++glues;
        natural_glue += words[i].glue;
      }
      if (line_width - shrink * natural_glue > width + 0.01 && i + 1 < j) break;
      if (i > begin && !words[i - 1].breakable) continue;
      const Best& from = best[i - begin];
      double cost = 0;
      if (j < end && line_width > width && natural_glue > 0) {
        // Shrunk spaces: as bad at their limit as spaces stretched by kStretchability.
        const double ratio = std::min(1.0, (line_width - width) / (shrink * natural_glue));
        cost = 100 * ratio * ratio * ratio;
      } else if (j < end) {
        double slack = std::max(0.0, width - line_width);
        if (justify) {
          // Badness of the stretched spaces, like TeX: grows with the cube.
          const double ratio = std::min(slack / (std::max(glues, 1) * space * kStretchability), 10.0);
          cost = 100 * ratio * ratio * ratio + (glues == 0 ? 1000 : 0);
        } else {
          cost = slack * slack / (space * space);
        }
      }
      const double badness = cost;
      // TeX's demerits: squares, so that one very loose line costs more than
      // several slightly loose ones; each line costs a little (fewer lines).
      cost = (10 + badness) * (10 + badness);
      if (hyphen) cost += double(words[j - 1].penalty) * words[j - 1].penalty;
      Best& to = best[j - begin];
      for (int h = 0; h < kStates; ++h) {
        if (from.cost[h] == inf) continue;
        // A third hyphen in a row is only taken when nothing else fits (a word
        // with soft hyphens in a narrow column): it must never lose words.
        const bool too_many = hyphen && h == kMaxHyphenRun;
        const int next = hyphen ? std::min(h + 1, kMaxHyphenRun) : 0;
        const double total = from.cost[h] + cost + (next >= 2 ? kConsecutivePenalty * kConsecutivePenalty : 0) + (too_many ? 1e18 : 0);
        if (total < to.cost[next]) {
          to.cost[next] = total;
          to.worst[next] = std::max(from.worst[h], badness);
          to.from[next] = i;
          to.from_state[next] = h;
        }
      }
    }
  }
  std::vector<size_t> ends;
  int state = 0;
  for (int h = 1; h < kStates; ++h)
    if (best[end - begin].cost[h] < best[end - begin].cost[state]) state = h;
  worst = std::max(worst, best[end - begin].worst[state]);
  for (size_t j = end; j > begin;) {
    ends.push_back(j);
    const Best& b = best[j - begin];
    if (b.cost[state] == inf) break;  // unreachable: cannot happen after splitting
    const size_t i = b.from[state];
    state = b.from_state[state];
    j = i;
  }
  std::reverse(ends.begin(), ends.end());
  return ends;
}

constexpr Color kHighlight{1.0f, 0.93f, 0.45f};

void add_decorations(const TextOp& op, Line& line) {
  if (op.style.highlight) {
    // One background from the first to the last word of the placeholder, also
    // where the words are placed one by one (stretched spaces).
    const float top = op.y - op.style.size * 0.93f, height = op.style.size * 1.2f;
    RectOp* last = line.rects.empty() ? nullptr : &line.rects.back();
    if (last && last->y == top && op.x - (last->x + last->w) < op.style.size)
      last->w = op.x + op.width + 1 - last->x;
    else
      line.rects.push_back({op.x - 1, top, op.width + 2, height, kHighlight});
  }
  if (op.style.underline)
    line.lines.push_back({op.x, op.y + op.style.size * 0.12f, op.x + op.width,
                          op.y + op.style.size * 0.12f, op.style.size * 0.05f,
                          op.style.color});
  if (op.style.strike)
    line.lines.push_back({op.x, op.y - op.style.size * 0.28f, op.x + op.width,
                          op.y - op.style.size * 0.28f, op.style.size * 0.05f,
                          op.style.color});
}

size_t count_code_points(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Positions words[begin, end) as one line.
//
// A justified line takes up its slack in one of two ways. Up to kMaxLetterSpacing
// per glyph it is spread evenly between all glyphs (PDF character spacing, Tc):
// invisible in print, and the line stays one text op per style, half the content
// stream of word-by-word placement. Beyond that the spaces between words stretch,
// each word placed on its own.
constexpr float kMaxLetterSpacing = 0.015f;  // of an em
constexpr float kMaxStretch = 4;  // a space may grow by four spaces at most

// The kerning where fragment f follows prev with no space between: they are
// drawn as one string when their styles and links agree (make_line).
float junction_kern(const Frag* prev, const Frag& f, const GlyphMetrics& m) {
  if (!prev || !(prev->run->style == f.run->style) || prev->run->link != f.run->link) return 0;
  return kern_pt(m, f.run->style, last_code_point(prev->text), first_code_point(f.text));
}

Line make_line(const std::vector<Word>& words, size_t begin, size_t end, float width,
               Align align, bool last, float leading, const GlyphMetrics& m) {
  Line line;
  float max_size = 0;
  int glues = 0;
  size_t glyphs = 0;
  float natural = 0, natural_glue = 0;
  const Frag* prev = nullptr;
  for (size_t i = begin; i < end; ++i) {
    for (const Frag& f : words[i].frags) {
      max_size = std::max(max_size, f.run->style.size);
      glyphs += count_code_points(f.text);
      natural += junction_kern(prev, f, m);
      prev = &f;
    }
    natural += words[i].width;
    if (i + 1 < end && words[i].glue > 0) {
      natural += words[i].glue;
      natural_glue += words[i].glue;
      ++glues;
      ++glyphs;  // the space
      prev = nullptr;
    }
  }
  // A line that ends inside a hyphenated word ends with a hyphen, drawn as the
  // soft hyphen U+00AD: it prints as "-", and copying, searching and pdftotext
  // know it for a hyphen that is not part of the word.
  const bool hyphen = !last && words[end - 1].hyphen_width > 0;
  if (hyphen) {
    natural += words[end - 1].hyphen_width;
    ++glyphs;
  }
  line.height = std::max(leading, max_size * 1.2f);
  line.width = natural;
  // Liberation's ascender is 0.891 em and its descender 0.216 em: centre that box.
  const float baseline = (line.height - 1.107f * max_size) / 2 + 0.891f * max_size;
  const float slack = std::max(0.0f, width - natural);
  float extra = 0;    // added to each space between words
  float spacing = 0;  // added after each glyph
  float x = 0;
  if (align == Align::justify && !last && slack > 0) {
    if (glyphs > 1 && slack / float(glyphs - 1) <= kMaxLetterSpacing * max_size) {
      spacing = slack / float(glyphs - 1);
    } else if (glues > 0) {
      // A loose line spreads what it can between the letters too, so that its
      // word gaps stay closer to those of the lines around it.
      if (glyphs > 1) spacing = kMaxLetterSpacing * max_size;
      extra = (slack - spacing * float(glyphs - 1)) / float(glues);
    }
    // A line cut short by something unbreakable after it (a URL, a long code
    // span) would show holes of many spaces: it stays ragged instead.
    if (glues > 0 && slack / float(glues) > kMaxStretch * (natural_glue / float(glues))) extra = spacing = 0;
  } else if (align == Align::justify && !last && natural > width && glues > 0) {
    // Chosen by choose_breaks within kMaxShrink of the spaces.
    extra = std::max(width - natural, -kMaxShrink * natural_glue) / float(glues);
  } else if (align == Align::center) {
    x = slack / 2;
  } else if (align == Align::right) {
    x = slack;
  }

  // While the ops are built their widths are advances: every glyph is followed by
  // `spacing`, the last one of an op too.
  TextOp* open = nullptr;  // the op that the next fragment may extend
  prev = nullptr;
  for (size_t i = begin; i < end; ++i) {
    const Word& w = words[i];
    for (const Frag& f : w.frags) {
      const float advance = f.width + spacing * float(count_code_points(f.text)) + junction_kern(prev, f, m);
      prev = &f;
      if (open && open->style == f.run->style && open->link == f.run->link) {
        open->text += f.text;
        open->width += advance;
      } else {
        line.texts.push_back({x, baseline, advance, f.run->style, f.text, f.run->link, spacing});
        open = &line.texts.back();
      }
      x += advance;
    }
    if (i + 1 == end || w.glue == 0) continue;
    prev = nullptr;
    // The space stays in the text so that copying and pdftotext see words. When
    // the spaces stretch, the next word gets its own op at its position, and the
    // space does not count in the op's width.
    open->text += ' ';
    x += w.glue + spacing + extra;
    if (extra != 0) open = nullptr;
    else open->width += w.glue + spacing;
  }
  if (hyphen && open) {
    append_utf8(open->text, kSoftHyphen);
    open->width += words[end - 1].hyphen_width + spacing;
  }
  // An op's width ends at the ink of its last glyph, not after its spacing.
  for (TextOp& op : line.texts) op.width -= spacing;
  for (const TextOp& op : line.texts) add_decorations(op, line);
  return line;
}

}  // namespace

float text_width(const GlyphMetrics& metrics, const Style& style, std::string_view text) {
  return measure(metrics, style, text);
}

std::string fit_with_ellipsis(const GlyphMetrics& metrics, const Style& style, std::string_view text,
                              float max_width) {
  if (text_width(metrics, style, text) <= max_width) return std::string(text);
  // One pass over prefix widths: re-measuring each shorter prefix would be
  // quadratic, and a title can be as long as the input.
  const std::string_view ellipsis = "…";
  const float room = max_width - text_width(metrics, style, ellipsis);
  size_t cut = 0;
  float width = 0;
  walk_advances(metrics, style, text, [&](size_t end, float advance) {
    width += advance;
    if (width > room) return false;
    cut = end;
    return true;
  });
  return std::string(text.substr(0, cut)) + std::string(ellipsis);
}

std::vector<Run> resolve_glyphs(const std::vector<Run>& runs, const GlyphMetrics& metrics,
                                Diagnostics& diag) {
  std::set<char32_t> reported;
  std::vector<Run> out;
  auto emit = [&](const Run& like, Face face, char32_t cp) {
    Style style = like.style;
    style.face = face;
    if (out.empty() || !(out.back().style == style) || out.back().link != like.link)
      out.push_back({"", style, like.link});
    append_utf8(out.back().text, cp);
  };
  // Nearly every run needs no change: its face has all its characters. Such a
  // run is taken whole instead of being rebuilt character by character.
  auto drawable_as_is = [&](const Run& run) {
    for (size_t pos = 0; pos < run.text.size();) {
      const char32_t cp = next_code_point(run.text, pos);
      if (cp == '\t' || is_invisible(cp) || (cp != '\n' && metrics.advance(run.style.face, cp) < 0))
        return false;
    }
    return true;
  };
  for (const Run& run : runs) {
    if (run.text.empty()) continue;
    if (drawable_as_is(run)) {
      if (out.empty() || !(out.back().style == run.style) || out.back().link != run.link)
        out.push_back({"", run.style, run.link});
      out.back().text += run.text;
      continue;
    }
    // Text that did not come through a reader may still be decomposed ("a" and
    // a combining diaeresis): the fonts have the composed letters.
    const std::string text = to_nfc(run.text);
    for (size_t pos = 0; pos < text.size();) {
      char32_t cp = next_code_point(text, pos);
      if (cp == '\t') cp = ' ';
      if (is_invisible(cp)) continue;
      if (cp == '\n' || cp == kSoftHyphen || metrics.advance(run.style.face, cp) >= 0) {
        emit(run, run.style.face, cp);
        continue;
      }
      if (metrics.advance(Face::symbol, cp) >= 0) {
        emit(run, Face::symbol, cp);
        continue;
      }
      if (reported.insert(cp).second) {
        char code[16];
        std::string ch;
        if (cp >= 0x20) append_utf8(ch, cp);
        std::snprintf(code, sizeof code, "U+%04X", unsigned(cp));
        diag.warning({}, ch.empty() ? fill(tr("PDF: no font has a glyph for {}; it is printed as a replacement "
                                              "character"),
                                           {code})
                                    : fill(tr("PDF: no font has a glyph for {} \"{}\"; it is printed as a "
                                              "replacement character"),
                                           {code, ch}));
      }
      if (metrics.advance(Face::symbol, 0xFFFD) >= 0) emit(run, Face::symbol, 0xFFFD);
      else emit(run, run.style.face, '?');
    }
  }
  return out;
}

void measure_extent(const std::vector<Run>& runs, const GlyphMetrics& metrics,
                    float& min_width, float& max_width) {
  min_width = max_width = 0;
  float chunk = 0, segment = 0;  // since the last break opportunity / forced break
  for (const Word& w : split_words(runs, metrics)) {
    chunk += w.width;
    segment += w.width;
    min_width = std::max(min_width, chunk);
    max_width = std::max(max_width, segment);
    if (w.breakable) chunk = 0;
    else chunk += w.glue;
    if (w.forced) segment = 0;
    else segment += w.glue;
  }
}

namespace {

// The line breaks of all words, between forced breaks: (first word, end) per line.
std::vector<std::pair<size_t, size_t>> all_breaks(const std::vector<Word>& words, float width, bool justify,
                                                  float space, double& worst) {
  std::vector<std::pair<size_t, size_t>> lines;
  size_t begin = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!words[i].forced && i + 1 < words.size()) continue;
    size_t start = begin;
    for (size_t e : choose_breaks(words, begin, i + 1, width, justify, space, worst)) {
      lines.emplace_back(start, e);
      start = e;
    }
    begin = i + 1;
  }
  return lines;
}

// Like TeX's \pretolerance: a paragraph whose lines are all at least this good
// without hyphenation is not hyphenated (most paragraphs of an agreement are one
// to three lines). 100 is spaces at 1.5 times their width.
constexpr double kPretolerance = 100;

}  // namespace

std::vector<Line> break_lines(const std::vector<Run>& runs, float width, Align align,
                              float leading, const GlyphMetrics& metrics, const Hyphenator* hyphenator) {
  std::vector<Word> split = split_words(runs, metrics);
  std::vector<Line> lines;
  if (split.empty()) return lines;
  float space = 0;
  for (const Run& r : runs) space = std::max(space, advance_pt(metrics, r.style, ' '));
  if (space <= 0) space = 3;
  const bool justify = align == Align::justify;
  auto prepare = [&](std::vector<Word> words, const Hyphenator* h) {
    hyphenate_words(words, h, metrics);
    split_long_words(words, width, metrics);
    set_lead_kerning(words, metrics);
    return words;
  };
  // Soft hyphens only; the words are kept for a second pass only with a hyphenator.
  std::vector<Word> words = prepare(hyphenator ? split : std::move(split), nullptr);
  double worst = 0;
  std::vector<std::pair<size_t, size_t>> breaks = all_breaks(words, width, justify, space, worst);
  if (hyphenator && worst > kPretolerance) {
    words = prepare(std::move(split), hyphenator);
    breaks = all_breaks(words, width, justify, space, worst);
  }
  for (size_t k = 0; k < breaks.size(); ++k) {
    const auto [start, end] = breaks[k];
    const bool last = end == words.size() || words[end - 1].forced;
    lines.push_back(make_line(words, start, end, width, align, last, leading, metrics));
  }
  return lines;
}

}  // namespace kovgen::layout
