#include "german_format.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace kovgen {

namespace {

const char* const kMonths[] = {"Januar", "Februar", "März",     "April",   "Mai",      "Juni",
                               "Juli",   "August",  "September", "Oktober", "November", "Dezember"};

constexpr const char* kNoBreakSpace = "\u00A0";

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::string group_thousands(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  // DIN 5008 allows "2793"; German contracts usually write "2.793".
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace

bool is_valid_date(const Date& d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1900 || d.year > 2199 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  int days = kDays[d.month - 1] + (d.month == 2 && is_leap_year(d.year) ? 1 : 0);
  return d.day <= days;
}

std::string format_date_long(const Date& d) {
  return std::to_string(d.day) + ". " + kMonths[(d.month - 1) % 12] + " " + std::to_string(d.year);
}

std::string_view german_month_name(int month) { return month >= 1 && month <= 12 ? kMonths[month - 1] : ""; }

int german_month_number(std::string_view name) {
  for (int i = 0; i < 12; ++i)
    if (name == kMonths[i]) return i + 1;
  return 0;
}

size_t long_date_length(std::string_view text) {
  auto digits = [&](size_t at, size_t most) {
    size_t n = 0;
    while (at + n < text.size() && n < most && text[at + n] >= '0' && text[at + n] <= '9') ++n;
    return n;
  };
  auto space = [&](size_t at) -> size_t {
    if (text.substr(at, 1) == " ") return 1;
    return text.substr(at, 2) == kNoBreakSpace ? 2 : 0;
  };
  // A letter or digit right after would make it part of a longer word ("Maier").
  auto ends_here = [&](size_t at) {
    if (at >= text.size() || space(at) > 0) return true;
    const unsigned char c = static_cast<unsigned char>(text[at]);
    return !(std::isalnum(c) || c >= 0x80);
  };
  size_t at = digits(0, 2);
  if (at == 0 || digits(at, 1) > 0 || text.substr(at, 1) != ".") return 0;
  const size_t gap = space(at + 1);
  if (gap == 0) return 0;
  at += 1 + gap;
  for (const char* month : kMonths) {
    const std::string_view name(month);
    if (text.substr(at, name.size()) != name || !ends_here(at + name.size())) continue;
    const size_t after_month = at + name.size();
    const size_t before_year = space(after_month);
    if (before_year > 0 && digits(after_month + before_year, 5) == 4 && ends_here(after_month + before_year + 4))
      return after_month + before_year + 4;
    return after_month;
  }
  return 0;
}

std::string format_date_short(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d.day % 100, d.month % 100, d.year % 10000);
  return buf;
}

std::string format_integer(int64_t n) {
  if (n < 0) return "-" + group_thousands(static_cast<uint64_t>(-(n + 1)) + 1);
  return group_thousands(static_cast<uint64_t>(n));
}

std::string format_money_number(int64_t cents) {
  const bool negative = cents < 0;
  const uint64_t abs = negative ? static_cast<uint64_t>(-(cents + 1)) + 1 : static_cast<uint64_t>(cents);
  char frac[4];
  std::snprintf(frac, sizeof frac, "%02u", static_cast<unsigned>(abs % 100));
  return (negative ? "-" : "") + group_thousands(abs / 100) + "," + frac;
}

std::string format_count_word(int64_t n) {
  static const char* const kWords[] = {"null", "eins", "zwei", "drei",  "vier", "fünf", "sechs",
                                       "sieben", "acht", "neun", "zehn", "elf",  "zwölf"};
  return n >= 0 && n <= 12 ? kWords[n] : format_integer(n);
}

std::string format_money(int64_t cents) { return format_money_number(cents) + kNoBreakSpace + "€"; }

std::string format_decimal(double value) {
  const bool negative = value < 0;
  const double abs = std::fabs(value);
  // Round to 4 decimals once, then split, so 0.1+0.2 prints as "0,3".
  const uint64_t scaled = static_cast<uint64_t>(std::llround(abs * 10000.0));
  std::string out = (negative && scaled != 0 ? "-" : "") + group_thousands(scaled / 10000);
  uint64_t frac = scaled % 10000;
  if (frac != 0) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04u", static_cast<unsigned>(frac));
    std::string f = buf;
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "," + f;
  }
  return out;
}

std::string format_percent(double value) { return format_decimal(value) + kNoBreakSpace + "%"; }

std::string format_time_hm(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%d:%02d", (minutes / 60) % 100, minutes % 60);
  return buf;
}

std::string format_time(int minutes) { return format_time_hm(minutes) + " Uhr"; }

std::string format_school_year(int start_year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d/%02d", start_year, (start_year + 1) % 100);
  return buf;
}

std::string join_german(const std::vector<std::string>& items, const std::string& last) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " " + last + " " : ", ";
    out += items[i];
  }
  return out;
}

std::string format_range(const std::string& from, const std::string& to) {
  return from + "\u2013" + to;
}

Date date_from_unix_days(int64_t days) {
  using namespace std::chrono;
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace kovgen
