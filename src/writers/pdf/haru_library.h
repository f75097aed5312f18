#pragma once
// libharu, loaded when the first PDF is written, not at every start.
//
// libharu and the libpng it links bring some 450 symbol relocations (libharu
// calls even its own functions through the PLT) and three more libraries to map:
// 0.4 ms at every start of kovgen, a tenth of a whole Markdown render, although
// only PDF needs them. Same pattern as zip_library.h.

#include <string>

#include <hpdf.h>

namespace kovgen {

// The libharu functions kovgen calls, by their names without the HPDF_ prefix.
#define KOVGEN_HARU_FUNCTIONS(X)                                                          \
  X(AddPage) X(CallbackReader_New) X(CheckError) X(CMapEncoder_ToUnicode)                 \
  X(CreateOutline) X(Destination_SetFitH) X(Dict_Add) X(Doc_FindFontDef) X(Free)          \
  X(FontDef_Free) X(GetEncoder) X(GetError) X(GetFont) X(GetFontDef) X(GetStreamSize)     \
  X(LinkAnnot_SetBorderStyle) X(List_Add) X(MemStream_FreeData) X(New)                    \
  X(Outline_SetDestination) X(Outline_SetOpened) X(Page_CreateDestination)                \
  X(Page_CreateURILinkAnnot) X(Page_GetLocalFontName) X(Page_SetHeight) X(Page_SetWidth)  \
  X(ReadFromStream) X(ResetError) X(SaveToStream) X(SetCompressionMode)                   \
  X(SetCurrentEncoder) X(SetError) X(SetInfoAttr) X(SetPageMode) X(Stream_Write)          \
  X(String_New) X(TTFontDef_GetCharWidth) X(TTFontDef_GetGlyphid) X(TTFontDef_Load)       \
  X(TTFontDef_SetTagName) X(UseUTFEncodings)

struct HaruLibrary {
#define KOVGEN_HARU_MEMBER(name) decltype(&::HPDF_##name) name = nullptr;
  KOVGEN_HARU_FUNCTIONS(KOVGEN_HARU_MEMBER)
#undef KOVGEN_HARU_MEMBER
};

// The loaded library (thread-safe, loaded once), or nullptr with `error` set to
// a message that says what to install.
const HaruLibrary* haru_library(std::string& error);

// The loaded library, for code that runs inside a HaruDoc: HaruDoc's constructor
// has loaded it, or has failed and made every step report that.
const HaruLibrary& haru();

}  // namespace kovgen
