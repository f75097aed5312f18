// Separator detection in the first record: the most frequent of ";", "," and
// tab wins; a tab only when it beats both others.
#include <doctest/doctest.h>

#include <string>

#include "csv_reader.h"

using namespace kovgen;

namespace {

char separator_of(const std::string& text) { return CsvReader(text, "s.csv").separator(); }

}  // namespace

TEST_CASE("a tab is the separator only when it is more frequent than both others") {
  CHECK(separator_of("a,b,c\tx\n") == ',');          // 2 commas, 1 tab
  CHECK(separator_of("a;b;c\tx\n") == ';');          // 2 semicolons, 1 tab
  CHECK(separator_of("a\tb\tc,x;y\n") == '\t');      // 2 tabs, 1 of each other
  CHECK(separator_of("a\tb,c\n") == ',');            // tie of tab and comma
  CHECK(separator_of("a\tb;c\n") == ';');            // tie of tab and semicolon
  CHECK(separator_of("Name\tOrt\tNotiz, lang\n") == '\t');
}

TEST_CASE("the first record's fields split at the detected separator") {
  const std::string text = "Name,Ort,Notiz\tmit Tab\n1,2,3\n";
  CsvReader reader(text, "s.csv");
  Diagnostics diag;
  CsvRecord r;
  REQUIRE(reader.next(r, diag));
  CHECK(r.fields == std::vector<std::string>{"Name", "Ort", "Notiz\tmit Tab"});
  CHECK(diag.items().empty());
}
