// NFC, case folding and terminal widths (src/base/unicode.h).
#include <doctest/doctest.h>

#include <utf8proc.h>

#include "text_match.h"
#include "unicode.h"

using namespace kovgen;

namespace {
// "jährlich" as macOS writes it: a + U+0308 COMBINING DIAERESIS.
const std::string kNfd = "ja\xCC\x88hrlich";
const std::string kNfc = "j\xC3\xA4hrlich";
}  // namespace

TEST_CASE("nfc_inert: such code points neither decompose nor stand in another's canonical decomposition") {
  // Then a text of them is in NFC whatever their order (the fast path of normalize_nfc).
  size_t inert_above_marks = 0;
  for (char32_t cp = 0x300; cp < 0x30000; ++cp) {
    if (!nfc_inert(cp)) continue;
    ++inert_above_marks;
    const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
    CHECK_MESSAGE(p->combining_class == 0, cp);
    utf8proc_int32_t parts[8];
    int last = 0;
    const utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts, 8, UTF8PROC_DECOMPOSE, &last);
    CHECK_MESSAGE((n == 1 && parts[0] == static_cast<utf8proc_int32_t>(cp)), cp);
  }
  CHECK(inert_above_marks > 50);
  for (utf8proc_int32_t cp = 0; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    utf8proc_int32_t parts[8];
    int last = 0;
    const utf8proc_ssize_t n = utf8proc_decompose_char(cp, parts, 8, UTF8PROC_DECOMPOSE, &last);
    for (utf8proc_ssize_t i = 0; i < n; ++i)
      if (parts[i] != cp && parts[i] >= 0x300) CHECK_MESSAGE(!nfc_inert(static_cast<char32_t>(parts[i])), cp);
  }
  CHECK(to_nfc("\u201EGanztag\u201C \u2013 12.500\u00A0\u20AC \u2026") == "\u201EGanztag\u201C \u2013 12.500\u00A0\u20AC \u2026");
}

TEST_CASE("to_nfc composes what macOS decomposes and leaves NFC text alone") {
  REQUIRE(kNfd != kNfc);
  CHECK(to_nfc(kNfd) == kNfc);
  CHECK(to_nfc(kNfc) == kNfc);
  std::string in_place = kNfd;
  normalize_nfc(in_place);
  CHECK(in_place == kNfc);
  CHECK(to_nfc("Stra\xC3\x9F" "e \xE2\x80\x9E" "x\xE2\x80\x9C \xE2\x82\xAC") == "Straße „x“ €");
  CHECK(to_nfc("U\xCC\x88" "bergang, wa\xCC\x88" "chst") == "Übergang, wächst");
  CHECK(to_nfc("").empty());
  // A combining mark with nothing to compose with stays.
  CHECK(to_nfc("q\xCC\x88") == "q\xCC\x88");
  // Invalid UTF-8 is not the reader's business here: returned unchanged.
  CHECK(to_nfc("a\xFF" "a\xCC\x88") == "a\xFF" "a\xCC\x88");
}

TEST_CASE("case_fold makes upper and lower case, composed and decomposed, alike") {
  CHECK(case_fold("JÄHRLICH") == "jährlich");
  CHECK(case_fold("Jährlich") == case_fold(kNfd));
  CHECK(case_fold("STRASSE") == case_fold("Straße"));
  CHECK(case_fold("ASCII Only") == "ascii only");
  CHECK(equal_ignoring_case("ÖFFENTLICH", "öffentlich"));
  CHECK_FALSE(equal_ignoring_case("jahrlich", "jährlich"));
}

TEST_CASE("display_width counts terminal columns: wide characters two, combining marks none") {
  CHECK(display_width("") == 0);
  CHECK(display_width("Lindenschule") == 12);
  CHECK(display_width("Übergänge") == 9);
  CHECK(display_width(kNfd) == 8);                            // the mark takes no column
  CHECK(display_width("\xE5\xAD\xA6\xE6\xA0\xA1") == 4);      // 学校: two wide characters
  CHECK(display_width("\xF0\x9F\x98\x80 ok") == 5);           // an emoji takes two
  CHECK(display_width("a\xFF" "b") == 3);                     // an invalid byte shows as one
  CHECK(pad_to_width("\xE5\xAD\xA6", 4) == "\xE5\xAD\xA6  ");
  CHECK(pad_to_width(kNfd, 10) == kNfd + "  ");
  CHECK(pad_to_width("zu lang", 3) == "zu lang");
}

TEST_CASE("suggestions ignore case: an all-caps or wrongly capitalised word still finds its key") {
  const std::vector<std::string> choices = {"jährlich", "halbjährlich", "monatlich"};
  CHECK(nearest("Jahrlich", choices) == "jährlich");
  CHECK(nearest("MONATLICH", choices) == "monatlich");
  CHECK(nearest("MONATLCH", choices) == "monatlich");
  CHECK(nearest("GEGENSTAND.PLEATZE", {"gegenstand.plaetze", "laufzeit.beginn"}) == "gegenstand.plaetze");
  CHECK(nearest("HALBJÄHRLICH", choices) == "halbjährlich");  // returned as the candidate is spelled
}
