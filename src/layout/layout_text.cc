// Line breaking and justification (layout.h): runs -> words -> lines.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <set>

#include "i18n.h"
#include "layout.h"
#include "layout_items.h"
#include "utf8.h"

namespace kovgen::layout {

namespace {

// Invisible code points that must not reach the font: a soft hyphen would print as
// a hyphen in the middle of a word, the others as boxes.
bool is_invisible(char32_t cp) {
  return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

bool is_letter(char32_t cp) {
  return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7);
}

// A piece of a word in one run's style.
struct Frag {
  const Run* run = nullptr;
  std::string text;
  float width = 0;
};

// A word: what lies between two break opportunities.
struct Word {
  std::vector<Frag> frags;
  float width = 0;
  float glue = 0;           // width of the space after it (0: none)
  bool breakable = true;    // a line may end after it
  bool forced = false;      // a line must end after it ("\n")
};

float advance_pt(const GlyphMetrics& m, const Style& s, char32_t cp) {
  int w = m.advance(s.face, cp);
  return w > 0 ? w * s.size / 1000.0f : 0.0f;
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
      if (w.frags.empty() || w.frags.back().run != &run) w.frags.push_back({&run, {}, 0});
      Frag& f = w.frags.back();
      append_utf8(f.text, cp);
      float adv = advance_pt(m, run.style, cp);
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
        if (piece.width + adv > width && (piece.width > 0 || cur.width > 0)) {
          if (!cur.text.empty()) piece.frags.push_back(cur);
          out.push_back(piece);
          piece = Word{};
          piece.breakable = true;
          cur = Frag{f.run, {}, 0};
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
    out.push_back(std::move(piece));
  }
  words = std::move(out);
}

// Chooses break points in words[begin, end) (no forced break inside) that
// minimise the summed badness of the lines; returns the index after each line.
std::vector<size_t> choose_breaks(const std::vector<Word>& words, size_t begin, size_t end,
                                  float width, bool justify, float space) {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> best(end - begin + 1, inf);
  std::vector<size_t> from(end - begin + 1, begin);
  best[0] = 0;
  for (size_t j = begin + 1; j <= end; ++j) {
    if (j < end && !words[j - 1].breakable) continue;
    double line_width = 0;
    int glues = 0;
    for (size_t i = j; i-- > begin;) {
      line_width += words[i].width;
      if (i + 1 < j) {
        line_width += words[i].glue;
        if (words[i].glue > 0) ++glues;
      }
      if (line_width > width + 0.01 && i + 1 < j) break;
      if (i > begin && !words[i - 1].breakable) continue;
      if (best[i - begin] == inf) continue;
      double cost = 0;
      if (j < end) {
        double slack = std::max(0.0, width - line_width);
        if (justify) {
          // Badness of the stretched spaces, like TeX: grows with the cube.
          const double ratio = std::min(slack / (std::max(glues, 1) * space), 10.0);
          cost = 100 * ratio * ratio * ratio + (glues == 0 ? 1000 : 0);
        } else {
          cost = slack * slack / (space * space);
        }
      }
      cost += 10;  // each line costs a little: prefer fewer lines
      if (best[i - begin] + cost < best[j - begin]) {
        best[j - begin] = best[i - begin] + cost;
        from[j - begin] = i;
      }
    }
  }
  std::vector<size_t> ends;
  for (size_t j = end; j > begin; j = from[j - begin]) {
    ends.push_back(j);
    if (best[j - begin] == inf) break;  // unreachable: cannot happen after splitting
  }
  std::reverse(ends.begin(), ends.end());
  return ends;
}

void add_decorations(const TextOp& op, Line& line) {
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

Line make_line(const std::vector<Word>& words, size_t begin, size_t end, float width,
               Align align, bool last, float leading) {
  Line line;
  float max_size = 0;
  int glues = 0;
  size_t glyphs = 0;
  float natural = 0, natural_glue = 0;
  for (size_t i = begin; i < end; ++i) {
    for (const Frag& f : words[i].frags) {
      max_size = std::max(max_size, f.run->style.size);
      glyphs += count_code_points(f.text);
    }
    natural += words[i].width;
    if (i + 1 < end && words[i].glue > 0) {
      natural += words[i].glue;
      natural_glue += words[i].glue;
      ++glues;
      ++glyphs;  // the space
    }
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
    if (glyphs > 1 && slack / float(glyphs - 1) <= kMaxLetterSpacing * max_size)
      spacing = slack / float(glyphs - 1);
    else if (glues > 0)
      extra = slack / float(glues);
    // A line cut short by something unbreakable after it (a URL, a long code
    // span) would show holes of many spaces: it stays ragged instead.
    if (extra > kMaxStretch * (natural_glue / float(std::max(glues, 1)))) extra = 0;
  } else if (align == Align::center) {
    x = slack / 2;
  } else if (align == Align::right) {
    x = slack;
  }

  // While the ops are built their widths are advances: every glyph is followed by
  // `spacing`, the last one of an op too.
  TextOp* open = nullptr;  // the op that the next fragment may extend
  for (size_t i = begin; i < end; ++i) {
    const Word& w = words[i];
    for (const Frag& f : w.frags) {
      const float advance = f.width + spacing * float(count_code_points(f.text));
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
    // The space stays in the text so that copying and pdftotext see words. When
    // the spaces stretch, the next word gets its own op at its position, and the
    // space does not count in the op's width.
    open->text += ' ';
    x += w.glue + spacing + extra;
    if (extra > 0) open = nullptr;
    else open->width += w.glue + spacing;
  }
  // An op's width ends at the ink of its last glyph, not after its spacing.
  for (TextOp& op : line.texts) op.width -= spacing;
  for (const TextOp& op : line.texts) add_decorations(op, line);
  return line;
}

}  // namespace

float text_width(const GlyphMetrics& metrics, const Style& style, std::string_view text) {
  float w = 0;
  for (size_t pos = 0; pos < text.size();) w += advance_pt(metrics, style, next_code_point(text, pos));
  return w;
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
  for (size_t pos = 0; pos < text.size();) {
    width += advance_pt(metrics, style, next_code_point(text, pos));
    if (width > room) break;
    cut = pos;
  }
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
    for (size_t pos = 0; pos < run.text.size();) {
      char32_t cp = next_code_point(run.text, pos);
      if (cp == '\t') cp = ' ';
      if (is_invisible(cp)) continue;
      if (cp == '\n' || metrics.advance(run.style.face, cp) >= 0) {
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

std::vector<Line> break_lines(const std::vector<Run>& runs, float width, Align align,
                              float leading, const GlyphMetrics& metrics) {
  std::vector<Word> words = split_words(runs, metrics);
  split_long_words(words, width, metrics);
  std::vector<Line> lines;
  if (words.empty()) return lines;
  float space = 0;
  for (const Run& r : runs) space = std::max(space, advance_pt(metrics, r.style, ' '));
  if (space <= 0) space = 3;
  size_t begin = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!words[i].forced && i + 1 < words.size()) continue;
    std::vector<size_t> ends = choose_breaks(words, begin, i + 1, width,
                                             align == Align::justify, space);
    size_t start = begin;
    for (size_t e : ends) {
      lines.push_back(make_line(words, start, e, width, align, e == i + 1, leading));
      start = e;
    }
    begin = i + 1;
  }
  return lines;
}

}  // namespace kovgen::layout
