// Values built from the columns of a school-list row.
#include <doctest/doctest.h>

#include "batch_pattern.h"

using namespace kovgen;

namespace {

const CsvHeader kHeader{{"Strasse", "PLZ", "Ort", "Schulbezeichnung_1", "Schulbezeichnung_2"}, 1};

CsvRecord row(std::vector<std::string> fields) { return CsvRecord{2, std::move(fields)}; }

}  // namespace

TEST_CASE("column patterns: columns in braces, blanks tidied, literal braces doubled") {
  Diagnostics diag;
  auto address = ColumnPattern::parse("{Strasse}, {PLZ} {Ort}", kHeader, {"m.yaml", 3, 5}, diag);
  REQUIRE_MESSAGE(address.has_value(), diag.to_string());
  CHECK(address->expand(row({"Markt 1", "41061", "Musterhausen", "", ""})) == "Markt 1, 41061 Musterhausen");
  // An empty street leaves no comma at the start; every column empty, no value.
  CHECK(address->expand(row({"", "41061", "Musterhausen", "", ""})) == "41061 Musterhausen");
  CHECK(address->expand(row({"", "", "", "", ""})).empty());
  CHECK(address->columns() == std::vector<int>{0, 1, 2});
  CHECK(address->first_column() == 0);
  CHECK(address->describe(kHeader) == "columns \u201EStrasse\u201C, \u201EPLZ\u201C, \u201EOrt\u201C");

  // Names split over two columns, as in the MSB list.
  auto name = ColumnPattern::parse("{Schulbezeichnung_1}  {Schulbezeichnung_2}", kHeader, {}, diag);
  REQUIRE(name);
  CHECK(name->expand(row({"", "", "", "Städt. Gemeinschaftsgrundschule", "Am Friedenspark"})) ==
        "Städt. Gemeinschaftsgrundschule Am Friedenspark");

  auto braces = ColumnPattern::parse("{{{Ort}}}", kHeader, {}, diag);
  REQUIRE(braces);
  CHECK(braces->expand(row({"", "", "Musterhausen", "", ""})) == "{Musterhausen}");
  CHECK(tidy_value("  , a   b ,  ") == "a b");
}

TEST_CASE("column patterns: an unknown column is named with its place and the nearest column") {
  Diagnostics diag;
  CHECK_FALSE(ColumnPattern::parse("{Strase}", kHeader, {"m.yaml", 4, 12}, diag));
  const std::string text = diag.to_string();
  CHECK(text.find("m.yaml:4:12:") != std::string::npos);
  CHECK(text.find("did you mean \"Strasse\"?") != std::string::npos);
  CHECK(no_such_column("Ortt", kHeader).find("\"Ort\"") != std::string::npos);
}
