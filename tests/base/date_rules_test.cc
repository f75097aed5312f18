// The calendar rules behind date answers: leap years, month lengths and the
// accepted range of years, directly and through parsing a date answer.
#include <doctest/doctest.h>

#include <string>

#include "german_format.h"
#include "value.h"

using namespace kovgen;

namespace {

// Whether a date answer is accepted; on rejection the message must name the date.
bool date_answer_ok(const std::string& text) {
  Question q;
  q.type = QuestionType::date;
  std::string error;
  const bool ok = parse_scalar(q, text, &error).has_value();
  if (!ok) CHECK(error == "no such date: \"" + text + "\"");
  return ok;
}

}  // namespace

TEST_CASE("leap years: every 4th year, but not centuries unless divisible by 400") {
  CHECK(is_valid_date({2000, 2, 29}));  // divisible by 400
  CHECK(is_valid_date({2028, 2, 29}));
  CHECK(is_valid_date({2024, 2, 29}));
  CHECK(is_valid_date({1904, 2, 29}));
  CHECK_FALSE(is_valid_date({1900, 2, 29}));  // century
  CHECK_FALSE(is_valid_date({2100, 2, 29}));
  CHECK_FALSE(is_valid_date({2026, 2, 29}));
  CHECK_FALSE(is_valid_date({2027, 2, 29}));
  CHECK_FALSE(is_valid_date({2000, 2, 30}));  // even a leap February has 29 days
  CHECK(is_valid_date({1900, 2, 28}));
  CHECK(is_valid_date({2100, 2, 28}));
}

TEST_CASE("a date answer of the 29th of February follows the leap-year rule") {
  CHECK(date_answer_ok("29.02.2000"));
  CHECK(date_answer_ok("2000-02-29"));
  CHECK(date_answer_ok("29.02.2028"));
  CHECK_FALSE(date_answer_ok("29.02.1900"));
  CHECK_FALSE(date_answer_ok("2100-02-29"));
  CHECK_FALSE(date_answer_ok("29.02.2026"));
  Question q;
  q.type = QuestionType::date;
  std::string error;
  auto v = parse_scalar(q, "29.02.2000", &error);
  REQUIRE(v);
  CHECK(v->date == Date{2000, 2, 29});
  CHECK(v->canonical() == "2000-02-29");
}

TEST_CASE("month lengths: the last day is valid, the day after it is not") {
  const int last_day[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int month = 1; month <= 12; ++month) {
    CAPTURE(month);
    CHECK(is_valid_date({2026, month, 1}));
    CHECK(is_valid_date({2026, month, last_day[month - 1]}));
    CHECK_FALSE(is_valid_date({2026, month, last_day[month - 1] + 1}));
    CHECK_FALSE(is_valid_date({2026, month, 0}));
  }
  CHECK_FALSE(is_valid_date({2026, 0, 1}));
  CHECK_FALSE(is_valid_date({2026, 13, 1}));
  CHECK_FALSE(is_valid_date({2026, 1, -1}));
}

TEST_CASE("years from 1900 to 2199 inclusive") {
  CHECK(is_valid_date({1900, 1, 1}));
  CHECK(is_valid_date({2199, 12, 31}));
  CHECK_FALSE(is_valid_date({1899, 12, 31}));
  CHECK_FALSE(is_valid_date({2200, 1, 1}));
  CHECK(date_answer_ok("01.01.1900"));
  CHECK(date_answer_ok("31.12.2199"));
  CHECK_FALSE(date_answer_ok("31.12.1899"));
  CHECK_FALSE(date_answer_ok("2200-01-01"));
}
