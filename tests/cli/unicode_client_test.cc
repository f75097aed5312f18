// Markdown saved by macOS (NFD) through convert: the PDF's fonts have no
// combining marks, so without NFC on the way in "wächst" printed as "wa�chst".
#include <doctest/doctest.h>

#include "mini_template.h"
#include "unicode_test_support.h"

using namespace kovgen::test;

TEST_CASE("a PDF converted from NFD Markdown shows composed umlauts, no replacement characters") {
  REQUIRE(have_program("pdftotext"));
  const std::string dir = fresh_temp_dir("unicode-convert-pdf");
  const std::string text = "# Übergänge\n\nDie Zahl der Plätze wächst jährlich; Straße, Öffnungszeiten.\n";
  const std::string decomposed = nfd(text);
  REQUIRE(decomposed != text);
  write_text(dir + "/entwurf.md", decomposed);
  CommandResult r = run_kovgen({"convert", dir + "/entwurf.md", "-o", dir + "/entwurf.pdf"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CommandResult pdf = run_command({"pdftotext", "-enc", "UTF-8", dir + "/entwurf.pdf", "-"});
  REQUIRE(pdf.exit_code == 0);
  CHECK(pdf.out.find("\xEF\xBF\xBD") == std::string::npos);  // U+FFFD
  CHECK(contains(pdf.out, "Übergänge"));
  CHECK(contains(pdf.out, "wächst jährlich"));
  CHECK_FALSE(contains(pdf.out, "\xCC\x88"));
}
