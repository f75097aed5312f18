#pragma once
// The embedded fonts of the PDF writer, loaded into a libharu document, and their
// glyph widths for the layout engine.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <hpdf.h>

#include "diagnostics.h"
#include "layout.h"
#include "pdf_haru.h"

namespace kovgen {

// Where the font file of a face is found: in font_dir (the front-end's choice,
// e.g. $KOVGEN_FONT_DIR), then the subsets made at build time (cmake/fonts.cmake),
// then the full fonts of the Debian packages.
std::string pdf_font_path(layout::Face face, const std::string& font_dir);

class PdfFonts : public layout::GlyphMetrics {
 public:
  PdfFonts(HaruDoc& doc, std::string font_dir) : doc_(doc), font_dir_(std::move(font_dir)) {}

  // Loads a face's font file now (others load on first use); false after
  // reporting why it failed.
  bool load(layout::Face face, Diagnostics& diag);

  // Glyph widths; a face's file is loaded on its first use. A face that fails to
  // load has no glyphs; report() tells why.
  int advance(layout::Face face, char32_t cp) const override;

  // The source fonts' pair kerning (kern_pairs.h); the same whichever file
  // a face was loaded from, since the subsets keep the source's metrics.
  int kerning(layout::Face face, char32_t left, char32_t right) const override;

  // Creates the fonts to draw with. `used[face]` lists every code point that will
  // be drawn in that face, and nothing else may be drawn with it.
  bool create_fonts(const std::array<std::vector<char32_t>, layout::kFaceCount>& used,
                    Diagnostics& diag);

  HPDF_Font font(layout::Face face) const { return fonts_[int(face)]; }

  // The two-byte code that draws cp in a font made by create_fonts: characters
  // are numbered 1, 2, 3, ... in the order of `used`. 0 for one not in `used`.
  uint16_t code(layout::Face face, char32_t cp) const;

  // Reports load failures from advance(); true if there were none.
  bool report(Diagnostics& diag) const;

 private:
  bool ensure_loaded(int face) const;

  HaruDoc& doc_;
  std::string font_dir_;
  mutable std::array<HPDF_FontDef, layout::kFaceCount> defs_{};
  mutable std::array<std::string, layout::kFaceCount> names_;
  mutable std::array<bool, layout::kFaceCount> tried_{};
  mutable Diagnostics load_errors_;
  std::array<HPDF_Font, layout::kFaceCount> fonts_{};
  // Widths of the first code points, looked up once: the layout asks for the same
  // few letters thousands of times. -2 = not looked up yet.
  static constexpr char32_t kCached = 0x250;
  mutable std::array<std::vector<short>, layout::kFaceCount> cache_;
  std::array<std::vector<char32_t>, layout::kFaceCount> codes_;  // code - 1 → code point
  std::array<std::vector<uint16_t>, layout::kFaceCount> low_codes_;  // code point < kCached → code
};

}  // namespace kovgen
