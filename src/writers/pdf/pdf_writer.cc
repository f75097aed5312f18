#include "haru_library.h"
#include "pdf_writer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <zlib.h>

#include "content_fingerprint.h"
#include "german_hyphenator.h"
#include "haru_internals.h"
#include "i18n.h"
#include "layout.h"
#include "pdf_blocks.h"
#include "pdf_change_bars.h"
#include "pdf_fonts.h"
#include "pdf_haru.h"
#include "pdf_watermark.h"
#include "utf8.h"

namespace kovgen {

namespace {

using layout::Color;
using layout::Page;
using layout::TextOp;

// PDFDocEncoding (PDF 1.7, Annex D) for outline titles and document info: libharu
// writes strings through the UTF-8 encoder as UTF-16 hex, four bytes per letter;
// a literal string in PDFDocEncoding takes one for ASCII. Nullopt when some
// character is not in PDFDocEncoding; such strings stay UTF-16.
std::optional<std::string> pdf_doc_encoding(std::string_view utf8) {
  // Code points of bytes 0x80..0xA0 (0x9F is undefined).
  static constexpr char32_t kHigh[] = {
      0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203A, 0x2212,
      0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141,
      0x0152, 0x0160, 0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0, 0x20AC};
  std::string out;
  for (size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = next_code_point(utf8, pos);
    if ((cp >= 0x20 && cp < 0x7F) || (cp > 0xA0 && cp <= 0xFF && cp != 0xAD)) {
      out += char(cp);
      continue;
    }
    const char32_t* hit = std::find(std::begin(kHigh), std::end(kHigh), cp);
    if (cp == 0 || hit == std::end(kHigh)) return std::nullopt;
    out += char(0x80 + (hit - kHigh));
  }
  return out;
}

// Link targets must be ASCII in a PDF: other bytes are percent-encoded.
std::string ascii_uri(const std::string& uri) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : uri) {
    if (c > 0x20 && c < 0x7F) {
      out += char(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// Positions on a grid of 1/8 pt (0.04 mm, far below what print shows): libharu
// writes text positions relative to the last one, and differences of such binary
// fractions print as short exact numbers ("48.125", not "48.14523"), which makes
// the content streams a good deal smaller.
float snap(float v) { return std::round(v * 8) / 8; }

class PageDrawer {
 public:
  PageDrawer(HPDF_Page page, PdfFonts& fonts, float height)
      : page_(page), fonts_(fonts), height_(height) {}

  // The draft stamp, drawn first so that the text stays on top of it; round caps
  // and joins for the look of a brush.
  void watermark(const Stamp& stamp) {
    std::string& out = content_;
    out += "q 1 J 1 j ";  // saved state; round caps and joins
    append_numbers(out, {stamp.width});
    out += "w ";
    append_numbers(out, {stamp.color.r, stamp.color.g, stamp.color.b});
    out += "RG\n";
    for (const auto& stroke : stamp.strokes) {
      for (size_t i = 0; i < stroke.size(); ++i) {
        append_numbers(out, {stroke[i].first, std::round((height_ - stroke[i].second) * 2) / 2});
        out += i ? "l\n" : "m\n";
      }
      out += "S\n";
    }
    out += "Q\n";
  }

  // Rectangles and lines are written to the content stream directly too (see
  // texts()): libharu clears a 512-byte buffer byte by byte in every MoveTo and
  // LineTo, and a table has hundreds of borders.
  void rects(const std::vector<layout::RectOp>& rects) {
    std::string& out = content_;
    for (const auto& r : rects) {
      fill(out, r.fill);
      const float bottom = snap(height_ - r.y - r.h), top = snap(height_ - r.y);
      append_numbers(out, {snap(r.x), bottom, snap(r.x + r.w) - snap(r.x), top - bottom});
      out += "re f\n";
    }
  }

  void lines(const std::vector<layout::LineOp>& lines) {
    std::string& out = content_;
    for (const auto& l : lines) {
      if (l.width != line_width_) {
        append_numbers(out, {line_width_ = l.width});
        out += "w\n";
      }
      if (!(l.color == stroke_) || !stroke_set_) {
        append_numbers(out, {l.color.r, l.color.g, l.color.b});
        out += "RG\n";
        stroke_ = l.color;
        stroke_set_ = true;
      }
      append_numbers(out, {snap(l.x1), snap(height_ - l.y1)});
      out += "m ";
      append_numbers(out, {snap(l.x2), snap(height_ - l.y2)});
      out += "l S\n";
    }
  }

  // Text goes into the content stream directly, not through HPDF_Page_TextOut:
  // libharu re-measures every string it shows, clears a 512-byte buffer byte by
  // byte for each call and can only move between strings with a Td of its own.
  // A justified line, whose words sit at computed places, took one TextOut per
  // word. Here the runs of one line that share font, size, colour and spacing
  // become one TJ, the gaps between them given as TJ offsets. libharu only names
  // the fonts in the page's resources.
  void texts(const std::vector<TextOp>& texts) {
    if (texts.empty()) return;
    std::string& out = content_;
    out += "BT\n";
    line_x_ = line_y_ = 0;  // BT resets the text line matrix
    const TextOp* font_of = nullptr;
    for (size_t i = 0; i < texts.size();) {
      const TextOp& t = texts[i];
      if (!font_of || font_of->style.face != t.style.face || font_of->style.size != t.style.size) {
        // Names the font in the page's resources, adding it there on first use.
        const HPDF_Font font = fonts_.font(t.style.face);
        const char* name = font ? haru().Page_GetLocalFontName(page_, font) : nullptr;
        if (!name) {
          failure_ = tr("a font was not created before drawing with it");
          return;
        }
        out += '/';
        out += name;
        out += ' ';
        append_numbers(out, {t.style.size});
        out += "Tf\n";
      }
      font_of = &t;
      fill(out, t.style.color);
      if (t.char_spacing != char_spacing_) {
        append_numbers(out, {char_spacing_ = t.char_spacing});
        out += "Tc\n";
      }
      size_t end = i + 1;
      while (end < texts.size() && continues_line(texts[end - 1], texts[end])) ++end;
      show_line(out, texts, i, end);
      i = end;
    }
    out += "ET\n";
  }

  // Empty when the page was drawn; else what went wrong.
  const std::string& failure() const { return failure_; }

  // Hands the page's content to libharu, compressed here: libharu deflates at
  // zlib's default level, and the content streams are most of a PDF's bytes.
  // kContentLevel compresses them in about half the time, for 2-3 % more bytes.
  // False if drawing, zlib or libharu failed.
  bool finish() {
    if (!failure_.empty()) return false;
    static constexpr int kContentLevel = 3;
    uLongf size = compressBound(uLong(content_.size()));
    std::string packed(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                  reinterpret_cast<const Bytef*>(content_.data()), uLong(content_.size()),
                  kContentLevel) != Z_OK)
      return false;
    return haru_internals::set_deflated_content(page_, std::string_view(packed.data(), size));
  }

  // One link annotation per stretch of linked text on a line.
  void links(const std::vector<TextOp>& texts) {
    for (size_t i = 0; i < texts.size(); ++i) {
      const TextOp& t = texts[i];
      if (t.link.empty()) continue;
      float right = t.x + t.width;
      while (i + 1 < texts.size() && texts[i + 1].link == t.link && texts[i + 1].y == t.y) {
        ++i;
        right = texts[i].x + texts[i].width;
      }
      HPDF_Rect rect{t.x, height_ - t.y - t.style.size * 0.25f, right,
                     height_ - t.y + t.style.size * 0.85f};
      HPDF_Annotation a = haru().Page_CreateURILinkAnnot(page_, rect, ascii_uri(t.link).c_str());
      if (a) haru().LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }
  }

 private:
  void fill(std::string& out, const Color& c) {
    if (fill_set_ && c == fill_) return;
    append_numbers(out, {c.r, c.g, c.b});
    out += "rg\n";
    fill_ = c;
    fill_set_ = true;
  }

  // Whether b can be shown in the same TJ as a: same line, font, size, colour and
  // spacing, and to the right of it.
  static bool continues_line(const TextOp& a, const TextOp& b) {
    return b.y == a.y && b.style.face == a.style.face && b.style.size == a.style.size &&
           b.style.color == a.style.color && b.char_spacing == a.char_spacing && b.x >= a.x;
  }

  // Appends texts[begin, end) to out as one TJ, starting at the first one's position.
  void show_line(std::string& out, const std::vector<TextOp>& texts, size_t begin, size_t end) {
    const TextOp& first = texts[begin];
    const float size = first.style.size;
    if (!(size > 0)) {
      failure_ = tr("a text has no font size");
      return;
    }
    const float x = snap(first.x), y = snap(height_ - first.y);
    append_numbers(out, {x - line_x_, y - line_y_});
    out += "Td\n[";
    line_x_ = x;
    line_y_ = y;
    float pen = x;  // where the viewer's pen is after what has been shown so far
    for (size_t i = begin; i < end; ++i) {
      const TextOp& t = texts[i];
      if (i > begin) {
        // TJ offsets are in thousandths of the font size, positive to the left.
        const float offset = std::round((snap(t.x) - pen) * 10000 / size) / 10;
        if (offset != 0) {
          append_number(out, -offset);
          pen += offset * size / 1000;
        }
      }
      out += '(';
      char32_t prev = 0;
      for (size_t pos = 0; pos < t.text.size();) {
        const char32_t cp = next_code_point(t.text, pos);
        // The layout measured these pairs kerned (layout_text.cc: kern_pt), never around spaces.
        const int kern = prev && prev != ' ' && cp != ' ' ? fonts_.kerning(t.style.face, prev, cp) : 0;
        if (kern != 0) {
          out += ')';
          append_number(out, float(-kern));
          out += '(';
          pen += float(kern) * size / 1000;
        }
        prev = cp;
        const uint16_t code = fonts_.code(t.style.face, cp);
        append_code_byte(out, char(code >> 8));
        append_code_byte(out, char(code & 0xFF));
        pen += float(std::max(0, fonts_.advance(t.style.face, cp))) * size / 1000 + t.char_spacing;
      }
      out += ')';
    }
    out += "] TJ\n";
  }

  // Each number followed by a space.
  void append_numbers(std::string& out, std::initializer_list<float> values) {
    for (float v : values) {
      append_number(out, v);
      out += ' ';
    }
  }

  // Codes go into a literal string, two bytes each: half the size of hex, and the
  // content streams are most of what the PDF has to compress. Only the
  // delimiters, the backslash and line ends need an escape.
  static void append_code_byte(std::string& out, char byte) {
    switch (byte) {
      case '(': case ')': case '\\': out += '\\'; out += byte; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      default: out += byte;
    }
  }

  // A short exact form to three decimals: "-12.5", "3", "0.125". Positions are
  // multiples of 1/8 and offsets of 1/10, so nothing is lost; snprintf was half
  // the time of drawing the text.
  void append_number(std::string& out, float v) {
    // Anything beyond the page by far is a layout bug: no number is better than
    // a wrong one, so the page fails instead (see finish()).
    if (!std::isfinite(v) || std::fabs(v) > 1e7f) {
      failure_ = tr("a coordinate is out of range");
      v = 0;
    }
    long long thousandths = std::llround(double(v) * 1000);
    if (thousandths < 0) {
      out += '-';
      thousandths = -thousandths;
    }
    out += std::to_string(thousandths / 1000);
    int decimals = int(thousandths % 1000);
    if (decimals == 0) return;
    out += '.';
    for (int digit = 100; decimals != 0; digit /= 10) {
      out += char('0' + decimals / digit);
      decimals %= digit;
    }
  }

  HPDF_Page page_;
  PdfFonts& fonts_;
  float height_;
  Color fill_, stroke_;
  bool fill_set_ = false, stroke_set_ = false;
  float line_width_ = 1;  // the PDF default
  float char_spacing_ = 0;
  float line_x_ = 0, line_y_ = 0;  // the text line matrix's origin, inside BT
  std::string content_;            // the page's content stream, built here
  std::string failure_;
};

// Every code point each face draws, for PdfFonts::create_fonts, in order.
std::array<std::vector<char32_t>, layout::kFaceCount> code_points_by_face(
    const std::vector<Page>& pages) {
  std::array<std::vector<uint64_t>, layout::kFaceCount> seen;  // a bit per BMP code point
  for (auto& s : seen) s.assign(0x10000 / 64, 0);
  auto add = [&](const TextOp& t) {
    std::vector<uint64_t>& bits = seen[int(t.style.face)];
    for (size_t pos = 0; pos < t.text.size();) {
      const char32_t cp = next_code_point(t.text, pos);
      if (cp < 0x10000) bits[cp / 64] |= uint64_t(1) << (cp % 64);
    }
  };
  for (const Page& p : pages) {
    for (const TextOp& t : p.texts) add(t);
    for (const TextOp& t : p.furniture) add(t);
  }
  std::array<std::vector<char32_t>, layout::kFaceCount> used;
  for (int f = 0; f < layout::kFaceCount; ++f)
    for (size_t w = 0; w < seen[f].size(); ++w)
      for (uint64_t bits = seen[f][w]; bits; bits &= bits - 1)
        used[f].push_back(char32_t(w * 64 + size_t(__builtin_ctzll(bits))));
  return used;
}

// Bookmarks from the headings, nested by level.
void add_outline(HPDF_Doc pdf, HPDF_Page page, const layout::Anchor& a, float height,
                 std::vector<HPDF_Outline>& parents) {
  const size_t level = size_t(std::max(1, a.level));
  if (parents.size() > level - 1) parents.resize(level - 1);
  while (parents.size() < level - 1) parents.push_back(parents.empty() ? nullptr : parents.back());
  HPDF_Outline parent = parents.empty() ? nullptr : parents.back();
  const std::optional<std::string> latin = pdf_doc_encoding(a.title);
  HPDF_Outline o = latin ? haru().CreateOutline(pdf, parent, latin->c_str(), nullptr)
                         : haru().CreateOutline(pdf, parent, a.title.c_str(),
                                              haru().GetEncoder(pdf, "UTF-8"));
  if (!o) return;
  HPDF_Destination dest = haru().Page_CreateDestination(page);
  // FitH keeps the reader's zoom; an XYZ destination with zoom 0 is rejected.
  if (dest) {
    haru().Destination_SetFitH(dest, height - a.y + 6);
    haru().Outline_SetDestination(o, dest);
  }
  haru().Outline_SetOpened(o, level == 1 ? HPDF_TRUE : HPDF_FALSE);
  parents.push_back(o);
}

// In PDFDocEncoding where the text fits it (every reader shows that), else UTF-8.
void set_info_string(HPDF_Doc pdf, HPDF_InfoType type, const std::string& utf8) {
  const std::optional<std::string> latin = pdf_doc_encoding(utf8);
  haru_internals::set_info(pdf, type, latin ? latin->c_str() : utf8.c_str(), latin.has_value());
}

void set_info(HaruDoc& doc, const DocumentInfo& info, const WriterOptions& options) {
  HPDF_Doc pdf = doc.get();
  set_info_string(pdf, HPDF_INFO_TITLE, info.title);
  set_info_string(pdf, HPDF_INFO_SUBJECT, info.subject);
  set_info_string(pdf, HPDF_INFO_AUTHOR, info.author);
  set_info_string(pdf, HPDF_INFO_CREATOR, options.creator);
  // No creation date: the same draft must give the same bytes.
  haru_internals::set_language(pdf, info.language);
  // Sealed after saving (write_pdf), when the bytes it vouches for are known.
  haru_internals::set_custom_info(pdf, "KovgenFingerprint", std::string(kUnsealedFingerprint).c_str());
}

std::optional<std::string> save(HaruDoc& doc, Diagnostics& diag) {
  if (haru().SaveToStream(doc.get()) != HPDF_OK || doc.failed(tr("writing the PDF"), diag))
    return std::nullopt;
  std::string bytes(haru().GetStreamSize(doc.get()), '\0');
  HPDF_UINT32 size = HPDF_UINT32(bytes.size());
  const HPDF_STATUS st =
      haru().ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  // Reading to the end reports HPDF_STREAM_EOF, which is no error here.
  if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || size != bytes.size() || bytes.empty()) {
    doc.failed(tr("reading the PDF back"), diag);
    if (!diag.has_errors()) diag.error({}, tr("PDF: libharu produced no output"));
    return std::nullopt;
  }
  haru().ResetError(doc.get());
  return bytes;
}

}  // namespace

namespace {

std::optional<std::string> write(cmark_node* root, const WriterOptions& options,
                                 Diagnostics& diag) {
  const DocumentInfo info = document_info(root, options);
  HaruDoc doc;
  if (doc.failed(tr("starting"), diag)) return std::nullopt;
  HPDF_Doc pdf = doc.get();
  haru().SetCompressionMode(pdf, HPDF_COMP_ALL);
  haru().UseUTFEncodings(pdf);
  haru().SetCurrentEncoder(pdf, "UTF-8");
  haru().SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
  if (doc.failed(tr("setting up UTF-8 text"), diag)) return std::nullopt;

  PdfFonts fonts(doc, options.font_dir);
  if (!fonts.load(layout::Face::regular, diag)) return std::nullopt;

  const layout::PageGeometry geometry;
  PdfContent content = pdf_blocks(root, options.change_marks);
  resolve_pdf_glyphs(content, fonts, diag);
  const hyphenation::GermanHyphenator hyphenator;
  std::vector<layout::PageNumber> numbers;
  std::vector<Page> pages = layout::layout_numbered_document(content.blocks, content.boxes, content.numbering,
                                                             geometry, fonts, &hyphenator, numbers,
                                                             options.line_cache.get());
  if (options.change_marks) add_change_bars(pages, geometry);
  // Drafts say so in the running header too, as the DOCX header does: the stamp
  // is strokes, which a reader of the text (or pdftotext) does not see.
  layout::add_page_furniture(pages, info.draft ? "ENTWURF \u2013 " + info.title : info.title, geometry, fonts,
                             &numbers);
  if (!fonts.report(diag) || !fonts.create_fonts(code_points_by_face(pages), diag))
    return std::nullopt;

  const Stamp stamp = draft_watermark(geometry);
  std::vector<HPDF_Outline> parents;
  for (const Page& p : pages) {
    HPDF_Page page = haru().AddPage(pdf);
    if (!page || doc.failed(tr("adding a page"), diag)) return std::nullopt;
    haru().Page_SetWidth(page, geometry.width);
    haru().Page_SetHeight(page, geometry.height);
    PageDrawer draw(page, fonts, geometry.height);
    if (info.draft) draw.watermark(stamp);
    draw.rects(p.rects);
    draw.lines(p.lines);
    draw.lines(p.furniture_lines);
    draw.texts(p.texts);
    draw.texts(p.furniture);
    draw.links(p.texts);
    if (!draw.finish()) {
      diag.error({}, fill(tr("PDF: page {} could not be written: {}"),
                          {std::to_string(&p - pages.data() + 1),
                           draw.failure().empty() ? tr("compressing its content failed") : draw.failure()}));
      return std::nullopt;
    }
    for (const layout::Anchor& a : p.anchors) add_outline(pdf, page, a, geometry.height, parents);
    if (doc.failed(tr("drawing a page"), diag)) return std::nullopt;
  }
  set_info(doc, info, options);
  if (doc.failed(tr("setting the document info"), diag)) return std::nullopt;
  return save(doc, diag);
}

}  // namespace

std::optional<std::string> write_pdf(cmark_node* root, const WriterOptions& options,
                                     Diagnostics& diag) {
  if (!check_markdown_depth(root, options.source_name, diag)) return std::nullopt;
  const int errors_before = diag.error_count();
  std::optional<std::string> bytes = write(root, options, diag);
  if (bytes) seal_in_place(*bytes, kPdfFingerprintMarker);
  // Never fail silently: every way out without bytes must have said why.
  if (!bytes && diag.error_count() == errors_before)
    diag.error({}, tr("PDF: the document could not be written (no further detail from libharu)"));
  return bytes;
}

}  // namespace kovgen
