#include "pdf_fonts.h"

#include <cstdlib>
#include <sys/stat.h>

// Internal libharu headers (installed by libhpdf-dev): the public API can measure a
// code point but not tell whether the font has a glyph for it at all.
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>

#ifndef KOVGEN_FONT_DIR
#define KOVGEN_FONT_DIR ""
#endif

namespace kovgen {

namespace {

using layout::Face;

struct FaceFiles {
  const char* subset;  // name in the build's font directory
  const char* system;  // the full font of the Debian package
};

constexpr FaceFiles kFiles[layout::kFaceCount] = {
    {"serif-regular.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"},
    {"serif-bold.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"},
    {"serif-italic.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf"},
    {"serif-bold-italic.ttf",
     "/usr/share/fonts/truetype/liberation2/LiberationSerif-BoldItalic.ttf"},
    {"mono.ttf", "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"},
    {"symbol.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
};

bool exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::string pdf_font_path(Face face) {
  const FaceFiles& f = kFiles[int(face)];
  if (const char* dir = std::getenv("KOVGEN_FONT_DIR"); dir && *dir) {
    std::string p = std::string(dir) + "/" + f.subset;
    if (exists(p)) return p;
  }
  if (*KOVGEN_FONT_DIR) {
    std::string p = std::string(KOVGEN_FONT_DIR) + "/" + f.subset;
    if (exists(p)) return p;
  }
  return f.system;
}

PdfFonts::PdfFonts(HaruDoc& doc, Diagnostics& diag) : doc_(doc.get()) {
  for (int i = 0; i < layout::kFaceCount; ++i) {
    const std::string path = pdf_font_path(Face(i));
    const std::string doing = "loading the font " + path;
    if (!exists(path)) {
      diag.error({}, "PDF: font file " + path +
                         " not found (install fonts-liberation2 and fonts-dejavu-core, "
                         "or set KOVGEN_FONT_DIR)");
      return;
    }
    const char* name = HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), HPDF_TRUE);
    if (doc.failed(doing.c_str(), diag)) return;
    if (!name) {
      diag.error({}, "PDF: libharu could not load the font " + path);
      return;
    }
    names_[i] = name;
    defs_[i] = HPDF_GetFontDef(doc.get(), name);
    if (doc.failed(doing.c_str(), diag)) return;
    if (!defs_[i]) {
      diag.error({}, "PDF: libharu lost the font " + path);
      return;
    }
    cache_[i].assign(kCached, -2);
  }
  ok_ = true;
}

HPDF_Font PdfFonts::font(Face face) {
  HPDF_Font& f = fonts_[int(face)];
  if (!f && ok_) f = HPDF_GetFont(doc_, names_[int(face)].c_str(), "UTF-8");
  return f;  // on failure null: the writer's next error check reports it
}

int PdfFonts::advance(Face face, char32_t cp) const {
  const int i = int(face);
  if (!ok_ || cp > 0xFFFF) return -1;  // libharu's UTF-8 encoder stops at the BMP
  if (cp < kCached && cache_[i][cp] != -2) return cache_[i][cp];
  int width = -1;
  if (HPDF_TTFontDef_GetGlyphid(defs_[i], HPDF_UINT16(cp)) != 0)
    width = HPDF_TTFontDef_GetCharWidth(defs_[i], HPDF_UNICODE(cp));
  if (cp < kCached) cache_[i][cp] = short(width);
  return width;
}

}  // namespace kovgen
