// The --report JSON: valid JSON whatever the names and texts hold.
#include <doctest/doctest.h>

#include "report_json.h"

using namespace kovgen;

TEST_CASE("report JSON: strings are escaped, and bytes that are not UTF-8 become U+FFFD") {
  CHECK(json_string("Plätze \"A\"\\\n\t") == "\"Plätze \\\"A\\\"\\\\\\n\\t\"");
  CHECK(json_string(std::string("a\x01z")) == "\"a\\u0001z\"");
  // A Latin-1 file name (\xE4 = ä) and a lone continuation byte.
  CHECK(json_string("Entw\xFCrfe/\xE4.yaml") == "\"Entw\\ufffdrfe/\\ufffd.yaml\"");
  CHECK(json_string("\x80") == "\"\\ufffd\"");
  // A real U+FFFD and other valid characters stay as they are.
  CHECK(json_string("\uFFFD €") == "\"\uFFFD €\"");
}

TEST_CASE("report JSON: findings with the sections and what is missing") {
  Findings f;
  f.template_id = "ogs";
  f.template_title = "OGS";
  SectionFinding s;
  s.id = "finanzierung";
  s.title = "Finanzierung";
  s.step = 3;
  s.mandatory = true;
  s.complete = false;
  s.missing.push_back({"finanzierung.plaetze", "Plätze"});
  f.sections.push_back(s);
  const std::string json = findings_to_json(f, "a\xFF.yaml");
  CHECK(json.find("\"source\": \"a\\ufffd.yaml\"") != std::string::npos);
  CHECK(json.find("\"complete\": false") != std::string::npos);
  CHECK(json.find("{\"key\": \"finanzierung.plaetze\", \"label\": \"Plätze\"}") != std::string::npos);
}
