#include "haru_library.h"
#include "pdf_fonts.h"

#include <cstdlib>
#include <cstring>
#include <sys/stat.h>

// Internal libharu headers (installed by libhpdf-dev), for two things the public
// API lacks: whether a font has a glyph at all, and a cheap way to create a UTF-8
// font (see create_fonts).
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
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

// libharu 2.3 creates a font for its UTF-8 encoder by looking up all 65 536 code
// points in the font's cmap, writing a /W entry up to U+FFFF and a 128 KB
// CIDToGIDMap: about 2.4 ms per font to build and 1 ms more to compress, most of
// the time of a whole PDF. For encoders with libharu's default ToUnicode function
// it instead maps only the codes in the encoder's cid_map. So, while the font is
// created, the UTF-8 encoder presents exactly the code points this face will
// draw (as CID = code point, which is what the UTF-8 encoder writes), and then
// gets its state back. The map then ends at the highest code point used: one
// more entry is added because libharu leaves out the last.
HPDF_Font create_sparse_font(HPDF_Doc pdf, const char* name,
                             const std::vector<char32_t>& used) {
  HPDF_Encoder encoder = haru().GetEncoder(pdf, "UTF-8");
  if (!encoder) return nullptr;
  auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
  // The UTF-8 encoder keeps its parsing state in the first bytes of cid_map.
  HPDF_UINT16 state[8];
  std::memcpy(state, attr->cid_map[0], sizeof state);
  std::memset(attr->cid_map[0], 0, sizeof state);

  std::vector<char32_t> codes;
  char32_t highest = 0;
  for (char32_t cp : used)
    if (cp > 0 && cp < 0xFFFF) {
      codes.push_back(cp);
      highest = std::max(highest, cp);
    }
  codes.push_back(highest + 1);  // the entry libharu leaves out
  std::vector<HPDF_UNICODE> saved_unicode;
  for (char32_t cp : codes) {
    saved_unicode.push_back(attr->unicode_map[cp >> 8][cp & 0xFF]);
    attr->cid_map[cp >> 8][cp & 0xFF] = HPDF_UINT16(cp);
    attr->unicode_map[cp >> 8][cp & 0xFF] = HPDF_UNICODE(cp);
  }
  const HPDF_Encoder_ToUnicode_Func utf8_to_unicode = encoder->to_unicode_fn;
  encoder->to_unicode_fn = haru().CMapEncoder_ToUnicode;

  HPDF_Font font = haru().GetFont(pdf, name, "UTF-8");

  encoder->to_unicode_fn = utf8_to_unicode;
  for (size_t i = 0; i < codes.size(); ++i) {
    attr->cid_map[codes[i] >> 8][codes[i] & 0xFF] = 0;
    attr->unicode_map[codes[i] >> 8][codes[i] & 0xFF] = saved_unicode[i];
  }
  std::memcpy(attr->cid_map[0], state, sizeof state);
  return font;
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

bool PdfFonts::ensure_loaded(int i) const {
  if (tried_[i]) return defs_[i] != nullptr;
  tried_[i] = true;
  const std::string path = pdf_font_path(Face(i));
  const std::string doing = "loading the font " + path;
  if (!exists(path)) {
    load_errors_.error({}, "PDF: font file " + path +
                               " not found (install fonts-liberation2 and fonts-dejavu-core, "
                               "or set KOVGEN_FONT_DIR)");
    return false;
  }
  const char* name = haru().LoadTTFontFromFile(doc_.get(), path.c_str(), HPDF_TRUE);
  if (doc_.failed(doing.c_str(), load_errors_)) return false;
  if (!name || !(defs_[i] = haru().GetFontDef(doc_.get(), name))) {
    load_errors_.error({}, "PDF: libharu could not load the font " + path);
    return false;
  }
  names_[i] = name;
  cache_[i].assign(kCached, -2);
  return true;
}

bool PdfFonts::load(Face face, Diagnostics& diag) {
  if (ensure_loaded(int(face))) return true;
  return report(diag);
}

bool PdfFonts::report(Diagnostics& diag) const {
  diag.append(load_errors_);
  const bool ok = !load_errors_.has_errors();
  load_errors_ = Diagnostics();
  return ok;
}

int PdfFonts::advance(Face face, char32_t cp) const {
  const int i = int(face);
  // The common case first: a loaded face (its cache is filled on loading) and a
  // character measured before. This runs several times for every character.
  if (cp < kCached && !cache_[i].empty() && cache_[i][cp] != -2) return cache_[i][cp];
  if (cp > 0xFFFF || !ensure_loaded(i)) return -1;  // libharu's UTF-8 stops at the BMP
  if (cp < kCached && cache_[i][cp] != -2) return cache_[i][cp];
  int width = -1;
  // GetCharWidth also marks the glyph as used, so that libharu embeds it.
  if (haru().TTFontDef_GetGlyphid(defs_[i], HPDF_UINT16(cp)) != 0)
    width = haru().TTFontDef_GetCharWidth(defs_[i], HPDF_UNICODE(cp));
  if (cp < kCached) cache_[i][cp] = short(width);
  return width;
}

bool PdfFonts::create_fonts(const std::array<std::vector<char32_t>, layout::kFaceCount>& used,
                            Diagnostics& diag) {
  for (int i = 0; i < layout::kFaceCount; ++i) {
    if (used[i].empty()) continue;
    if (!ensure_loaded(i)) return report(diag);
    // Drawing marks glyphs as used too, but only what it measures through the
    // UTF-8 encoder; measuring here keeps the two in step.
    for (char32_t cp : used[i]) advance(Face(i), cp);
    fonts_[i] = create_sparse_font(doc_.get(), names_[i].c_str(), used[i]);
    const std::string doing = "creating the font " + names_[i];
    if (doc_.failed(doing.c_str(), diag)) return false;
    if (!fonts_[i]) {
      diag.error({}, "PDF: libharu could not create the font " + names_[i]);
      return false;
    }
  }
  return true;
}

}  // namespace kovgen
