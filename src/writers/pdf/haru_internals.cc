#include "haru_internals.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <type_traits>

// libharu's private headers (installed by libhpdf-dev): only here.
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "haru_library.h"

static_assert(HPDF_VERSION_ID == 20300,
              "haru_internals.cc is written for libharu 2.3.0's private structs; check every use before "
              "building with another version");
// The fields used below, with the types this file relies on.
static_assert(std::is_same_v<decltype(_HPDF_CMapEncoderAttr_Rec::cid_map), HPDF_UINT16[256][256]>);
static_assert(std::is_same_v<decltype(_HPDF_CMapEncoderAttr_Rec::unicode_map), HPDF_UNICODE[256][256]>);
static_assert(std::is_same_v<decltype(_HPDF_Encoder_Rec::to_unicode_fn), HPDF_Encoder_ToUnicode_Func>);
static_assert(std::is_same_v<decltype(_HPDF_Encoder_Rec::attr), void*>);
static_assert(std::is_same_v<decltype(_HPDF_FontAttr_Rec::cmap_stream), HPDF_Dict>);
static_assert(std::is_same_v<decltype(_HPDF_Dict_Rec::stream), HPDF_Stream>);
static_assert(std::is_same_v<decltype(_HPDF_Dict_Rec::filter), HPDF_UINT>);
static_assert(std::is_same_v<decltype(_HPDF_Dict_Rec::write_fn), HPDF_Dict_OnWriteFunc>);
static_assert(std::is_same_v<decltype(_HPDF_PageAttr_Rec::contents), HPDF_Dict>);
static_assert(std::is_same_v<decltype(_HPDF_PageAttr_Rec::stream), HPDF_Stream>);
static_assert(std::is_same_v<decltype(_HPDF_Doc_Rec::cur_encoder), HPDF_Encoder>);
static_assert(std::is_same_v<decltype(_HPDF_Doc_Rec::catalog), HPDF_Catalog>);
static_assert(std::is_same_v<decltype(_HPDF_Doc_Rec::mmgr), HPDF_MMgr>);
static_assert(std::is_same_v<decltype(_HPDF_Doc_Rec::info), HPDF_Dict>);
static_assert(std::is_same_v<decltype(_HPDF_Doc_Rec::fontdef_list), HPDF_List>);
static_assert(std::is_same_v<decltype(_HPDF_Stream_Rec::attr), void*>);
static_assert(std::is_same_v<decltype(_HPDF_Stream_Rec::free_fn), HPDF_Stream_Free_Func>);
static_assert(std::is_same_v<decltype(_HPDF_Doc_Rec::ttfont_tag), HPDF_BYTE[6]>);
static_assert(std::is_same_v<decltype(_HPDF_FontDef_Rec::base_font), char[HPDF_LIMIT_MAX_NAME_LEN + 1]>);

namespace kovgen::haru_internals {

namespace {

// A stream that reads `bytes` in place, with memcpy: libharu's own memory stream
// copies byte by byte, which for the fonts' glyphs costs more than the file
// reader's system calls did.
struct BytesReader {
  std::string_view bytes;
  size_t at = 0;

  static BytesReader& of(HPDF_Stream stream) { return *static_cast<BytesReader*>(stream->attr); }

  static HPDF_STATUS read(HPDF_Stream stream, HPDF_BYTE* out, HPDF_UINT* size) {
    BytesReader& r = of(stream);
    const size_t n = std::min<size_t>(*size, r.bytes.size() - r.at);
    std::memcpy(out, r.bytes.data() + r.at, n);
    r.at += n;
    const bool short_read = n < *size;
    *size = HPDF_UINT(n);
    // As libharu's file reader: the error is set, and raised by whoever gives up.
    return short_read ? haru().SetError(stream->error, HPDF_STREAM_EOF, 0) : HPDF_OK;
  }
  static HPDF_STATUS seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
    BytesReader& r = of(stream);
    const long long base = mode == HPDF_SEEK_SET ? 0 : mode == HPDF_SEEK_CUR ? (long long)r.at : (long long)r.bytes.size();
    const long long to = base + pos;
    if (to < 0 || to > (long long)r.bytes.size()) return haru().SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
    r.at = size_t(to);
    return HPDF_OK;
  }
  static HPDF_INT32 tell(HPDF_Stream stream) { return HPDF_INT32(of(stream).at); }
  static HPDF_UINT32 size(HPDF_Stream stream) { return HPDF_UINT32(of(stream).bytes.size()); }
  static void free(HPDF_Stream stream) { delete &of(stream); }
};

// The font definition of a TrueType file read from `stream`, registered with the
// document under an embedding tag of its own, as libharu's LoadTTFontFromStream
// (static in hpdf_doc.c) does; nullptr on failure.
const char* load_font_definition(HPDF_Doc pdf, HPDF_Stream stream) {
  // The font definition owns the stream from here, failed or not, and reads the
  // glyphs from it again when the PDF is saved.
  HPDF_FontDef def = haru().TTFontDef_Load(pdf->mmgr, stream, HPDF_TRUE);
  if (!def) return nullptr;
  if (HPDF_FontDef known = haru().Doc_FindFontDef(pdf, def->base_font)) {
    haru().FontDef_Free(def);
    return known->base_font;
  }
  if (haru().List_Add(pdf->fontdef_list, def) != HPDF_OK) {
    haru().FontDef_Free(def);
    return nullptr;
  }
  // Each embedded font's name gets a prefix of its own: HPDFAA, HPDFAB, ...
  HPDF_BYTE* tag = pdf->ttfont_tag;
  if (tag[0] == 0) {
    std::memcpy(tag, "HPDFAA", 6);
  } else {
    for (int i = 5; i >= 0; --i) {
      if (++tag[i] <= 'Z') break;
      tag[i] = 'A';
    }
  }
  haru().TTFontDef_SetTagName(def, reinterpret_cast<char*>(tag));
  return def->base_font;
}

}  // namespace

const char* load_truetype_font(HPDF_Doc pdf, std::string_view bytes) {
  auto reader = std::make_unique<BytesReader>(BytesReader{bytes});
  HPDF_Stream stream = haru().CallbackReader_New(pdf->mmgr, BytesReader::read, BytesReader::seek,
                                                 BytesReader::tell, BytesReader::size, reader.get());
  if (!stream) return nullptr;
  reader.release();
  stream->free_fn = BytesReader::free;  // libharu leaves a callback stream's data to its creator
  const char* name = load_font_definition(pdf, stream);
  // Reported through the document's error handler, as HPDF_LoadTTFontFromFile does.
  if (!name) haru().CheckError(&pdf->error);
  return name;
}

// libharu 2.3 creates a font for its UTF-8 encoder by looking up all 65 536 code
// points in the font's cmap, writing a /W entry up to U+FFFF and a 128 KB
// CIDToGIDMap: about 2.4 ms per font to build and 1 ms more to compress, most of
// the time of a whole PDF. For encoders with libharu's default ToUnicode function
// it instead maps only the codes in the encoder's cid_map. So, while the font is
// created, the UTF-8 encoder presents exactly the characters this face will draw,
// under the codes 1, 2, 3, ... (see PdfFonts::code), and then gets its state
// back. The font's encoding is Identity-H, so code = CID: the /W array, the
// CIDToGIDMap and the ToUnicode map each get one entry per character drawn, not
// one per code point up to the highest (a single "€" made that 8,000). One more
// entry is added because libharu leaves out the last.
HPDF_Font create_sparse_font(HPDF_Doc pdf, const char* font_name, const std::vector<char32_t>& used) {
  HPDF_Encoder encoder = haru().GetEncoder(pdf, "UTF-8");
  if (!encoder || used.empty()) return nullptr;
  auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
  // The UTF-8 encoder keeps its parsing state in the first bytes of cid_map
  // (hpdf_encoder_utf.c), which the codes below would overwrite.
  HPDF_UINT16 state[8];
  std::memcpy(state, attr->cid_map[0], sizeof state);
  std::memset(attr->cid_map[0], 0, sizeof state);

  const size_t entries = used.size() + 1;  // the entry libharu leaves out
  std::vector<HPDF_UNICODE> saved_unicode;
  for (size_t code = 1; code <= entries; ++code) {
    const char32_t cp = used[std::min(code, used.size()) - 1];
    saved_unicode.push_back(attr->unicode_map[code >> 8][code & 0xFF]);
    attr->cid_map[code >> 8][code & 0xFF] = HPDF_UINT16(code);
    attr->unicode_map[code >> 8][code & 0xFF] = HPDF_UNICODE(cp);
  }
  const HPDF_Encoder_ToUnicode_Func utf8_to_unicode = encoder->to_unicode_fn;
  encoder->to_unicode_fn = haru().CMapEncoder_ToUnicode;

  HPDF_Font font = haru().GetFont(pdf, font_name, "UTF-8");

  encoder->to_unicode_fn = utf8_to_unicode;
  for (size_t code = 1; code <= entries; ++code) {
    attr->cid_map[code >> 8][code & 0xFF] = 0;
    attr->unicode_map[code >> 8][code & 0xFF] = saved_unicode[code - 1];
  }
  std::memcpy(attr->cid_map[0], state, sizeof state);
  return font;
}

int glyph_width(HPDF_FontDef font, char32_t cp) {
  // The public API answers a missing glyph with the width of .notdef.
  if (haru().TTFontDef_GetGlyphid(font, HPDF_UINT16(cp)) == 0) return -1;
  return haru().TTFontDef_GetCharWidth(font, HPDF_UNICODE(cp));
}

bool replace_to_unicode(HPDF_Font font, std::string_view cmap) {
  auto* font_attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!font_attr || !font_attr->cmap_stream || !font_attr->cmap_stream->stream) return false;
  HPDF_Stream stream = font_attr->cmap_stream->stream;
  haru().MemStream_FreeData(stream);
  return haru().Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()), HPDF_UINT(cmap.size())) ==
         HPDF_OK;
}

bool set_deflated_content(HPDF_Page page, std::string_view deflated) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  // libharu writes a /Filter entry only for data it compresses itself, and
  // drops one added by hand; its hook for extra dictionary entries says it.
  attr->contents->filter = HPDF_STREAM_FILTER_NONE;
  attr->contents->write_fn = [](HPDF_Dict, HPDF_Stream out) {
    static constexpr char kFilter[] = "/Filter /FlateDecode\012";
    return haru().Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(kFilter), sizeof kFilter - 1);
  };
  return haru().Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                             HPDF_UINT(deflated.size())) == HPDF_OK;
}

// libharu encodes info strings with the document's current encoder; without one
// (set directly: the API has no way to unset it) they are written as given.
void set_info(HPDF_Doc pdf, HPDF_InfoType type, const char* text, bool as_given) {
  HPDF_Encoder current = pdf->cur_encoder;
  if (as_given) pdf->cur_encoder = nullptr;
  haru().SetInfoAttr(pdf, type, text);
  pdf->cur_encoder = current;
}

bool set_language(HPDF_Doc pdf, const std::string& language) {
  return haru().Dict_Add(pdf->catalog, "Lang", haru().String_New(pdf->mmgr, language.c_str(), nullptr)) == HPDF_OK;
}

bool set_custom_info(HPDF_Doc pdf, const char* key, const char* value) {
  // The info dictionary exists once a standard entry was set (set_info).
  if (!pdf->info) return false;
  return haru().Dict_Add(pdf->info, key, haru().String_New(pdf->mmgr, value, nullptr)) == HPDF_OK;
}

}  // namespace kovgen::haru_internals
