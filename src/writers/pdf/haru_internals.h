#pragma once
// What kovgen does to libharu beyond its public API, all in haru_internals.cc:
// the only file that includes libharu's private headers or touches its structs.
// Written for libharu 2.3.0 (Debian 12); the build refuses any other version
// (CMakeLists.txt, and static_asserts on every field used).
#include <string>
#include <string_view>
#include <vector>

#include <hpdf.h>

namespace kovgen::haru_internals {

// Loads a TrueType font for embedding from the bytes of its file, as
// HPDF_LoadTTFontFromFile does from the file: the font's name for HPDF_GetFont,
// or nullptr (the document's error says why). libharu reads a font file in small
// pieces, each after a seek, once on loading and again on saving: hundreds of
// system calls per PDF. `bytes` must outlive the document (HaruDoc keeps them).
const char* load_truetype_font(HPDF_Doc pdf, std::string_view bytes);

// A UTF-8 font that maps only `used` (code k = used[k-1]), instead of all 65,536
// code points libharu would look up: see the .cc for why.
HPDF_Font create_sparse_font(HPDF_Doc pdf, const char* font_name, const std::vector<char32_t>& used);

// The advance width of the font's glyph for cp (BMP only), or -1 when the font
// has none. Also marks the glyph as used, so that libharu embeds it.
int glyph_width(HPDF_FontDef font, char32_t cp);

// Replaces the ToUnicode CMap libharu wrote for a UTF-8 font.
bool replace_to_unicode(HPDF_Font font, std::string_view cmap);

// Makes `deflated` (zlib data) the page's content stream, with /Filter /FlateDecode.
bool set_deflated_content(HPDF_Page page, std::string_view deflated);

// Sets an info entry; `as_given`: write the bytes unconverted (PDFDocEncoding),
// not through the document's current (UTF-8) encoder.
void set_info(HPDF_Doc pdf, HPDF_InfoType type, const char* text, bool as_given);

// An entry of the document info dictionary under a key of its own (libharu 2.3's
// HPDF_SetInfoAttr knows only the standard keys). After set_info; ASCII values.
bool set_custom_info(HPDF_Doc pdf, const char* key, const char* value);

// The document catalog's /Lang entry ("de-DE"), which libharu 2.3 cannot set.
bool set_language(HPDF_Doc pdf, const std::string& language);

}  // namespace kovgen::haru_internals
