#include "text_decoding.h"

#include "i18n.h"
#include "unicode.h"
#include "utf8.h"

namespace kovgen {

namespace {

// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string from_cp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0xA0) append_utf8(out, kCp1252High[c - 0x80] ? kCp1252High[c - 0x80] : 0xFFFD);
    else append_utf8(out, c);
  }
  return out;
}

std::optional<std::string> from_utf16(std::string_view bytes, bool little_endian, const std::string& file,
                                      Diagnostics& diag) {
  if (bytes.size() % 2 != 0) {
    diag.error({file}, tr("UTF-16 file with an odd number of bytes; save it again as UTF-8"));
    return std::nullopt;
  }
  std::string out;
  out.reserve(bytes.size() / 2);
  auto unit = [&](size_t i) -> char16_t {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char16_t>(little_endian ? (b << 8 | a) : (a << 8 | b));
  };
  for (size_t i = 0; i < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const char16_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    append_utf8(out, cp);
  }
  return out;
}

// Whether the text holds at least one valid multi-byte UTF-8 sequence, or a
// surrogate encoded as UTF-8 (CESU-8, from Java and old databases): UTF-8 meant
// that, never Windows-1252.
bool has_utf8_sequences(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp >= 0x80 && cp != 0xFFFD && pos - start > 1) return true;
    if (static_cast<unsigned char>(text[start]) == 0xED && start + 2 < text.size() &&
        (static_cast<unsigned char>(text[start + 1]) & 0xE0) == 0xA0 &&
        (static_cast<unsigned char>(text[start + 2]) & 0xC0) == 0x80)
      return true;
  }
  return false;
}

std::optional<DecodedText> checked(std::string text, TextEncoding encoding, const std::string& file,
                                   Diagnostics& diag) {
  if (!check_utf8(text, file, diag)) return std::nullopt;
  normalize_nfc(text);
  return DecodedText{std::move(text), encoding};
}

}  // namespace

const char* encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf8: return "UTF-8";
    case TextEncoding::utf8_bom: return "UTF-8 with BOM";
    case TextEncoding::utf16le: return "UTF-16LE";
    case TextEncoding::utf16be: return "UTF-16BE";
    case TextEncoding::windows1252: return "Windows-1252";
  }
  return "";
}

std::optional<DecodedText> decode_text(std::string bytes, const std::string& file, Diagnostics& diag) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    return checked(std::move(bytes), TextEncoding::utf8_bom, file, diag);
  }
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    const bool le = bytes[0] == '\xFF';
    auto text = from_utf16(std::string_view(bytes).substr(2), le, file, diag);
    if (!text) return std::nullopt;
    return checked(std::move(*text), le ? TextEncoding::utf16le : TextEncoding::utf16be, file, diag);
  }
  if (find_invalid_utf8(bytes) == std::string::npos || has_utf8_sequences(bytes))
    return checked(std::move(bytes), TextEncoding::utf8, file, diag);
  return checked(from_cp1252(bytes), TextEncoding::windows1252, file, diag);
}

}  // namespace kovgen
