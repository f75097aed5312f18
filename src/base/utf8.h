#pragma once
// UTF-8 validation and decoding, shared by every reader and writer.
#include <cstdint>
#include <string>
#include <string_view>

#include "diagnostics.h"

namespace kovgen {

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and
// code points above U+10FFFF are invalid), or npos when the text is valid.
size_t find_invalid_utf8(std::string_view text);

// Reports invalid UTF-8 (and NUL bytes) with file, line and column; true if valid.
bool check_utf8(std::string_view text, const std::string& file, Diagnostics& diag);

// Decodes the code point at text[pos] and advances pos. Invalid bytes decode as
// U+FFFD and advance by one, so any input terminates.
char32_t next_code_point(std::string_view text, size_t& pos);

void append_utf8(std::string& out, char32_t cp);

// Line and column (1-based, column counted in code points) of a byte offset;
// lines counted as text_lines counts them.
Location location_of_offset(std::string_view text, size_t offset, const std::string& file);

}  // namespace kovgen
