#pragma once
// The embedded fonts of the PDF writer, loaded into a libharu document, and their
// glyph widths for the layout engine.
#include <array>
#include <string>
#include <vector>

#include <hpdf.h>

#include "diagnostics.h"
#include "layout.h"
#include "pdf_haru.h"

namespace kovgen {

// Where the font file of a face is found: $KOVGEN_FONT_DIR, then the subsets made
// at build time (cmake/fonts.cmake), then the full fonts of the Debian packages.
std::string pdf_font_path(layout::Face face);

class PdfFonts : public layout::GlyphMetrics {
 public:
  // Loads every face into the document; reports failures (see ok()).
  PdfFonts(HaruDoc& doc, Diagnostics& diag);

  bool ok() const { return ok_; }
  // The font to draw a face with. Created on first use: libharu writes a font's
  // dictionaries, widths and file (about 4 KB) as soon as it exists, used or not.
  HPDF_Font font(layout::Face face);
  int advance(layout::Face face, char32_t cp) const override;

 private:
  HPDF_Doc doc_ = nullptr;
  std::array<std::string, layout::kFaceCount> names_;
  std::array<HPDF_Font, layout::kFaceCount> fonts_{};
  std::array<HPDF_FontDef, layout::kFaceCount> defs_{};
  // Widths of the first code points, looked up once: the layout asks for the same
  // few letters thousands of times. -2 = not looked up yet.
  static constexpr char32_t kCached = 0x250;
  mutable std::array<std::vector<short>, layout::kFaceCount> cache_;
  bool ok_ = false;
};

}  // namespace kovgen
