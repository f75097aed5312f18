#pragma once
// A libharu document that records its errors instead of losing them.
//
// libharu errors are sticky: after one, every later call fails until
// HPDF_ResetError. The handler keeps the first error; the writer asks `failed()`
// after each step, which turns it into a Diagnostics message naming the step,
// so a libharu error never becomes a corrupt or silently empty file.
#include <list>
#include <string>

#include <hpdf.h>

#include "diagnostics.h"
#include "haru_library.h"

namespace kovgen {

class HaruDoc {
 public:
  HaruDoc();
  ~HaruDoc();
  HaruDoc(const HaruDoc&) = delete;
  HaruDoc& operator=(const HaruDoc&) = delete;

  HPDF_Doc get() const { return doc_; }

  // Whether libharu reported an error (or could not even start). If so, reports
  // it as an error "while <doing>" and resets libharu's error state.
  bool failed(const char* doing, Diagnostics& diag);

  // Loads a TrueType font from its file's bytes for embedding, as
  // HPDF_LoadTTFontFromFile does from a path; the font's name, or nullptr (ask
  // `failed`). The document keeps the bytes: libharu reads the glyphs from them
  // again when it saves.
  const char* embed_truetype_font(std::string file_bytes);

 private:
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);
  std::list<std::string> font_files_;  // a list: each one's address must stay put
  std::string load_error_;  // set when libharu itself could not be loaded
  HPDF_Doc doc_ = nullptr;
  HPDF_STATUS error_ = 0;
  HPDF_STATUS detail_ = 0;
};

// A short English description of a libharu error code ("cannot open file").
std::string describe_haru_error(HPDF_STATUS code);

}  // namespace kovgen
