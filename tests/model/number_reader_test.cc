#include "number_reader.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "german_format.h"
#include "questionnaire.h"
#include "value.h"

using namespace kovgen;

namespace {

struct Spelling {
  const char* text;
  NumberKind kind;
  // The value in hundredths (money) or as a whole number; ignored when an error is expected.
  int64_t expected;
  // A fragment of the error message, or nullptr when the text must be read.
  const char* error_fragment;
};

// Money in cents, whole numbers as they are.
std::optional<int64_t> read_as(const char* text, NumberKind kind, std::string* error) {
  auto n = read_number(text, kind, error);
  if (!n) return std::nullopt;
  return kind == NumberKind::money ? n->hundredths() : n->whole();
}

constexpr NumberKind M = NumberKind::money;
constexpr NumberKind W = NumberKind::whole;

const Spelling kSpellings[] = {
    // German grouping and decimal comma.
    {"12.500 €", M, 1250000, nullptr},
    {"12.500", M, 1250000, nullptr},
    {"12.000", M, 1200000, nullptr},
    {"1.105", M, 110500, nullptr},
    {"12500", M, 1250000, nullptr},
    {"12500,5", M, 1250050, nullptr},
    {"12.500,50 €", M, 1250050, nullptr},
    {"1.234.567,89", M, 123456789, nullptr},
    {"€ 12.500", M, 1250000, nullptr},
    {"€12.500", M, 1250000, nullptr},
    {"12.500 EUR", M, 1250000, nullptr},
    {"EUR 100", M, 10000, nullptr},
    {"eur 100", M, 10000, nullptr},
    {"800 Euro", M, 80000, nullptr},
    {"100,-", M, 10000, nullptr},
    {"100,– €", M, 10000, nullptr},
    {"12\u00A0500 €", M, 1250000, nullptr},
    {"12\u202F500,00", M, 1250000, nullptr},
    {"1 234 567,00", M, 123456700, nullptr},
    {"0,29", M, 29, nullptr},
    {"19,99", M, 1999, nullptr},
    {"-5,50", M, -550, nullptr},
    {"\u22125,50", M, -550, nullptr},
    // YAML and JSON numbers: an English decimal with one or two digits after the dot.
    {"1105", M, 110500, nullptr},
    {"1105.5", M, 110550, nullptr},
    {"1105.00", M, 110500, nullptr},
    {"4.20", M, 420, nullptr},
    {"1.200", W, 1200, nullptr},
    {"1.500", W, 1500, nullptr},
    {"1.234.567", W, 1234567, nullptr},
    {"12,0", W, 12, nullptr},
    // Ambiguous or malformed: refused, with the readings or the rule.
    {"1.5.00", M, 0, "is not a number"},
    {"12,500.00 €", M, 0, "write 12.500,00"},
    {"1.2345", M, 0, "\"1.2345\" is ambiguous: in German a dot groups exactly three digits"},
    {"1.2345", NumberKind::decimal, 0, "is ambiguous: write 1,2345 ("},
    {"0.500", W, 0, "is ambiguous: write 500 ("},
    {"0.500", M, 0, "is ambiguous: write 0,50\u00A0€ or 500,00\u00A0€ ("},
    {"1234.500", M, 0, "is ambiguous: write 1.234,50\u00A0€ or 1.234.500,00\u00A0€ ("},
    {"1234.500", NumberKind::decimal, 0, "is ambiguous: write 1234,500 or 1.234.500 ("},
    {"12,345", M, 0, "(for 12.345,00 € write 12.345)"},
    {"1,2,3", M, 0, "is not a number"},
    {"12.50.000", M, 0, "is not a number"},
    {"1.234 567", M, 0, "is not a number"},
    {"12.", M, 0, "is not a number"},
    {".5", M, 0, "is not a number"},
    {"viel", M, 0, "expected an amount in EUR such as 1.105,00 €, got \"viel\""},
    {"1e308", M, 0, "expected an amount in EUR"},
    {"12 € 50", M, 0, "expected an amount in EUR"},
    {"12,5", W, 0, "expected a whole number such as 1.200, got \"12,5\""},
    {"1.5", W, 0, "expected a whole number"},
    {"12 €", W, 0, "expected a whole number"},
    {"", M, 0, "expected an amount in EUR"},
    {"99999999999999999999", W, 0, "number too large"},
};

}  // namespace

TEST_CASE("number reader: a table of German, English and ambiguous spellings") {
  for (const Spelling& s : kSpellings) {
    CAPTURE(s.text);
    std::string error;
    auto value = read_as(s.text, s.kind, &error);
    if (s.error_fragment) {
      CHECK_FALSE(value.has_value());
      CHECK_MESSAGE(error.find(s.error_fragment) != std::string::npos, error);
    } else {
      REQUIRE_MESSAGE(value.has_value(), error);
      CHECK(*value == s.expected);
    }
  }
}

TEST_CASE("number reader: every cent value reads exactly, in German and in YAML spelling") {
  // Exact digits, not a double times 100: 19,99 must stay 1999 cents (a cast
  // instead of rounding once made it 1998).
  for (int64_t euros : {0LL, 1LL, 19LL, 999LL, 1000LL, 12500LL, 1234567LL, 999999999LL}) {
    for (int64_t cents = 0; cents < 100; ++cents) {
      const int64_t expected = euros * 100 + cents;
      std::string error;
      const std::string german = format_money(expected);
      CAPTURE(german);
      auto read = read_number(german, NumberKind::money, &error);
      REQUIRE_MESSAGE(read.has_value(), error);
      CHECK(read->hundredths() == expected);

      char english[32];
      std::snprintf(english, sizeof english, "%lld.%02lld", static_cast<long long>(euros), static_cast<long long>(cents));
      CAPTURE(english);
      read = read_number(english, NumberKind::money, &error);
      REQUIRE_MESSAGE(read.has_value(), error);
      CHECK(read->hundredths() == expected);
    }
  }
}

TEST_CASE("number reader: what the German formatter writes reads back to the same value") {
  std::mt19937_64 random(20261205);
  std::uniform_int_distribution<int64_t> magnitude(0, 9);
  for (int i = 0; i < 20000; ++i) {
    int64_t limit = 1;
    for (int64_t m = magnitude(random); m > 0; --m) limit *= 10;
    const int64_t whole = std::uniform_int_distribution<int64_t>(0, limit)(random) * (i % 3 == 0 ? -1 : 1);
    std::string error;

    const int64_t cents = whole * 100 + std::uniform_int_distribution<int64_t>(0, 99)(random) * (whole < 0 ? -1 : 1);
    auto money = read_number(format_money(cents), NumberKind::money, &error);
    REQUIRE_MESSAGE(money.has_value(), (format_money(cents) + ": " + error));
    CHECK(money->hundredths() == cents);
    // And a value read is written back as the user meant it.
    CHECK(format_money(*money->hundredths()) == format_money(cents));

    auto integer = read_number(format_integer(whole), NumberKind::whole, &error);
    REQUIRE_MESSAGE(integer.has_value(), (format_integer(whole) + ": " + error));
    CHECK(integer->whole() == whole);

    // format_decimal keeps four decimals: a value with four decimals survives.
    const double decimal = static_cast<double>(whole) + static_cast<double>(i % 10000) / 10000.0 * (whole < 0 ? -1 : 1);
    auto read_decimal = read_number(format_decimal(decimal), NumberKind::decimal, &error);
    REQUIRE_MESSAGE(read_decimal.has_value(), (format_decimal(decimal) + ": " + error));
    CHECK(format_decimal(read_decimal->to_double()) == format_decimal(decimal));
    CHECK(read_decimal->to_double() == doctest::Approx(decimal).epsilon(1e-12));

    auto percent = read_number(format_percent(decimal), NumberKind::percent, &error);
    REQUIRE_MESSAGE(percent.has_value(), (format_percent(decimal) + ": " + error));
    CHECK(format_percent(percent->to_double()) == format_percent(decimal));
  }
}

TEST_CASE("number reader: currency only for amounts, percent only for percentages") {
  std::string error;
  CHECK_FALSE(read_number("12 €", NumberKind::decimal, &error));
  CHECK_FALSE(read_number("12 %", NumberKind::money, &error));
  CHECK(read_number("2,5 %", NumberKind::percent, &error)->to_double() == 2.5);
  CHECK(read_number("2,5%", NumberKind::percent, &error)->to_double() == 2.5);
  CHECK_FALSE(read_number("100,-", NumberKind::whole, &error));
  CHECK_FALSE(read_number("0,12345", NumberKind::decimal, &error));
  CHECK(error.find("at most 4 decimals") != std::string::npos);
}

TEST_CASE("parse_scalar reads amounts, whole numbers and decimals with the same reader") {
  Question money{.key = "m", .full_key = "s.m", .label = "M", .type = QuestionType::money};
  Question integer{.key = "n", .full_key = "s.n", .label = "N", .type = QuestionType::integer};
  Question decimal{.key = "d", .full_key = "s.d", .label = "D", .type = QuestionType::decimal};
  std::string error;
  CHECK(parse_scalar(money, "12.500 €", &error)->display() == "12.500,00\u00A0€");
  CHECK(parse_scalar(money, "  12.000  ", &error)->number == 1200000);
  CHECK(parse_scalar(integer, "1.200", &error)->number == 1200);
  CHECK(parse_scalar(decimal, "1.500", &error)->real == 1500);
  CHECK(parse_scalar(decimal, "1,5", &error)->real == 1.5);
  CHECK_FALSE(parse_scalar(money, "1.5.00", &error));
  CHECK(error.find("\"1.5.00\" is not a number") != std::string::npos);
}
