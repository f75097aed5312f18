#pragma once
// German formatting of values for the documents: dates, amounts, percentages,
// times, school years, enumerations. Pure functions.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kovgen {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};

bool is_valid_date(const Date& d);

// "1. August 2026"
std::string format_date_long(const Date& d);
// The length of a date written as format_date_long writes it ("1. August 2026",
// also without the year or with no-break spaces) at the start of `text`, or 0
// when `text` does not start with one.
size_t long_date_length(std::string_view text);
// "01.08.2026"
std::string format_date_short(const Date& d);
// 3 -> "März"; "" for a number that is no month.
std::string_view german_month_name(int month);
// "März" -> 3; 0 for anything else (the name exactly, as german_month_name writes it).
int german_month_number(std::string_view name);
// 2793 -> "2.793"; 200 -> "200"; -1500 -> "-1.500"
std::string format_integer(int64_t n);
// 6 -> "sechs"; 1 -> "eins"; 13 -> "13": running text writes counts up to twelve as words
std::string format_count_word(int64_t n);
// 1250050 cents -> "12.500,50 €" (no-break space before €)
std::string format_money(int64_t cents);
// 1250050 cents -> "12.500,50"
std::string format_money_number(int64_t cents);
// 0.5 -> "0,5"; 1234.25 -> "1.234,25" (at most 4 decimals, trailing zeros dropped)
std::string format_decimal(double value);
// 3 -> "3 %"; 2.5 -> "2,5 %" (no-break space before %)
std::string format_percent(double value);
// 480 minutes -> "8:00 Uhr"
std::string format_time(int minutes);
// 480 -> "8:00"
std::string format_time_hm(int minutes);
// 2026 -> "2026/27"
std::string format_school_year(int start_year);
// {"A","B","C"} -> "A, B und C"
std::string join_german(const std::vector<std::string>& items, const std::string& last = "und");
// "8:00–16:00 Uhr" style ranges: "A–B" with an en dash
std::string format_range(const std::string& from, const std::string& to);

// Days since 1970-01-01 -> date (for SOURCE_DATE_EPOCH).
Date date_from_unix_days(int64_t days);

}  // namespace kovgen
