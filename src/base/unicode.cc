#include "unicode.h"

#include <utf8proc.h>

#include <cstdlib>

#include "utf8.h"

namespace kovgen {

namespace {

// German answers files and templates are NFC as they are; only text with a code
// point that might not be goes through utf8proc's copy.
bool surely_nfc(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      ++pos;
      continue;
    }
    if (!nfc_inert(next_code_point(text, pos))) return false;
  }
  return true;
}

std::string mapped(std::string_view text, int options) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &out, static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(text);
  std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

}  // namespace

bool nfc_inert(char32_t cp) {
  // Below U+0300 the combining marks have not begun. General Punctuation and the
  // currency signs hold no canonical decomposition and are no part of one
  // (tests/base/unicode_test.cc checks both against utf8proc's tables).
  return cp < 0x300 || (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x20A0 && cp <= 0x20C0);
}

std::string to_nfc(std::string_view text) {
  if (surely_nfc(text)) return std::string(text);
  return mapped(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

void normalize_nfc(std::string& text) {
  if (!surely_nfc(text)) text = mapped(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string case_fold(std::string_view text) {
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    // Keys and most choices: no need for utf8proc's allocation.
    std::string out(text);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  return mapped(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

bool equal_ignoring_case(std::string_view a, std::string_view b) { return a == b || case_fold(a) == case_fold(b); }

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp == 0xFFFD && pos - start == 1 && static_cast<unsigned char>(text[start]) >= 0x80) {
      ++width;  // an invalid byte, shown as one replacement character
      continue;
    }
    const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
    if (w > 0) width += static_cast<size_t>(w);
  }
  return width;
}

std::string pad_to_width(std::string_view text, size_t width) {
  std::string out(text);
  const size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

}  // namespace kovgen
