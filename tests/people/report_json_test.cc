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
  s.heading = "§ 13 Finanzierung";
  s.missing.push_back({"finanzierung.plaetze", "Plätze"});
  f.sections.push_back(s);
  SectionFinding r;
  r.id = "beschluss";
  r.title = "Gremienbeteiligung";
  r.complete = false;
  f.sections.push_back(r);
  f.placeholders = {"Plätze"};
  f.stand = "1. August 2026";
  const std::string json = findings_to_json(f, "a\xFF.yaml");
  CHECK(json.find("\"source\": \"a\\ufffd.yaml\"") != std::string::npos);
  // One verdict, and the lists behind it.
  CHECK(json.find("\"unterschriftsreif\": false") != std::string::npos);
  CHECK(json.find("\"complete\": ") == std::string::npos);
  CHECK(json.find("\"mandatory_missing\": [\"§ 13 Finanzierung\"]") != std::string::npos);
  CHECK(json.find("\"recommended_missing\": [\"Gremienbeteiligung\"]") != std::string::npos);
  CHECK(json.find("\"placeholders\": [\"Plätze\"]") != std::string::npos);
  CHECK(json.find("\"stand\": \"1. August 2026\"") != std::string::npos);
  CHECK(json.find("\"heading\": \"§ 13 Finanzierung\"") != std::string::npos);
  // Missing recommended sections alone do not block.
  f.sections[0].complete = true;
  f.placeholders.clear();
  CHECK(findings_to_json(f, "a.yaml").find("\"unterschriftsreif\": true") != std::string::npos);
  CHECK(json.find("{\"key\": \"finanzierung.plaetze\", \"label\": \"Plätze\"}") != std::string::npos);
}
