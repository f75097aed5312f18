#include "value.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "i18n.h"
#include "number_reader.h"
#include "utf8.h"
#include "text_match.h"
#include "unicode.h"

namespace kovgen {

namespace {

std::string trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void remove_all(std::string& s, const std::string& what) {
  for (size_t p; (p = s.find(what)) != std::string::npos;) s.erase(p, what.size());
}

// A cursor over a value for hand-written matching (std::regex costs milliseconds
// per pattern to compile, which dominated a whole render).
struct Cursor {
  std::string_view s;
  size_t i = 0;

  bool done() const { return i == s.size(); }
  bool eat(char c) {
    if (i < s.size() && s[i] == c) return ++i, true;
    return false;
  }
  // Reads between min and max digits; false (and no advance) otherwise.
  bool digits(size_t min, size_t max, long long* value = nullptr, size_t* count = nullptr) {
    size_t j = i;
    long long v = 0;
    while (j < s.size() && j - i < max && std::isdigit(static_cast<unsigned char>(s[j]))) v = v * 10 + (s[j++] - '0');
    if (j - i < min) return false;
    if (count) *count = j - i;
    if (value) *value = v;
    i = j;
    return true;
  }
  void skip_spaces() {
    while (i < s.size() && s[i] == ' ') ++i;
  }
};

// Rejects control characters other than tab (and newline for multi-line text).
bool has_control_characters(std::string_view s, bool allow_newline) {
  for (unsigned char c : s) {
    if (c == '\t' || (allow_newline && (c == '\n' || c == '\r'))) continue;
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

bool check_bounds(const Question& q, double v, std::string* error) {
  if ((q.min && v < *q.min) || (q.max && v > *q.max)) {
    *error = fill(tr("value out of range (allowed: {} to {})"),
                  {q.min ? format_decimal(*q.min) : std::string("…"), q.max ? format_decimal(*q.max) : std::string("…")});
    return false;
  }
  // Beyond this, amounts lose cents in a double and make no sense in an agreement.
  if (std::fabs(v) > 1e12) {
    *error = tr("number too large");
    return false;
  }
  return true;
}

std::optional<Date> parse_date(const std::string& s) {
  long long a = 0, b = 0, y = 0;
  Cursor iso{s};
  if (iso.digits(4, 4, &y) && iso.eat('-') && iso.digits(1, 2, &a) && iso.eat('-') && iso.digits(1, 2, &b) && iso.done())
    return Date{static_cast<int>(y), static_cast<int>(a), static_cast<int>(b)};
  Cursor german{s};
  if (german.digits(1, 2, &a) && german.eat('.') && (german.eat(' '), german.digits(1, 2, &b)) && german.eat('.') &&
      (german.eat(' '), german.digits(4, 4, &y)) && german.done())
    return Date{static_cast<int>(y), static_cast<int>(b), static_cast<int>(a)};
  return std::nullopt;
}

}  // namespace

Value::Value(const Value&) = default;
Value::Value(Value&&) noexcept = default;
Value& Value::operator=(const Value&) = default;
Value& Value::operator=(Value&&) noexcept = default;
Value::~Value() = default;

std::string Value::canonical() const {
  switch (type) {
    case QuestionType::boolean: return boolean ? "true" : "false";
    case QuestionType::integer: return std::to_string(number);
    case QuestionType::money: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(number / 100),
                    static_cast<long long>(std::llabs(number % 100)));
      return buf;
    }
    case QuestionType::decimal:
    case QuestionType::percent: return format_decimal(real);
    case QuestionType::date: {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year % 10000, date.month % 100, date.day % 100);
      return buf;
    }
    case QuestionType::time: return format_time_hm(static_cast<int>(number));
    case QuestionType::schoolyear: return format_school_year(static_cast<int>(number));
    case QuestionType::list: return join_german(items);
    case QuestionType::records: return std::to_string(rows.size());
    default: return text;
  }
}

std::string Value::display() const {
  switch (type) {
    case QuestionType::boolean: return boolean ? "ja" : "nein";
    case QuestionType::integer: return format_integer(number);
    case QuestionType::money: return format_money(number);
    case QuestionType::decimal: return format_decimal(real);
    case QuestionType::percent: return format_percent(real);
    case QuestionType::date: return format_date_long(date);
    case QuestionType::time: return format_time(static_cast<int>(number));
    default: return canonical();
  }
}

namespace {

// Minutes since midnight: "8:00", "08.30", "16:00 Uhr", "24:00".
std::optional<int> read_time(const std::string& s, std::string* error) {
  auto fail = [&](const std::string& message) -> std::optional<int> {
    *error = message;
    return std::nullopt;
  };
  Cursor c{s};
  long long hours = 0, minutes = 0;
  if (!c.digits(1, 2, &hours) || !(c.eat(':') || c.eat('.')) || !c.digits(2, 2, &minutes))
    return fail(fill(tr("expected a time such as 8:00, got {}"), {quoted_value(s)}));
  c.skip_spaces();
  if (!c.done() && s.compare(c.i, std::string::npos, "Uhr") != 0)
    return fail(fill(tr("expected a time such as 8:00, got {}"), {quoted_value(s)}));
  const int h = static_cast<int>(hours), min = static_cast<int>(minutes);
  if (h > 24 || min > 59 || (h == 24 && min > 0)) return fail(fill(tr("no such time: {}"), {quoted_value(s)}));
  return h * 60 + min;
}

// The starting year of "2026/27", "2026/2027" or "2026".
std::optional<int> read_school_year(const std::string& s, std::string* error) {
  // pattern: the whole message, {} for the value.
  auto fail = [&](const char* pattern) -> std::optional<int> {
    *error = fill(pattern, {quoted_value(s)});
    return std::nullopt;
  };
  const char* const not_a_school_year = tr("expected a school year such as 2026/27, got {}");
  Cursor c{s};
  long long start_year = 0, end_year = 0;
  size_t end_digits = 0;
  if (!c.digits(4, 4, &start_year)) return fail(not_a_school_year);
  if (c.eat('/') && !c.digits(2, 4, &end_year, &end_digits)) return fail(not_a_school_year);
  if (!c.done() || end_digits == 3) return fail(not_a_school_year);
  const int start = static_cast<int>(start_year);
  if (end_digits > 0 && end_year != (start + 1) % 100 && end_year != start + 1)
    return fail(tr("expected consecutive years such as 2026/27, got {}"));
  if (start < 1900 || start > 2199) return fail(not_a_school_year);
  return start;
}

// One of the question's choices, as the template spells it.
std::optional<std::string> read_choice(const Question& q, const std::string& s, std::string* error) {
  for (const auto& c : q.choices)
    if (s == c) return c;
  // "JÄHRLICH" means "jährlich": compared case-folded, stored as the template spells it.
  const std::string folded = case_fold(s);
  for (const auto& c : q.choices)
    if (case_fold(c) == folded) return c;
  std::string list;
  for (const auto& c : q.choices) list += (list.empty() ? "" : ", ") + quoted_value(c);
  *error = fill(tr("expected one of {}, got {}"), {list, quoted_value(s)});
  if (auto n = nearest(s, q.choices); !n.empty()) *error = fill(tr("{}; did you mean {}?"), {*error, quoted_value(n)});
  return std::nullopt;
}

// Refuses what no question type accepts: oversized values, invalid UTF-8 and
// control characters (line breaks only in text, which reports them itself).
bool acceptable_raw_value(const Question& q, std::string_view raw, std::string* error) {
  if (raw.size() > kMaxTextBytes) {
    *error = fill(tr("value too long ({} bytes; at most {})"),
                  {std::to_string(raw.size()), std::to_string(kMaxTextBytes)});
    return false;
  }
  if (find_invalid_utf8(raw) != std::string_view::npos) {
    *error = tr("invalid UTF-8 in value; save the file as UTF-8");
    return false;
  }
  const bool multiline = q.type == QuestionType::longtext || q.type == QuestionType::text;
  if (has_control_characters(raw, multiline)) {
    *error = fill(tr("control character in value {}; remove it"), {quoted_value(raw)});
    return false;
  }
  return true;
}

}  // namespace

std::optional<Value> parse_scalar(const Question& q, std::string_view raw, std::string* error) {
  if (!acceptable_raw_value(q, raw, error)) return std::nullopt;
  Value v;
  v.type = q.type;
  std::string s = trim(raw);
  // pattern: the whole message, {} for the value.
  auto fail = [&](const char* pattern) -> std::optional<Value> {
    *error = fill(pattern, {quoted_value(s)});
    return std::nullopt;
  };
  // Numbers, dates and times are short; a long one is a mistake, said plainly.
  constexpr size_t kMaxShortValue = 64;
  if (q.type != QuestionType::text && q.type != QuestionType::longtext && q.type != QuestionType::choice &&
      s.size() > kMaxShortValue) {
    *error = fill(tr("value too long for the type {} ({} characters; at most {})"),
                  {question_type_label(q.type), std::to_string(s.size()), std::to_string(kMaxShortValue)});
    return std::nullopt;
  }
  switch (q.type) {
    case QuestionType::text:
      if (s.find('\n') != std::string::npos || s.find('\r') != std::string::npos)
        return fail(tr("expected one line of text (use a question of type longtext for paragraphs), got {}"));
      v.text = s;
      return v;
    case QuestionType::longtext:
      remove_all(s, "\r");
      v.text = s;
      return v;
    case QuestionType::integer: {
      auto n = read_number(s, NumberKind::whole, error);
      if (!n) return std::nullopt;
      v.number = *n->whole();
      if (!check_bounds(q, static_cast<double>(v.number), error)) return std::nullopt;
      return v;
    }
    case QuestionType::decimal:
    case QuestionType::percent: {
      auto n = read_number(s, q.type == QuestionType::percent ? NumberKind::percent : NumberKind::decimal, error);
      if (!n) return std::nullopt;
      v.real = n->to_double();
      if (!check_bounds(q, v.real, error)) return std::nullopt;
      return v;
    }
    case QuestionType::money: {
      auto n = read_number(s, NumberKind::money, error);
      if (!n) return std::nullopt;
      if (!check_bounds(q, n->to_double(), error)) return std::nullopt;
      v.number = *n->hundredths();
      return v;
    }
    case QuestionType::date: {
      auto d = parse_date(s);
      if (!d) return fail(tr("expected a date such as 01.08.2026 or 2026-08-01, got {}"));
      if (!is_valid_date(*d)) {
        *error = fill(tr("no such date: {}"), {quoted_value(s)});
        return std::nullopt;
      }
      v.date = *d;
      return v;
    }
    case QuestionType::time: {
      auto minutes = read_time(s, error);
      if (!minutes) return std::nullopt;
      v.number = *minutes;
      return v;
    }
    case QuestionType::schoolyear: {
      auto start = read_school_year(s, error);
      if (!start) return std::nullopt;
      v.number = *start;
      return v;
    }
    case QuestionType::boolean: {
      const std::string l = lower_ascii(s);
      if (l == "true" || l == "ja" || l == "yes" || l == "1") v.boolean = true;
      else if (l == "false" || l == "nein" || l == "no" || l == "0") v.boolean = false;
      else return fail(tr("expected ja or nein (true/false), got {}"));
      return v;
    }
    case QuestionType::choice: {
      auto choice = read_choice(q, s, error);
      if (!choice) return std::nullopt;
      v.text = *choice;
      return v;
    }
    case QuestionType::list:
      return fail(tr("expected a list (one item per line, each starting with \"- \"), got {}"));
    case QuestionType::records:
      return fail(tr("expected a list of entries with fields, got {}"));
  }
  return std::nullopt;
}

std::string choice_slug(std::string_view choice) {
  static const std::pair<const char*, const char*> kFolds[] = {
      {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"Ä", "ae"}, {"Ö", "oe"}, {"Ü", "ue"}, {"ß", "ss"}};
  std::string out;
  out.reserve(choice.size() + choice.size() / 4);
  bool pending_separator = false;
  for (size_t i = 0; i < choice.size();) {
    bool folded = false;
    // Every fold starts with the lead byte 0xC3: other bytes need no look at the table.
    if (static_cast<unsigned char>(choice[i]) == 0xC3) {
      for (const auto& [from, to] : kFolds) {
        const std::string_view f(from);
        if (choice.substr(i, f.size()) == f) {
          if (pending_separator && !out.empty()) out += '_';
          pending_separator = false;
          out += to;
          i += f.size();
          folded = true;
          break;
        }
      }
    }
    if (folded) continue;
    // ASCII by hand: the template check slugs every choice, and libc's isalnum and
    // tolower are a call per byte.
    const char c = choice[i++];
    const bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
    if (lower || upper || digit) {
      if (pending_separator && !out.empty()) out += '_';
      pending_separator = false;
      out += upper ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      pending_separator = true;
    }
  }
  return out;
}

std::vector<std::string> split_list_cell(std::string_view text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= text.size()) {
    size_t semi = text.find(';', start);
    std::string item = trim(text.substr(start, semi == std::string_view::npos ? std::string_view::npos : semi - start));
    if (!item.empty()) items.push_back(item);
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  return items;
}

}  // namespace kovgen
