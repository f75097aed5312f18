// UTF-8 decoder stress test: every class of malformed input against every
// validating and decoding function of utf8.h, and the valid boundary values
// next to each class.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "utf8.h"

using namespace kovgen;

namespace {

// Every step must advance within the text, or a caller's loop would not end.
std::vector<char32_t> decode(std::string_view text) {
  std::vector<char32_t> out;
  for (size_t pos = 0; pos < text.size();) {
    const size_t before = pos;
    out.push_back(next_code_point(text, pos));
    if (pos <= before || pos > text.size()) {
      FAIL("next_code_point moved from " << before << " to " << pos);
      break;
    }
  }
  return out;
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

// Byte sequences that are malformed as a whole: each byte decodes as U+FFFD.
struct Malformed {
  const char* what;
  std::string bytes;
};

const Malformed kMalformed[] = {
    {"overlong 2-byte U+0000", "\xC0\x80"},
    {"overlong 2-byte '/'", "\xC0\xAF"},
    {"overlong 2-byte U+007F", "\xC1\xBF"},
    {"overlong 3-byte U+0000", "\xE0\x80\x80"},
    {"overlong 3-byte '/'", "\xE0\x80\xAF"},
    {"overlong 3-byte U+07FF", "\xE0\x9F\xBF"},
    {"overlong 4-byte U+0000", "\xF0\x80\x80\x80"},
    {"overlong 4-byte '/'", "\xF0\x80\x80\xAF"},
    {"overlong 4-byte U+FFFF", "\xF0\x8F\xBF\xBF"},
    {"surrogate U+D800", "\xED\xA0\x80"},
    {"surrogate U+DB7F", "\xED\xAD\xBF"},
    {"surrogate U+DB80", "\xED\xAE\x80"},
    {"surrogate U+DBFF", "\xED\xAF\xBF"},
    {"surrogate U+DC00", "\xED\xB0\x80"},
    {"surrogate U+DFFF", "\xED\xBF\xBF"},
    {"surrogate pair (CESU-8)", "\xED\xA0\x80\xED\xB0\x80"},
    {"U+110000", "\xF4\x90\x80\x80"},
    {"U+13FFFF", "\xF4\xBF\xBF\xBF"},
    {"lead byte F5", "\xF5\x80\x80\x80"},
    {"lead byte F6", "\xF6\x80\x80\x80"},
    {"lead byte F7", "\xF7\xBF\xBF\xBF"},
    {"5-byte form", "\xF8\x88\x80\x80\x80"},
    {"5-byte form, top", "\xFB\xBF\xBF\xBF\xBF"},
    {"6-byte form", "\xFC\x84\x80\x80\x80\x80"},
    {"6-byte form, top", "\xFD\xBF\xBF\xBF\xBF\xBF"},
    {"byte FE", "\xFE"},
    {"byte FF", "\xFF"},
    {"BOM of UTF-16", "\xFE\xFF"},
    {"lone continuation 80", "\x80"},
    {"lone continuation BF", "\xBF"},
    {"continuation bytes only", "\x80\x81\xBE\xBF"},
    {"truncated 2-byte", "\xC3"},
    {"truncated 3-byte after 1", "\xE2"},
    {"truncated 3-byte after 2", "\xE2\x82"},
    {"truncated 4-byte after 1", "\xF0"},
    {"truncated 4-byte after 2", "\xF0\x9F"},
    {"truncated 4-byte after 3", "\xF0\x9F\x98"},
};

}  // namespace

TEST_CASE("malformed UTF-8 is found at its first byte, at any position") {
  for (const Malformed& m : kMalformed) {
    CAPTURE(m.what);
    CHECK(find_invalid_utf8(m.bytes) == 0);
    CHECK(find_invalid_utf8("ab" + m.bytes) == 2);
    CHECK(find_invalid_utf8("\xC3\xA4" + m.bytes) == 2);  // after a valid "ä"
    CHECK(find_invalid_utf8("€" + m.bytes + "z") == 3);
  }
}

TEST_CASE("malformed UTF-8 decodes as one U+FFFD per byte, never as a character") {
  for (const Malformed& m : kMalformed) {
    CAPTURE(m.what);
    std::vector<char32_t> expected{U'a'};
    expected.insert(expected.end(), m.bytes.size(), 0xFFFD);
    expected.push_back(U'z');
    CHECK(decode("a" + m.bytes + "z") == expected);
    CHECK(decode(m.bytes) == std::vector<char32_t>(m.bytes.size(), 0xFFFD));
  }
}

TEST_CASE("check_utf8 rejects malformed UTF-8 with the byte and its position") {
  for (const Malformed& m : kMalformed) {
    CAPTURE(m.what);
    Diagnostics diag;
    CHECK_FALSE(check_utf8("Zeile 1\nab" + m.bytes + "\n", "f.txt", diag));
    REQUIRE(diag.items().size() == 1);
    const Diagnostic& d = diag.items()[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.message ==
          "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(m.bytes[0])) + "); save the file as UTF-8");
    CHECK(d.where.file == "f.txt");
    CHECK(d.where.line == 2);
    CHECK(d.where.column == 3);
  }
}

TEST_CASE("an overlong NUL does not get past the NUL check") {
  Diagnostics diag;
  CHECK_FALSE(check_utf8("a\xC0\x80z", "f.txt", diag));
  REQUIRE(diag.items().size() == 1);
  CHECK(diag.items()[0].message == "invalid UTF-8 (byte 0xC0); save the file as UTF-8");
  Diagnostics diag3;
  CHECK_FALSE(check_utf8("a\xE0\x80\x80z", "f.txt", diag3));
  Diagnostics diag4;
  CHECK_FALSE(check_utf8("a\xF0\x80\x80\x80z", "f.txt", diag4));
  // A real NUL is valid UTF-8 but no text.
  const std::string nul("ab\ncd\0e", 7);
  CHECK(find_invalid_utf8(nul) == std::string_view::npos);
  Diagnostics diag0;
  CHECK_FALSE(check_utf8(nul, "f.txt", diag0));
  REQUIRE(diag0.items().size() == 1);
  CHECK(diag0.items()[0].message == "NUL byte in text file");
  CHECK(diag0.items()[0].where.line == 2);
  CHECK(diag0.items()[0].where.column == 3);
}

TEST_CASE("a sequence cut off by the end of the view is malformed, whatever follows in memory") {
  // The views end inside a sequence whose remaining bytes lie right after them.
  for (const std::string full : {"\xC3\xA4", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF"}) {
    for (size_t len = 1; len < full.size(); ++len) {
      CAPTURE(full);
      CAPTURE(len);
      const std::string_view cut(full.data(), len);
      CHECK(find_invalid_utf8(cut) == 0);
      CHECK(decode(cut) == std::vector<char32_t>(len, 0xFFFD));
      Diagnostics diag;
      CHECK_FALSE(check_utf8(cut, "f.txt", diag));
    }
  }
}

TEST_CASE("a broken sequence costs one replacement and the next character survives") {
  CHECK(decode("\xC3" "A") == std::vector<char32_t>{0xFFFD, U'A'});
  CHECK(decode("\xE2\x82" "A") == std::vector<char32_t>{0xFFFD, 0xFFFD, U'A'});
  CHECK(decode("\xF0\x9F\x98" "A") == std::vector<char32_t>{0xFFFD, 0xFFFD, 0xFFFD, U'A'});
  CHECK(decode("\xC3\xC3\xA4") == std::vector<char32_t>{0xFFFD, U'ä'});
  CHECK(decode("\xE2\x28\xA1") == std::vector<char32_t>{0xFFFD, U'(', 0xFFFD});
  CHECK(decode("\xF0\x9F\x98\xF0\x9F\x98\x80") == std::vector<char32_t>{0xFFFD, 0xFFFD, 0xFFFD, U'😀'});
  CHECK(find_invalid_utf8("\xC3" "A") == 0);
  CHECK(find_invalid_utf8("x\xE2\x28\xA1") == 1);
  CHECK(find_invalid_utf8("ä\xC3\xC3\xA4") == 2);
}

TEST_CASE("the valid neighbours of every malformed class decode exactly") {
  struct Valid {
    std::string bytes;
    char32_t cp;
  };
  const Valid valid[] = {
      {"\x7F", 0x7F},                  {"\xC2\x80", 0x80},           {"\xC3\xA4", U'ä'},
      {"\xDF\xBF", 0x7FF},             {"\xE0\xA0\x80", 0x800},      {"\xE1\x80\x80", 0x1000},
      {"\xE2\x82\xAC", U'€'},          {"\xEC\xBF\xBF", 0xCFFF},     {"\xED\x80\x80", 0xD000},
      {"\xED\x9F\xBF", 0xD7FF},        {"\xEE\x80\x80", 0xE000},     {"\xEF\xBF\xBD", 0xFFFD},
      {"\xEF\xBF\xBF", 0xFFFF},        {"\xF0\x90\x80\x80", 0x10000}, {"\xF0\x9F\x98\x80", U'😀'},
      {"\xF3\xBF\xBF\xBF", 0xFFFFF},   {"\xF4\x80\x80\x80", 0x100000}, {"\xF4\x8F\xBF\xBF", 0x10FFFF},
  };
  for (const Valid& v : valid) {
    CAPTURE(static_cast<unsigned>(v.cp));
    CHECK(find_invalid_utf8(v.bytes) == std::string_view::npos);
    CHECK(find_invalid_utf8("a" + v.bytes + v.bytes + "z") == std::string_view::npos);
    Diagnostics diag;
    CHECK(check_utf8("a" + v.bytes + "z", "f.txt", diag));
    CHECK(diag.items().empty());
    size_t pos = 0;
    CHECK(next_code_point(v.bytes, pos) == v.cp);
    CHECK(pos == v.bytes.size());
    CHECK(decode("a" + v.bytes + "z") == std::vector<char32_t>{U'a', v.cp, U'z'});
    std::string encoded;
    append_utf8(encoded, v.cp);
    CHECK(encoded == v.bytes);
  }
}

TEST_CASE("every code point round-trips through append_utf8 and the decoder") {
  std::string all;
  std::vector<char32_t> expected;
  for (char32_t cp = 1; cp <= 0x10FFFF; cp += (cp < 0x30000 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    append_utf8(all, cp);
    expected.push_back(cp);
  }
  CHECK(find_invalid_utf8(all) == std::string_view::npos);
  CHECK(decode(all) == expected);
}

TEST_CASE("columns of a location count code points") {
  const std::string text = "äöü\n€x\xF0\x9F\x98\x80y";
  const Location at_y = location_of_offset(text, text.size() - 1, "f.txt");
  CHECK(at_y.file == "f.txt");
  CHECK(at_y.line == 2);
  CHECK(at_y.column == 4);
  const Location start = location_of_offset(text, 0, "f.txt");
  CHECK(start.line == 1);
  CHECK(start.column == 1);
  const Location after_umlauts = location_of_offset(text, 6, "f.txt");
  CHECK(after_umlauts.line == 1);
  CHECK(after_umlauts.column == 4);
}

TEST_CASE("a location counts lines as text_lines does: LF, CRLF and a CR alone each end one") {
  for (const std::string end : {"\n", "\r\n", "\r"}) {
    CAPTURE(end.size());
    const std::string text = "a" + end + end + "b€x";
    const Location at_x = location_of_offset(text, text.size() - 1, "f.txt");
    CHECK(at_x.line == 3);
    CHECK(at_x.column == 3);
    CHECK(text_lines(text) == std::vector<std::string_view>{"a", "", "b€x"});
    CHECK(line_with_caret(text, at_x.line, at_x.column) == "\n  3 | b€x\n    |   ^");
  }
  CHECK(text_lines("a\r\n") == std::vector<std::string_view>{"a", ""});
  CHECK(text_lines("") == std::vector<std::string_view>{""});
}
