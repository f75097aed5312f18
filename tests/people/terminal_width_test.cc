// Terminal tables and wrapped help measure text in columns (display_width), so
// wide characters (CJK, emoji) and combining marks keep the columns aligned.
#include <doctest/doctest.h>

#include "checklist_table.h"
#include "questionnaire_text.h"

using namespace kovgen;

namespace {

// Where the "Status" column starts in each line of the table.
std::vector<size_t> status_columns(const std::string& table) {
  std::vector<size_t> columns;
  size_t start = 0;
  while (start < table.size()) {
    const size_t end = table.find('\n', start);
    const std::string line = table.substr(start, end - start);
    size_t at = line.find("Status");
    if (at == std::string::npos) at = line.find("incomplete");
    if (at == std::string::npos) at = line.find("complete");
    REQUIRE(at != std::string::npos);
    columns.push_back(display_width(line.substr(0, at)));
    start = end + 1;
  }
  return columns;
}

}  // namespace

TEST_CASE("the checklist table aligns titles with wide characters and combining marks") {
  Findings f;
  f.sections.push_back({"a", "Dokumentangaben", "", 1, true, true, {}});
  f.sections.push_back({"b", "\xE5\xAD\xA6\xE6\xA0\xA1\xE5\x90\x88\xE4\xBD\x9C", "", 2, true, true, {}});  // 学校合作
  f.sections.push_back({"c", "Feste \xF0\x9F\x8E\x89", "", 3, false, false, {{"c.x", "Termine"}}});       // 🎉
  f.sections.push_back({"d", "O\xCC\x88" "ffnungszeiten", "", 3, false, true, {}});  // Ö as O + U+0308
  const std::string table = checklist_table_text(f, {});
  const std::vector<size_t> columns = status_columns(table);
  REQUIRE(columns.size() == 5);
  for (size_t c : columns) CHECK(c == columns[0]);
  // The widest title is "Dokumentangaben" (15 columns), not the 12 bytes of 学校合作 nor the
  // 16 code points of the decomposed "Öffnungszeiten".
  CHECK(table.find("\n\xE5\xAD\xA6\xE6\xA0\xA1\xE5\x90\x88\xE4\xBD\x9C         2     mandatory") != std::string::npos);
}

TEST_CASE("wrapped text counts columns, not code points") {
  // Four wide characters take 8 columns: with 9 columns, only one word fits per line.
  const std::string wide = "\xE5\xAD\xA6\xE6\xA0\xA1\xE5\x90\x88\xE4\xBD\x9C";
  CHECK(wrap_text(wide + " " + wide, 9) == std::vector<std::string>{wide, wide});
  // A decomposed umlaut is one column: "Übergänge Öffnung" fits 17 columns.
  const std::string decomposed = "U\xCC\x88" "berga\xCC\x88" "nge O\xCC\x88" "ffnung";
  CHECK(wrap_text(decomposed, 17) == std::vector<std::string>{decomposed});
}
