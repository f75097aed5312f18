#include <doctest/doctest.h>

#include "german_format.h"

using namespace kovgen;

TEST_CASE("dates") {
  CHECK(format_date_long({2026, 8, 1}) == "1. August 2026");
  CHECK(format_date_long({2026, 3, 26}) == "26. März 2026");
  CHECK(format_date_short({2026, 8, 1}) == "01.08.2026");
  CHECK(is_valid_date({2028, 2, 29}));
  CHECK_FALSE(is_valid_date({2026, 2, 29}));
  CHECK_FALSE(is_valid_date({2026, 2, 31}));
  CHECK_FALSE(is_valid_date({2026, 13, 1}));
  CHECK(date_from_unix_days(0) == Date{1970, 1, 1});
  CHECK(date_from_unix_days(20665) == Date{2026, 7, 31});
}

TEST_CASE("numbers and money") {
  CHECK(format_integer(200) == "200");
  CHECK(format_integer(2793) == "2.793");
  CHECK(format_integer(1234567) == "1.234.567");
  CHECK(format_integer(-1500) == "-1.500");
  CHECK(format_money(1250000) == "12.500,00\u00A0€");
  CHECK(format_money(143400) == "1.434,00\u00A0€");
  CHECK(format_money(5) == "0,05\u00A0€");
  CHECK(format_money(-250) == "-2,50\u00A0€");
  CHECK(format_money_number(1250050) == "12.500,50");
  CHECK(format_decimal(0.5) == "0,5");
  CHECK(format_decimal(0.1 + 0.2) == "0,3");
  CHECK(format_decimal(1234.25) == "1.234,25");
  CHECK(format_decimal(3) == "3");
}

TEST_CASE("percent, time, school year, ranges and lists") {
  CHECK(format_percent(3) == "3\u00A0%");
  CHECK(format_percent(2.5) == "2,5\u00A0%");
  CHECK(format_time(8 * 60) == "8:00 Uhr");
  CHECK(format_time(16 * 60 + 30) == "16:30 Uhr");
  CHECK(format_time_hm(7 * 60 + 45) == "7:45");
  CHECK(format_range(format_time_hm(480), format_time(960)) == "8:00\u201316:00 Uhr");
  CHECK(format_school_year(2026) == "2026/27");
  CHECK(format_school_year(2099) == "2099/00");
  CHECK(join_german({}) == "");
  CHECK(join_german({"A"}) == "A");
  CHECK(join_german({"A", "B"}) == "A und B");
  CHECK(join_german({"A", "B", "C"}) == "A, B und C");
  CHECK(join_german({"A", "B"}, "oder") == "A oder B");
}

TEST_CASE("month names and numbers: each name gives its number back, anything else none") {
  for (int m = 1; m <= 12; ++m) {
    CAPTURE(m);
    CHECK(german_month_number(german_month_name(m)) == m);
    CHECK(format_date_long({2026, m, 1}).find(german_month_name(m)) != std::string::npos);
  }
  CHECK(german_month_name(3) == "März");
  CHECK(german_month_name(0).empty());
  CHECK(german_month_name(13).empty());
  CHECK(german_month_number("Maerz") == 0);
  CHECK(german_month_number("märz") == 0);
  CHECK(german_month_number("") == 0);
}

TEST_CASE("long_date_length finds a date as format_date_long writes it, and nothing longer or shorter") {
  CHECK(long_date_length("1. August 2026 gilt") == std::string_view("1. August 2026").size());
  CHECK(long_date_length(format_date_long({2026, 3, 26})) == format_date_long({2026, 3, 26}).size());
  CHECK(long_date_length("30. März, spätestens") == std::string_view("30. März").size());
  CHECK(long_date_length("30.\u00A0Juni\u00A02027") == std::string_view("30.\u00A0Juni\u00A02027").size());
  CHECK(long_date_length("1. August 20261") == std::string_view("1. August").size());  // no year of five digits
  CHECK(long_date_length("123. März 2026") == 0);
  CHECK(long_date_length("1.August 2026") == 0);
  CHECK(long_date_length("3. Maier") == 0);
  CHECK(long_date_length("3. Absatz") == 0);
  CHECK(long_date_length("August 2026") == 0);
  CHECK(long_date_length("") == 0);
}
