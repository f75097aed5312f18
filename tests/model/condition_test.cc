// The condition language of a question's "when": parsing, and a truth table of
// every operator against unanswered, empty, false and (non-)matching answers.
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "condition.h"

using namespace kovgen;

namespace {

Condition parsed(const std::string& text) {
  std::string error;
  auto c = parse_condition(text, &error);
  INFO(error);
  REQUIRE(c);
  return *c;
}

std::string parse_error(const std::string& text) {
  std::string error;
  CHECK_FALSE(parse_condition(text, &error));
  return error;
}

// Evaluates a condition on "s.k" with the given answer (nullopt: unanswered).
bool eval(const std::string& condition, std::optional<std::string> answer) {
  const Condition c = parsed(condition);
  std::vector<std::string> asked;
  const bool result = evaluate_condition(c, [&](const std::string& key) -> std::optional<std::string> {
    asked.push_back(key);
    return key == "s.k" ? answer : std::nullopt;
  });
  CHECK(asked == std::vector<std::string>{"s.k"});
  return result;
}

struct Row {
  const char* condition;
  // Results for: unanswered, "", "false", "true", "Ja", "Nein".
  bool unanswered, empty, is_false, is_true, ja, nein;
};

}  // namespace

TEST_CASE("truth table of every operator") {
  const Row table[] = {
      {"s.k", false, false, false, true, true, true},
      {"not s.k", true, true, true, false, false, false},
      {"s.k == Ja", false, false, false, false, true, false},
      {"s.k != Ja", true, true, true, true, false, true},
      {"s.k == false", false, false, true, false, false, false},
      {"s.k != false", true, true, false, true, true, true},
      {"s.k == true", false, false, false, true, false, false},
      {"s.k != true", true, true, true, false, true, true},
      {"s.k == ''", false, true, false, false, false, false},
      {"s.k != ''", true, false, true, true, true, true},
      {"s.k in [Ja]", false, false, false, false, true, false},
      {"s.k in [Ja, Nein]", false, false, false, false, true, true},
      {"s.k in [false, Nein]", false, false, true, false, false, true},
      {"s.k in [Vielleicht]", false, false, false, false, false, false},
  };
  for (const Row& row : table) {
    CAPTURE(row.condition);
    CHECK(eval(row.condition, std::nullopt) == row.unanswered);
    CHECK(eval(row.condition, "") == row.empty);
    CHECK(eval(row.condition, "false") == row.is_false);
    CHECK(eval(row.condition, "true") == row.is_true);
    CHECK(eval(row.condition, "Ja") == row.ja);
    CHECK(eval(row.condition, "Nein") == row.nein);
  }
}

TEST_CASE("comparisons are exact: case, spaces inside and prefixes matter") {
  CHECK_FALSE(eval("s.k == Ja", "ja"));
  CHECK(eval("s.k != Ja", "ja"));
  CHECK_FALSE(eval("s.k == Ja", "Ja "));
  CHECK_FALSE(eval("s.k == Ja", "Jaa"));
  CHECK_FALSE(eval("s.k in [Ja, Nein]", "J"));
  CHECK_FALSE(eval("s.k in [Ja, Nein]", "Ja, Nein"));
  CHECK(eval("s.k == Caritas/katholisch", "Caritas/katholisch"));
  CHECK(eval("s.k == 12.50", "12.50"));
  CHECK_FALSE(eval("s.k == 12.50", "12.5"));
  // Only the answer "false" is falsy, not "nein" or "0" (booleans come canonical).
  CHECK(eval("s.k", "nein"));
  CHECK(eval("s.k", "0"));
}

TEST_CASE("conditions parse into operator, key and values") {
  Condition c = parsed("  sec.key  ");
  CHECK(c.op == Condition::Op::truthy);
  CHECK(c.key == "sec.key");
  CHECK(c.values.empty());
  CHECK(c.source == "sec.key");

  c = parsed("not sec.key");
  CHECK(c.op == Condition::Op::falsy);
  CHECK(c.key == "sec.key");

  c = parsed("sec.key==Wert mit Leerzeichen ");
  CHECK(c.op == Condition::Op::equals);
  CHECK(c.key == "sec.key");
  CHECK(c.values == std::vector<std::string>{"Wert mit Leerzeichen"});

  c = parsed("sec.key != \"  zitiert \"");
  CHECK(c.op == Condition::Op::not_equals);
  CHECK(c.values == std::vector<std::string>{"  zitiert "});

  c = parsed("sec.key == 'a == b'");
  CHECK(c.op == Condition::Op::equals);
  CHECK(c.values == std::vector<std::string>{"a == b"});

  c = parsed("sec.key in [Wert 1, 'Wert 2', \"Wert 3\" ,Wert4]");
  CHECK(c.op == Condition::Op::in);
  CHECK(c.key == "sec.key");
  CHECK(c.values == std::vector<std::string>{"Wert 1", "Wert 2", "Wert 3", "Wert4"});

  c = parsed("a.b.c_1 in [x]");
  CHECK(c.key == "a.b.c_1");
  CHECK(c.values == std::vector<std::string>{"x"});
}

TEST_CASE("quotes are removed only when they match at both ends") {
  CHECK(parsed("s.k == \"Ja\"").values[0] == "Ja");
  CHECK(parsed("s.k == 'Ja'").values[0] == "Ja");
  CHECK(parsed("s.k == \"Ja'").values[0] == "\"Ja'");
  CHECK(parsed("s.k == \"").values[0] == "\"");
  CHECK(parsed("s.k == \"\"").values[0] == "");
  CHECK(eval("s.k == \"Ja\"", "Ja"));
  CHECK(eval("s.k != 'Ja'", std::nullopt));
}

TEST_CASE("invalid conditions name the problem") {
  CHECK(parse_error("key") == "invalid condition \"key\": expected a full key such as \"section.key\"");
  CHECK(parse_error("") == "invalid condition \"\": expected a full key such as \"section.key\"");
  CHECK(parse_error(".key") == "invalid condition \".key\": expected a full key such as \"section.key\"");
  CHECK(parse_error("sec.") == "invalid condition \"sec.\": expected a full key such as \"section.key\"");
  CHECK(parse_error("Sec.Key") == "invalid condition \"Sec.Key\": expected a full key such as \"section.key\"");
  CHECK(parse_error("sec-x.key") == "invalid condition \"sec-x.key\": expected a full key such as \"section.key\"");
  CHECK(parse_error("not key") == "invalid condition \"not key\": expected a full key such as \"section.key\"");
  CHECK(parse_error("== Ja") == "invalid condition \"== Ja\": expected a full key such as \"section.key\"");
  CHECK(parse_error("sec.key in Ja, Nein") ==
        "invalid condition \"sec.key in Ja, Nein\": expected a list in brackets after \"in\"");
  CHECK(parse_error("sec.key in [Ja") ==
        "invalid condition \"sec.key in [Ja\": expected a list in brackets after \"in\"");
  CHECK(parse_error("sec.key in Ja]") ==
        "invalid condition \"sec.key in Ja]\": expected a list in brackets after \"in\"");
  CHECK(parse_error("sec.key is Ja") ==
        "invalid condition \"sec.key is Ja\": expected a full key such as \"section.key\"");
}

TEST_CASE("numeric comparisons read German and English decimals and are false without a number") {
  CHECK(eval("s.k <= 0,5", "0,5"));
  CHECK(eval("s.k <= 0.5", "0,25"));
  CHECK_FALSE(eval("s.k <= 0,5", "0,75"));
  CHECK(eval("s.k < 1", "0,5"));
  CHECK_FALSE(eval("s.k < 1", "1"));
  CHECK(eval("s.k >= 2", "2"));
  CHECK_FALSE(eval("s.k > 2", "2"));
  CHECK(eval("s.k > 1105", "1105.50"));
  CHECK_FALSE(eval("s.k <= 1", std::nullopt));
  CHECK_FALSE(eval("s.k >= 0", "viel"));
  CHECK_FALSE(eval("s.k <= 3", ""));
  const Condition c = parsed("s.k <= s.grenze");
  CHECK(c.op == Condition::Op::less_equal);
  CHECK(compared_key(c) == std::optional<std::string>("s.grenze"));
  CHECK_FALSE(compared_key(parsed("s.k <= 3")));
  CHECK(parsed("s.k in [a < b]").op == Condition::Op::in);
  CHECK(parse_error("s.k > viele") ==
        "invalid condition \"s.k > viele\": expected a number or a full key after the comparison");
}

TEST_CASE("a comparison with another key compares the two answers") {
  const Condition c = parsed("s.k <= s.grenze");
  auto with = [&](std::optional<std::string> k, std::optional<std::string> grenze) {
    return evaluate_condition(c, [&](const std::string& key) { return key == "s.k" ? k : grenze; });
  };
  CHECK(with("2", "2"));
  CHECK_FALSE(with("3", "2"));
  CHECK_FALSE(with("1", std::nullopt));
}
