// The one table of what a question offers a template.
#include <doctest/doctest.h>

#include <set>

#include "representations.h"

using namespace kovgen;

namespace {

std::vector<std::string> suffixes_of(QuestionType type) {
  std::vector<std::string> out;
  for (const Representation& r : representations(type)) out.push_back(r.suffix);
  return out;
}

}  // namespace

TEST_CASE("representations: every type offers its value first and _offen last, with the documented variants") {
  CHECK(suffixes_of(QuestionType::text) == std::vector<std::string>{"", "_offen"});
  CHECK(suffixes_of(QuestionType::date) == std::vector<std::string>{"", "_kurz", "_offen"});
  CHECK(suffixes_of(QuestionType::time) == std::vector<std::string>{"", "_hm", "_offen"});
  CHECK(suffixes_of(QuestionType::money) == std::vector<std::string>{"", "_zahl", "_offen"});
  CHECK(suffixes_of(QuestionType::boolean) == std::vector<std::string>{"", "_text", "_offen"});
  CHECK(suffixes_of(QuestionType::list) == std::vector<std::string>{"", "_text", "_offen"});
  CHECK(suffixes_of(QuestionType::choice) == std::vector<std::string>{"", "_ist", "_offen"});
  CHECK(suffixes_of(QuestionType::records) == std::vector<std::string>{"", "_mehrere", "_offen"});
  CHECK(suffixes_of(QuestionType::integer) == std::vector<std::string>{"", "_wort", "_eins", "_offen"});
  CHECK(suffixes_of(QuestionType::decimal) == std::vector<std::string>{"", "_wort", "_eins", "_offen"});
}

TEST_CASE("representations: text variants format the value the German way") {
  Value money;
  money.type = QuestionType::money;
  money.number = 1250050;
  const auto reps = representations(QuestionType::money);
  CHECK(reps[0].text(money) == "12.500,50\u00A0€");
  CHECK(reps[1].text(money) == "12.500,50");
  Value date;
  date.type = QuestionType::date;
  date.date = {2026, 8, 1};
  CHECK(representations(QuestionType::date)[1].text(date) == "01.08.2026");
}

TEST_CASE("representations: each suffix has one bit, and every bit one suffix") {
  std::set<std::string> suffixes;
  std::set<int> bits;
  for (const auto& [suffix, bit] : representation_suffixes()) {
    suffixes.insert(suffix);
    bits.insert(bit);
  }
  CHECK(suffixes.size() == representation_suffixes().size());
  CHECK(bits.size() == representation_suffixes().size());
  CHECK(suffixes == std::set<std::string>{"", "_offen", "_ist", "_text", "_kurz", "_hm", "_zahl", "_wort", "_eins", "_mehrere"});
}

TEST_CASE("representations: counts up to twelve read as words, and one count chooses the singular") {
  const auto& reps = representations(QuestionType::integer);
  Value n;
  n.type = QuestionType::integer;
  n.number = 6;
  CHECK(reps[1].text(n) == "sechs");
  CHECK_FALSE(reps[2].holds(n));
  n.number = 12;
  CHECK(reps[1].text(n) == "zwölf");
  n.number = 13;
  CHECK(reps[1].text(n) == "13");
  n.number = 1;
  CHECK(reps[2].holds(n));
  Value d;
  d.type = QuestionType::decimal;
  d.real = 1.0;
  CHECK(representations(QuestionType::decimal)[2].holds(d));
  d.real = 2.0;
  CHECK(representations(QuestionType::decimal)[1].text(d) == "zwei");
  d.real = 1.5;
  CHECK(representations(QuestionType::decimal)[1].text(d) == "1,5");
  CHECK_FALSE(representations(QuestionType::decimal)[2].holds(d));
}

TEST_CASE("representations: _mehrere of a table holds from its second row on") {
  const Representation& several = representations(QuestionType::records)[1];
  REQUIRE(std::string(several.suffix) == "_mehrere");
  REQUIRE(several.shape == Shape::flag);
  Value table;
  table.type = QuestionType::records;
  CHECK_FALSE(several.holds(table));
  table.rows.push_back({{"name", Value{}}});
  CHECK_FALSE(several.holds(table));
  table.rows.push_back({{"name", Value{}}});
  CHECK(several.holds(table));
}
