// Setting text: a line's words positioned and justified (make_line), widths of
// text, and the fonts' coverage of the characters (resolve_glyphs). The words
// come from text_words.cc and word_hyphenation.cc, the breaks from line_breaker.cc.
#include <algorithm>
#include <cstdio>
#include <set>

#include "i18n.h"
#include "layout_items.h"
#include "text_words.h"
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

}  // namespace

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

}  // namespace kovgen::layout
