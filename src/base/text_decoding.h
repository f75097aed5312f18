#pragma once
// Text files as people really save them: UTF-8 with or without BOM, UTF-16 with
// BOM (Excel's "Unicode text", Windows Notepad), or Windows-1252 (Excel and older
// editors on German Windows). Every reader of user files (answers, school lists,
// mapping files, Markdown) turns its bytes into text here, once: decoded to UTF-8,
// checked, and normalised to NFC (unicode.h).
#include <optional>
#include <string>

#include "diagnostics.h"

namespace kovgen {

enum class TextEncoding { utf8, utf8_bom, utf16le, utf16be, windows1252 };

// "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" or "Windows-1252".
const char* encoding_name(TextEncoding encoding);

struct DecodedText {
  std::string text;  // valid UTF-8 without NUL bytes, in NFC
  TextEncoding encoding = TextEncoding::utf8;
};

// A UTF-8 BOM is dropped; UTF-16 with BOM is converted; bytes that are not valid
// UTF-8 and hold no UTF-8 sequence at all are read as Windows-1252. Bytes that mix
// UTF-8 and other bytes are an error naming the first bad byte (guessing would
// turn them into mojibake silently), as are NUL bytes.
std::optional<DecodedText> decode_text(std::string bytes, const std::string& file, Diagnostics& diag);

}  // namespace kovgen
