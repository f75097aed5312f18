#include "number_reader.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "diagnostics.h"
#include "german_format.h"
#include "i18n.h"

namespace kovgen {

namespace {

// int64 holds 18 decimal digits. Fifteen before the decimal mark is already far
// beyond any amount in an agreement, and the caller's range check says so.
constexpr size_t kMaxWholeDigits = 15;
constexpr size_t kMaxDigits = 18;
// format_decimal writes at most four decimals; more would not read back as typed.
constexpr int kMaxDecimals = 4;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

bool starts_with_word(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(word[i])))
      return false;
  return true;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Removes one currency mark in front of or behind the number: "€ 12", "12 EUR",
// "800 Euro". "Euro" is tried before "EUR" so that "Euro" is not cut to "o".
bool strip_currency(std::string& s) {
  static constexpr std::string_view kMarks[] = {"€", "Euro", "EUR"};
  for (std::string_view mark : kMarks) {
    if (starts_with_word(s, mark)) {
      s = std::string(trim_spaces(std::string_view(s).substr(mark.size())));
      return true;
    }
    if (s.size() >= mark.size() && starts_with_word(std::string_view(s).substr(s.size() - mark.size()), mark)) {
      s = std::string(trim_spaces(std::string_view(s).substr(0, s.size() - mark.size())));
      return true;
    }
  }
  return false;
}

bool strip_suffix(std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size() || std::string_view(s).substr(s.size() - suffix.size()) != suffix) return false;
  s.resize(s.size() - suffix.size());
  return true;
}

// Spaces that may separate groups of thousands, folded to ' '.
std::string fold_group_spaces(std::string s) {
  static constexpr std::string_view kSpaces[] = {"\u00A0", "\u202F", "\u2009"};
  for (std::string_view space : kSpaces)
    for (size_t p; (p = s.find(space)) != std::string::npos;) s.replace(p, space.size(), " ");
  return s;
}

// "12.500", "1 234 567", "800": groups of three after a first group of one to
// three digits, all separated by the same mark. Appends the digits to *digits.
bool read_grouped(std::string_view s, std::string* digits) {
  if (all_digits(s)) {
    *digits += s;
    return true;
  }
  const size_t first_mark = s.find_first_of(". ");
  if (first_mark == std::string_view::npos) return false;
  const char mark = s[first_mark];
  std::vector<std::string_view> groups;
  for (size_t start = 0;;) {
    const size_t end = s.find(mark, start);
    groups.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (!all_digits(groups[0]) || groups[0].size() > 3 || groups[0][0] == '0') return false;
  for (size_t i = 1; i < groups.size(); ++i)
    if (groups[i].size() != 3 || !all_digits(groups[i])) return false;
  for (std::string_view g : groups) *digits += g;
  return true;
}


// The value of a run of decimal digits; callers keep it within 18 digits.
int64_t digits_value(std::string_view digits) {
  int64_t v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

std::string expected_message(NumberKind kind, std::string_view got) {
  const char* pattern = "";
  switch (kind) {
    case NumberKind::whole: pattern = tr("expected a whole number such as 1.200, got {}"); break;
    case NumberKind::decimal: pattern = tr("expected a number such as 2,5, got {}"); break;
    case NumberKind::percent: pattern = tr("expected a percentage such as 3 or 2,5 %, got {}"); break;
    case NumberKind::money: return fill(tr("expected an amount in EUR such as {}, got {}"), {"1.105,00 €", quoted_value(got)});
  }
  return fill(pattern, {quoted_value(got)});
}

std::string grouping_rule() {
  return tr("in German a dot groups exactly three digits (12.500) and a comma starts the decimals (1.105,50)");
}

// "0.500", "1234.500", "1.2345": a dot that is neither German grouping nor an
// English decimal of one or two digits. Names the readings, in the form to write.
std::string ambiguous_dot(std::string_view shown, std::string_view before, std::string_view after,
                          NumberKind kind) {
  std::string fraction(after);
  while (fraction.size() > 1 && fraction.back() == '0') fraction.pop_back();
  std::vector<std::string> readings;
  // Grouping needs exactly three digits after the dot; 18 digits still fit int64.
  const bool whole_possible = after.size() == 3 && before.size() + after.size() <= 15;
  if (kind == NumberKind::money) {
    if (fraction.size() <= 2 && before.size() <= 15)
      readings.push_back(format_money(digits_value(before) * 100 + digits_value(fraction) * (fraction.size() == 1 ? 10 : 1)));
    if (whole_possible) readings.push_back(format_money(digits_value(std::string(before) + std::string(after)) * 100));
  } else {
    if (kind != NumberKind::whole) readings.push_back(std::string(before) + "," + std::string(after));
    if (whole_possible) readings.push_back(format_integer(digits_value(std::string(before) + std::string(after))));
  }
  if (readings.empty()) return fill(tr("{} is ambiguous: {}"), {quoted_value(shown), grouping_rule()});
  if (readings.size() == 1)
    return fill(tr("{} is ambiguous: write {} ({})"), {quoted_value(shown), readings[0], grouping_rule()});
  return fill(tr("{} is ambiguous: write {} or {} ({})"),
              {quoted_value(shown), readings[0], readings[1], grouping_rule()});
}

// The number part once sign, currency and percent are gone: digits with at most
// one decimal mark. Sets *error on anything that is not one clear number.
std::optional<ExactNumber> read_body(std::string_view body, std::string_view shown, NumberKind kind,
                                     std::string* error) {
  auto fail = [&](const std::string& message) -> std::optional<ExactNumber> {
    *error = message;
    return std::nullopt;
  };
  const auto not_a_number = [&] { return fail(expected_message(kind, shown)); };
  const auto not_german = [&] { return fail(fill(tr("{} is not a number: {}"), {quoted_value(shown), grouping_rule()})); };
  if (body.empty() || body.find_first_not_of("0123456789., ") != std::string_view::npos) return not_a_number();

  const size_t comma = body.find(',');
  const size_t last_dot = body.rfind('.');
  if (comma != std::string_view::npos && last_dot != std::string_view::npos && last_dot > comma) {
    std::string german(body);
    for (char& c : german) c = c == ',' ? '.' : c == '.' ? ',' : c;
    return fail(fill(tr("{} is written the English way (comma for thousands, dot for decimals); write {} ({})"),
                     {quoted_value(shown), german, grouping_rule()}));
  }
  if (std::count(body.begin(), body.end(), ',') > 1) return not_german();

  std::string digits;
  int decimals = 0;
  if (comma != std::string_view::npos) {
    const std::string_view fraction = body.substr(comma + 1);
    if (!all_digits(fraction) || !read_grouped(body.substr(0, comma), &digits))
      return not_german();
    digits += fraction;
    decimals = static_cast<int>(fraction.size());
  } else if (std::count(body.begin(), body.end(), '.') == 1) {
    const std::string_view before = body.substr(0, last_dot), after = body.substr(last_dot + 1);
    const bool plain_before = all_digits(before);
    if (plain_before && (after.size() == 1 || after.size() == 2) && all_digits(after)) {
      // An English decimal, as YAML and JSON write numbers: 1105.5, 1105.00.
      digits = std::string(before) + std::string(after);
      decimals = static_cast<int>(after.size());
    } else if (read_grouped(body, &digits)) {
      // 12.500: German grouping.
    } else if (plain_before && all_digits(after) && after.size() >= 3) {
      return fail(ambiguous_dot(shown, before, after, kind));
    } else {
      return not_german();
    }
  } else if (!read_grouped(body, &digits)) {
    return not_german();
  }

  const auto significant = [](std::string_view d) { return d.size() - std::min(d.find_first_not_of('0'), d.size()); };
  if (significant(std::string_view(digits).substr(0, digits.size() - decimals)) > kMaxWholeDigits ||
      significant(digits) > kMaxDigits)
    return fail(tr("number too large"));
  ExactNumber n;
  n.units = digits_value(digits);
  n.decimals = decimals;
  return n;
}

}  // namespace

double ExactNumber::to_double() const {
  double scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  return static_cast<double>(units) / scale;
}

std::optional<int64_t> ExactNumber::hundredths() const {
  int64_t value = units;
  int d = decimals;
  for (; d > 2; --d) {
    if (value % 10 != 0) return std::nullopt;
    value /= 10;
  }
  for (; d < 2; ++d) value *= 10;
  return value;
}

std::optional<int64_t> ExactNumber::whole() const {
  int64_t value = units;
  for (int d = decimals; d > 0; --d) {
    if (value % 10 != 0) return std::nullopt;
    value /= 10;
  }
  return value;
}

std::optional<ExactNumber> read_number(std::string_view text, NumberKind kind, std::string* error) {
  std::string s = fold_group_spaces(std::string(text));
  s = std::string(trim_spaces(s));
  if (kind == NumberKind::money) strip_currency(s);
  if (kind == NumberKind::percent && strip_suffix(s, "%")) s = std::string(trim_spaces(s));
  // "100,-" and "100,– €": whole euros, as written on German price tags.
  if (kind == NumberKind::money && (strip_suffix(s, ",-") || strip_suffix(s, ",\u2013") || strip_suffix(s, ",\u2014")))
    s += ",00";
  bool negative = false;
  if (s.starts_with("-")) s.erase(0, 1), negative = true;
  else if (s.starts_with("\u2212")) s.erase(0, 3), negative = true;

  auto n = read_body(s, text, kind, error);
  if (!n) return std::nullopt;
  if (negative) n->units = -n->units;

  switch (kind) {
    case NumberKind::whole:
      if (!n->whole()) {
        *error = expected_message(kind, text);
        return std::nullopt;
      }
      break;
    case NumberKind::money:
      if (!n->hundredths()) {
        *error = fill(tr("expected an amount in EUR with at most two decimals, got {}"), {quoted_value(text)});
        // 3,505 is three and a half euros to a German and 3505 euros to an
        // English reader; name the second reading too.
        const size_t comma = s.find(',');
        if (n->decimals == 3 && comma != std::string::npos && comma <= 3 && all_digits(s.substr(0, comma))) {
          const std::string grouped = (negative ? "-" : "") + s.substr(0, comma) + "." + s.substr(comma + 1);
          *error = fill(tr("expected an amount in EUR with at most two decimals, got {} (for {} write {})"),
                        {quoted_value(text), grouped + ",00 €", grouped});
        }
        return std::nullopt;
      }
      break;
    case NumberKind::decimal:
    case NumberKind::percent:
      if (n->decimals > kMaxDecimals) {
        *error = fill(kind == NumberKind::percent
                          ? tr("expected a percentage such as 3 or 2,5 % with at most {} decimals, got {}")
                          : tr("expected a number such as 2,5 with at most {} decimals, got {}"),
                      {std::to_string(kMaxDecimals), quoted_value(text)});
        return std::nullopt;
      }
      break;
  }
  return n;
}

}  // namespace kovgen
