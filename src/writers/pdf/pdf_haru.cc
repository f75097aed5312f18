#include "pdf_haru.h"

#include <cstdio>

#include "haru_internals.h"
#include "i18n.h"

namespace kovgen {

HaruDoc::HaruDoc() {
  if (haru_library(load_error_)) doc_ = haru().New(&HaruDoc::on_error, this);
}

HaruDoc::~HaruDoc() {
  if (doc_) haru().Free(doc_);
}

const char* HaruDoc::embed_truetype_font(std::string file_bytes) {
  if (!doc_) return nullptr;
  return haru_internals::load_truetype_font(doc_, font_files_.emplace_back(std::move(file_bytes)));
}

void HaruDoc::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
  auto* doc = static_cast<HaruDoc*>(self);
  if (doc->error_ == 0) {  // the first error is the cause; later ones follow from it
    doc->error_ = error;
    doc->detail_ = detail;
  }
}

namespace {

// The cause in words, marked for translation (shown through tr()).
const char* haru_error_text(HPDF_STATUS code) {
  switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: return N_("out of memory");
    case HPDF_FILE_IO_ERROR: return N_("cannot read or write a file");
    case HPDF_FILE_OPEN_ERROR: return N_("cannot open a file");
    case HPDF_FONT_EXISTS: return N_("the font is loaded twice");
    case HPDF_INVALID_FONTDEF_DATA:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_INVALID_CMAP: return N_("the font file is not a usable TrueType font");
    case HPDF_TTF_MISSING_TABLE: return N_("the font file lacks a required table");
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return N_("the font's licence forbids embedding");
    case HPDF_INVALID_ENCODER:
    case HPDF_INVALID_ENCODING_NAME: return N_("the UTF-8 encoder is not available");
    case HPDF_INVALID_DESTINATION: return N_("an outline destination is invalid");
    case HPDF_INVALID_URI: return N_("a link target is invalid");
    case HPDF_PAGE_INVALID_FONT:
    case HPDF_PAGE_FONT_NOT_FOUND: return N_("no font is set for the text");
    case HPDF_PAGE_INVALID_FONT_SIZE: return N_("a font size is out of range");
    case HPDF_PAGE_INVALID_GMODE: return N_("drawing operations are out of order");
    case HPDF_PAGE_OUT_OF_RANGE:
    case HPDF_REAL_OUT_OF_RANGE: return N_("a coordinate or size is out of range");
    case HPDF_STRING_OUT_OF_RANGE: return N_("a text is too long");
    case HPDF_ZLIB_ERROR: return N_("compression failed");
    case HPDF_INVALID_PARAMETER: return N_("a parameter is invalid");
    default: return N_("libharu failed");
  }
}

}  // namespace

bool HaruDoc::failed(const char* doing, Diagnostics& diag) {
  if (!doc_) {
    diag.error({}, load_error_.empty() ? fill(tr("PDF: libharu could not create a document while {}"), {doing})
                                       : fill(tr("PDF: {}"), {load_error_}));
    return true;
  }
  if (error_ == 0 && haru().GetError(doc_) == HPDF_OK) return false;
  const HPDF_STATUS code = error_ ? error_ : haru().GetError(doc_);
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%04X", unsigned(code));
  diag.error({}, fill(tr("PDF: {} while {} (libharu error {}, detail {})"),
                      {describe_haru_error(code), doing, hex, std::to_string(detail_)}));
  haru().ResetError(doc_);
  error_ = detail_ = 0;
  return true;
}

std::string describe_haru_error(HPDF_STATUS code) {
  return tr(haru_error_text(code));
}

}  // namespace kovgen
