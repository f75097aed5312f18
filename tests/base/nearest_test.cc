#include <doctest/doctest.h>

#include "text_match.h"

using kovgen::nearest;

TEST_CASE("the nearest key is suggested for a typo, nothing for a stranger") {
  const std::vector<std::string> keys = {"gegenstand.plaetze", "finanzierung.eigenanteil_je_platz",
                                         "vertragspartner.traeger_name", "laufzeit.beginn"};
  CHECK(nearest("gegenstand.pleatze", keys) == "gegenstand.plaetze");
  CHECK(nearest("laufzeit.begin", keys) == "laufzeit.beginn");
  CHECK(nearest("finanzierung.eigenanteil", keys) == "finanzierung.eigenanteil_je_platz");  // contained
  CHECK(nearest("xyz", keys).empty());
  CHECK(nearest("völlig_anderer_schlüssel_ohne_ähnlichkeit", keys).empty());
}

TEST_CASE("of two candidates the closer one wins, whatever their order") {
  CHECK(nearest("plaetze", {"plaetzen", "plaetz_anzahl"}) == "plaetzen");
  CHECK(nearest("plaetze", {"plaetz_anzahl", "plaetzen"}) == "plaetzen");
  CHECK(nearest("abcd", {"abce", "abcf"}) == "abce");  // ties keep the first
}
