// The one decoder of user files (src/base/text_decoding.h): encodings, BOMs,
// mixed bytes, NFC.
#include <doctest/doctest.h>

#include "text_decoding.h"

using namespace kovgen;

namespace {

struct Result {
  std::string text, encoding, errors;
};

Result decode(const std::string& bytes) {
  Diagnostics diag;
  auto d = decode_text(bytes, "a.yaml", diag);
  Result r;
  r.errors = diag.to_string();
  if (!d) {
    r.text = "<error>";
    return r;
  }
  r.text = d->text;
  r.encoding = encoding_name(d->encoding);
  return r;
}

// UTF-16 code units of ASCII or Latin-1 text, with the BOM.
std::string utf16(std::string_view latin1, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : latin1) {
    if (little_endian) out += c, out += '\0';
    else out += '\0', out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("UTF-8 with and without BOM") {
  CHECK(decode("a: ä\n").text == "a: ä\n");
  CHECK(decode("a: ä\n").encoding == "UTF-8");
  CHECK(decode("\xEF\xBB\xBF" "a: ä\n").text == "a: ä\n");
  CHECK(decode("\xEF\xBB\xBF" "a: ä\n").encoding == "UTF-8 with BOM");
}

TEST_CASE("UTF-16 with BOM, little and big endian, surrogate pairs") {
  CHECK(decode(utf16("a: \xE4\n", true)).text == "a: ä\n");
  CHECK(decode(utf16("a: \xE4\n", true)).encoding == "UTF-16LE");
  CHECK(decode(utf16("a: \xE4\n", false)).text == "a: ä\n");
  CHECK(decode(utf16("a: \xE4\n", false)).encoding == "UTF-16BE");
  // U+1F600 as D83D DE00.
  CHECK(decode(std::string("\xFF\xFE\x3D\xD8\x00\xDE", 6)).text == "\xF0\x9F\x98\x80");
  // A lone surrogate becomes U+FFFD instead of invalid UTF-8.
  CHECK(decode(std::string("\xFF\xFE\x3D\xD8", 4)).text == "\xEF\xBF\xBD");
  const Result odd = decode(std::string("\xFF\xFE" "a", 3));
  CHECK(odd.text == "<error>");
  CHECK(odd.errors == "a.yaml: UTF-16 file with an odd number of bytes; save it again as UTF-8\n");
}

TEST_CASE("Windows-1252 when no byte is UTF-8, mixed bytes are an error naming the first bad one") {
  const Result cp = decode("titel: Stra\xDF" "e \x84" "Am Bach\x93 \x80\n");
  CHECK(cp.text == "titel: Straße „Am Bach“ €\n");
  CHECK(cp.encoding == "Windows-1252");
  const Result mixed = decode("a: Straße\nb: K\xE4mpen\n");
  CHECK(mixed.text == "<error>");
  CHECK(mixed.errors == "a.yaml:2:5: invalid UTF-8 (byte 0xE4); save the file as UTF-8\n");
  CHECK(decode(std::string("a\0b", 3)).errors.find("NUL byte") != std::string::npos);
}

TEST_CASE("every encoding comes out in NFC") {
  CHECK(decode("h: ja\xCC\x88hrlich\n").text == "h: jährlich\n");
  CHECK(decode("\xEF\xBB\xBF" "h: ja\xCC\x88hrlich\n").text == "h: jährlich\n");
  // UTF-16LE "a" U+0308.
  CHECK(decode(std::string("\xFF\xFE" "a\0\x08\x03", 6)).text == "ä");
}

TEST_CASE("a surrogate encoded as UTF-8 (CESU-8) is broken UTF-8, not Windows-1252") {
  const Result r = decode("titel: Stadt \xED\xA0\x80\n");
  CHECK(r.text == "<error>");
  CHECK(r.errors == "a.yaml:1:14: invalid UTF-8 (byte 0xED); save the file as UTF-8\n");
}
