#include "utf8.h"

#include "i18n.h"

namespace kovgen {

namespace {

// Length of the valid sequence starting at text[pos], or 0 if invalid.
size_t valid_sequence_length(std::string_view text, size_t pos) {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const size_t left = text.size() - pos;
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  auto cont = [&](size_t i) { return i < left && (b(i) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;  // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogates
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

size_t find_invalid_utf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    size_t n = valid_sequence_length(text, pos);
    if (n == 0) return pos;
    pos += n;
  }
  return std::string_view::npos;
}

bool check_utf8(std::string_view text, const std::string& file, Diagnostics& diag) {
  size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    diag.error(location_of_offset(text, bad, file),
               fill(tr("invalid UTF-8 (byte 0x{}); save the file as UTF-8"),
                    {std::string{"0123456789ABCDEF"[(static_cast<unsigned char>(text[bad]) >> 4)],
                                 "0123456789ABCDEF"[static_cast<unsigned char>(text[bad]) & 15]}}));
    return false;
  }
  size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    diag.error(location_of_offset(text, nul, file), tr("NUL byte in text file"));
    return false;
  }
  return true;
}

char32_t next_code_point(std::string_view text, size_t& pos) {
  size_t n = valid_sequence_length(text, pos);
  const auto b = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  char32_t cp = 0xFFFD;
  switch (n) {
    case 1: cp = b(0); break;
    case 2: cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); break;
    case 3: cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); break;
    case 4:
      cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
      break;
    default: n = 1; break;
  }
  pos += n;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Location location_of_offset(std::string_view text, size_t offset, const std::string& file) {
  Location loc{file, 1, 1};
  for (size_t i = 0; i < offset && i < text.size();) {
    if (const size_t line_break = line_break_at(text, i)) {
      ++loc.line;
      loc.column = 1;
      i += line_break;
      continue;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++loc.column;
    ++i;
  }
  return loc;
}

}  // namespace kovgen
