#pragma once
// Text as other systems save it, for the tests of the readers: NFD (macOS),
// UTF-16 with BOM, Windows-1252.
#include <utf8proc.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "utf8.h"

namespace kovgen::test {

inline std::string nfd(const std::string& text) {
  utf8proc_uint8_t* out = utf8proc_NFD(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
  std::string result(reinterpret_cast<const char*>(out));
  std::free(out);
  return result;
}

inline std::string utf16_with_bom(const std::string& text, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  auto unit = [&](char16_t u) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  };
  for (size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (cp < 0x10000) {
      unit(static_cast<char16_t>(cp));
    } else {
      unit(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      unit(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    }
  }
  return out;
}

// Latin-1 letters only (ä, ö, ü, ß, …), as Windows-1252 stores them.
inline std::string windows1252(const std::string& text) {
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (cp >= 0x100) throw std::runtime_error("not a Latin-1 character");
    out += static_cast<char>(cp);
  }
  return out;
}

}  // namespace kovgen::test
