#pragma once
// The pure layout engine of the PDF writer: styled text runs in, positioned text,
// rules and boxes on A4 pages out. It makes no libharu calls; glyph widths reach it
// through GlyphMetrics, so tests drive it with a fake fixed-width font and check
// positions without reading PDFs.
//
// Coordinates are PDF points (1/72 inch). x grows to the right from the left paper
// edge, y grows DOWNWARDS from the top paper edge (the writer flips it).
#include <string>
#include <vector>

#include "diagnostics.h"

namespace kovgen::layout {

// The type faces a document uses. Missing glyphs fall back to `symbol`.
enum class Face : unsigned char { regular, bold, italic, bold_italic, mono, symbol };
constexpr int kFaceCount = 6;

struct Color {
  float r = 0, g = 0, b = 0;  // 0..1
  bool operator==(const Color&) const = default;
};

struct Style {
  Face face = Face::regular;
  float size = 11;  // points
  Color color;
  bool underline = false;
  bool strike = false;
  // On a light yellow background: the placeholders („[offen: …]“) of a draft.
  bool highlight = false;
  bool operator==(const Style&) const = default;
};

// A piece of text in one style. "\n" in text is a forced line break.
struct Run {
  std::string text;  // UTF-8
  Style style;
  std::string link;  // target URI, empty for none
};

// Glyph widths, in thousandths of an em. The PDF writer implements this with
// libharu; tests with a fixed-width fake.
class GlyphMetrics {
 public:
  virtual ~GlyphMetrics() = default;
  // Advance width of the code point in the face, or -1 if the face has no glyph.
  virtual int advance(Face face, char32_t cp) const = 0;
  // Pair kerning between two consecutive code points in one face (negative:
  // closer). Measuring and drawing both add it, so justified lines stay exact.
  virtual int kerning(Face /*face*/, char32_t /*left*/, char32_t /*right*/) const { return 0; }
};

// A place where a word may be hyphenated: after `letters` code points of it.
struct HyphenPoint {
  int letters = 0;
  bool joint = false;  // between the parts of a compound: the better place
};

// Where words may be hyphenated. The PDF writer uses German patterns
// (src/hyphenation); tests use fakes. The layout decides which of the points it
// uses (word length, letters on each side, protected words).
class Hyphenator {
 public:
  virtual ~Hyphenator() = default;
  // Appends the points of `word` (letters only, UTF-8, any case), ascending.
  virtual void hyphenate(std::string_view word, std::vector<HyphenPoint>& points) const = 0;
};

// Width of UTF-8 text in one style, kerned, in points (missing glyphs count as 0).
float text_width(const GlyphMetrics& metrics, const Style& style, std::string_view text);

// The text as it is when it fits into max_width, else its longest prefix that
// fits together with a trailing "…".
std::string fit_with_ellipsis(const GlyphMetrics& metrics, const Style& style, std::string_view text,
                              float max_width);

// Replaces every code point that the run's face lacks: it moves to the symbol face
// when that has it, else becomes U+FFFD (or "?") and is reported as a warning.
std::vector<Run> resolve_glyphs(const std::vector<Run>& runs, const GlyphMetrics& metrics,
                                Diagnostics& diag);

// ---- Input: blocks -----------------------------------------------------------

enum class Align { justify, left, center, right };

enum class MarkerKind { none, text, box_empty, box_checked };

struct Paragraph {
  std::vector<Run> runs;
  Align align = Align::justify;
  float leading = 14.5f;  // distance between baselines
  // A list marker set in the hanging indent left of the first line.
  MarkerKind marker = MarkerKind::none;
  std::vector<Run> marker_runs;  // for MarkerKind::text, right-aligned
  float marker_gap = 5;          // between the marker's right edge and the text
  // An outline entry for this paragraph (headings): level 1, 2, 3; 0 for none.
  int outline_level = 0;
  // Words may be hyphenated (not in headings). Soft hyphens count regardless.
  bool hyphenate = true;
  std::string outline_title;
};

struct TableCell {
  std::vector<Run> runs;
};

struct Table {
  std::vector<std::vector<TableCell>> rows;  // rows[0] is the header row
  std::vector<Align> align;                  // per column
  bool header = true;                        // repeat rows[0] after page breaks
  bool equal_columns = false;                // every column as wide as the others, whatever its content
  float leading = 12.5f;
  Color header_fill{0.92f, 0.92f, 0.92f};
  Color rule{0.55f, 0.55f, 0.55f};
};

enum class BlockKind { paragraph, rule, table };

struct Block {
  BlockKind kind = BlockKind::paragraph;
  Paragraph para;
  Table table;
  float indent_left = 0;   // from the left edge of the text area
  float indent_right = 0;  // from the right edge of the text area
  float space_before = 0;  // dropped at the top of a page
  float space_after = 0;
  bool keep_with_next = false;     // no page break between this block and the next
  bool page_break_before = false;  // start a new page
  int keep_group = 0;  // blocks with the same nonzero group stay on one page when they fit
  int box = 0;         // nonzero: member of boxes[box - 1]
};

// A decoration around consecutive blocks: an alert (tinted, with a coloured bar)
// or a block quote (bar only). It may break across pages; each page gets its part.
struct Box {
  float indent_left = 0, indent_right = 0;  // of the box edges, from the text area
  bool filled = false;
  Color fill;
  Color bar;
  float bar_width = 3;
  float padding = 6;  // above the first and below the last line of each part
};

struct PageGeometry {
  float width = 595.276f;  // A4
  float height = 841.89f;
  float margin_top = 70.87f;  // 25 mm
  float margin_bottom = 70.87f;
  float margin_left = 70.87f;
  float margin_right = 70.87f;
  float text_width() const { return width - margin_left - margin_right; }
  float text_height() const { return height - margin_top - margin_bottom; }
};

// ---- Output: pages -----------------------------------------------------------

struct TextOp {
  float x = 0, y = 0;  // left end of the baseline
  float width = 0;     // from x to the end of the last glyph
  Style style;
  std::string text;
  std::string link;
  float char_spacing = 0;  // added after every glyph (PDF Tc), for justification
};

struct LineOp {
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  float width = 0.5f;
  Color color;
};

struct RectOp {
  float x = 0, y = 0, w = 0, h = 0;  // y is the top edge
  Color fill;
};

struct Anchor {
  int level = 1;
  std::string title;
  float y = 0;  // top of the heading
};

struct Page {
  std::vector<RectOp> rects;  // drawn first
  std::vector<LineOp> lines;
  std::vector<TextOp> texts;
  std::vector<Anchor> anchors;
  // Running header and footer: outside the text area by design, kept apart so
  // that "nothing beyond the margins" can be checked on the body.
  std::vector<TextOp> furniture;
  std::vector<LineOp> furniture_lines;
};

// One laid-out line of a paragraph or table cell, x relative to its left edge
// and y relative to the line's top.
struct Line {
  std::vector<TextOp> texts;
  std::vector<LineOp> lines;  // underlines and strike-throughs
  float height = 0;
  float width = 0;  // natural width of its content
  std::vector<RectOp> rects;  // backgrounds of highlighted text, drawn below it
};

// Breaks runs into lines of at most `width` points: the line breaks minimise the
// raggedness of the paragraph; justified lines fill the width exactly, the last
// line and lines ending in a forced break stay ragged; a word longer than the
// line is broken between characters. Soft hyphens (U+00AD) and, with a
// hyphenator, hyphenation points are break opportunities that draw a hyphen.
std::vector<Line> break_lines(const std::vector<Run>& runs, float width, Align align,
                              float leading, const GlyphMetrics& metrics,
                              const Hyphenator* hyphenator = nullptr);

// Lays the blocks out on pages: widows and orphans, keep-with-next, keep groups,
// forced page breaks, table header repeat, boxes split across pages. Paragraphs
// that allow it are hyphenated with `hyphenator` (none: not at all). With
// `line_cache`, paragraphs broken before are not broken again (line_cache.h).
class LineCache;
std::vector<Page> layout_document(const std::vector<Block>& blocks,
                                  const std::vector<Box>& boxes, const PageGeometry& page,
                                  const GlyphMetrics& metrics,
                                  const Hyphenator* hyphenator = nullptr, LineCache* line_cache = nullptr);

// Where the page count starts afresh: blocks[first_block] begins a new page, and the
// pages up to the next start are numbered on their own, their footer led by the label
// („Anlage 3 – Seite 1 von 2“). The pages before the first start are the document's.
struct NumberingStart {
  size_t first_block = 0;
  std::string label;
};

// What a page's footer counts: „Seite 3 von 9“, or with a label „Anlage 3 – Seite 1 von 2“.
struct PageNumber {
  std::string label;
  int number = 1;
  int total = 1;
  bool operator==(const PageNumber&) const = default;
};

// layout_document for each part between numbering starts, the pages one after the
// other; `numbers` gets each page's PageNumber.
std::vector<Page> layout_numbered_document(const std::vector<Block>& blocks, const std::vector<Box>& boxes,
                                           const std::vector<NumberingStart>& starts, const PageGeometry& page,
                                           const GlyphMetrics& metrics, const Hyphenator* hyphenator,
                                           std::vector<PageNumber>& numbers, LineCache* line_cache = nullptr);

// The footer's text for a page: „Seite 3 von 9“ or „Anlage 3 – Seite 1 von 2“.
std::string page_number_label(const PageNumber& number);

// Adds the running header (the title) and the footer "Seite X von Y" to every page;
// with `numbers` (one per page), each page's footer says what its PageNumber says.
void add_page_furniture(std::vector<Page>& pages, const std::string& title,
                        const PageGeometry& page, const GlyphMetrics& metrics,
                        const std::vector<PageNumber>* numbers = nullptr);

}  // namespace kovgen::layout
