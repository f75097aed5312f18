// The min and max of numeric questions are inclusive: a value equal to a bound
// is allowed, one just beyond it is not. Only plain inputs ("5", "10"): number
// notations are tested elsewhere.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "value.h"

using namespace kovgen;

namespace {

Question bounded(QuestionType type, std::optional<double> min, std::optional<double> max) {
  Question q;
  q.key = "wert";
  q.full_key = "test.wert";
  q.type = type;
  q.min = min;
  q.max = max;
  return q;
}

bool accepted(const Question& q, const std::string& text) {
  std::string error;
  const bool ok = parse_scalar(q, text, &error).has_value();
  if (!ok) CHECK(error.find("out of range") != std::string::npos);
  return ok;
}

constexpr QuestionType kBoundedTypes[] = {QuestionType::integer, QuestionType::decimal, QuestionType::percent,
                                          QuestionType::money};

}  // namespace

TEST_CASE("both bounds are inclusive for every numeric type") {
  for (QuestionType type : kBoundedTypes) {
    CAPTURE(question_type_name(type));
    const Question q = bounded(type, 5, 10);
    CHECK(accepted(q, "5"));
    CHECK(accepted(q, "7"));
    CHECK(accepted(q, "10"));
    CHECK_FALSE(accepted(q, "4"));
    CHECK_FALSE(accepted(q, "11"));
    CHECK_FALSE(accepted(q, "0"));
    CHECK_FALSE(accepted(q, "-5"));
  }
}

TEST_CASE("a single bound limits one side only") {
  for (QuestionType type : kBoundedTypes) {
    CAPTURE(question_type_name(type));
    const Question at_least = bounded(type, 0, std::nullopt);
    CHECK(accepted(at_least, "0"));
    CHECK(accepted(at_least, "1000000"));
    CHECK_FALSE(accepted(at_least, "-1"));
    const Question at_most = bounded(type, std::nullopt, 100);
    CHECK(accepted(at_most, "100"));
    CHECK(accepted(at_most, "-1000"));
    CHECK_FALSE(accepted(at_most, "101"));
    const Question unbounded = bounded(type, std::nullopt, std::nullopt);
    CHECK(accepted(unbounded, "-1000"));
    CHECK(accepted(unbounded, "1000"));
  }
}

TEST_CASE("a question whose min equals its max takes exactly that value") {
  for (QuestionType type : kBoundedTypes) {
    CAPTURE(question_type_name(type));
    const Question q = bounded(type, 3, 3);
    CHECK(accepted(q, "3"));
    CHECK_FALSE(accepted(q, "2"));
    CHECK_FALSE(accepted(q, "4"));
  }
}

TEST_CASE("negative bounds are inclusive too") {
  for (QuestionType type : kBoundedTypes) {
    CAPTURE(question_type_name(type));
    const Question q = bounded(type, -10, -5);
    CHECK(accepted(q, "-10"));
    CHECK(accepted(q, "-5"));
    CHECK_FALSE(accepted(q, "-11"));
    CHECK_FALSE(accepted(q, "-4"));
  }
}

TEST_CASE("a value at a bound keeps its number") {
  std::string error;
  auto money = parse_scalar(bounded(QuestionType::money, 5, 10), "10", &error);
  REQUIRE(money);
  CHECK(money->number == 1000);  // cents
  auto integer = parse_scalar(bounded(QuestionType::integer, 5, 10), "5", &error);
  REQUIRE(integer);
  CHECK(integer->number == 5);
  auto percent = parse_scalar(bounded(QuestionType::percent, 5, 10), "10", &error);
  REQUIRE(percent);
  CHECK(percent->real == 10);
}
