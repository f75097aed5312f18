// Choices as Mustache names: umlauts fold to their two-letter spelling, every
// other run of non-ASCII-alphanumerics becomes one underscore between words.
#include <doctest/doctest.h>

#include <string>

#include "value.h"

using namespace kovgen;

TEST_CASE("choice slugs fold umlauts and join words with one underscore") {
  CHECK(choice_slug("Caritas/katholisch") == "caritas_katholisch");
  CHECK(choice_slug("Körperschaft d. öff. Rechts") == "koerperschaft_d_oeff_rechts");
  CHECK(choice_slug("ÄÖÜ äöü ß") == "aeoeue_aeoeue_ss");
  CHECK(choice_slug("  jährlich!  ") == "jaehrlich");
  CHECK(choice_slug("Straße") == "strasse");
  // Other two-byte letters with the same lead byte (é, à) are no folds: they separate.
  CHECK(choice_slug("Café Crème") == "caf_cr_me");
  CHECK(choice_slug("à la carte") == "la_carte");
  CHECK(choice_slug("") == "");
}
