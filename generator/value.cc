#include "value.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <regex>

#include "utf8.h"
#include "yaml_util.h"

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

std::string quoted(std::string_view s) {
  std::string shown(s.substr(0, 60));
  if (s.size() > 60) shown += "…";
  return "\"" + shown + "\"";
}

// "1.234,56", "1234.56", "-3", "0,5" -> value; German (comma) and YAML (dot) forms.
std::optional<double> parse_number(std::string s) {
  static const std::regex german(R"(-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?)");
  static const std::regex plain(R"(-?\d+(\.\d+)?)");
  if (std::regex_match(s, plain)) return std::stod(s);
  if (!std::regex_match(s, german)) return std::nullopt;
  remove_all(s, ".");
  if (size_t comma = s.find(','); comma != std::string::npos) s[comma] = '.';
  return std::stod(s);
}

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
    *error = "value out of range (allowed: " + (q.min ? format_decimal(*q.min) : std::string("…")) +
             " to " + (q.max ? format_decimal(*q.max) : std::string("…")) + ")";
    return false;
  }
  // Beyond this, amounts lose cents in a double and make no sense in an agreement.
  if (std::fabs(v) > 1e12) {
    *error = "number too large";
    return false;
  }
  return true;
}

std::optional<Date> parse_date(const std::string& s) {
  static const std::regex iso(R"((\d{4})-(\d{1,2})-(\d{1,2}))");
  static const std::regex german(R"((\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}))");
  std::smatch m;
  Date d;
  if (std::regex_match(s, m, iso)) {
    d = {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])};
  } else if (std::regex_match(s, m, german)) {
    d = {std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1])};
  } else {
    return std::nullopt;
  }
  return d;
}

}  // namespace

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

std::optional<Value> parse_scalar(const Question& q, std::string_view raw, std::string* error) {
  Value v;
  v.type = q.type;
  if (raw.size() > kMaxTextBytes) {
    *error = "value too long (" + std::to_string(raw.size()) + " bytes; at most " +
             std::to_string(kMaxTextBytes) + ")";
    return std::nullopt;
  }
  if (find_invalid_utf8(raw) != std::string_view::npos) {
    *error = "invalid UTF-8 in value";
    return std::nullopt;
  }
  const bool multiline = q.type == QuestionType::longtext;
  if (has_control_characters(raw, multiline)) {
    *error = "control character in value " + quoted(raw);
    return std::nullopt;
  }
  std::string s = trim(raw);
  auto fail = [&](const std::string& expected) -> std::optional<Value> {
    *error = "expected " + expected + ", got " + quoted(s);
    return std::nullopt;
  };
  switch (q.type) {
    case QuestionType::text:
      if (s.find('\n') != std::string::npos)
        return fail("one line of text (use a question of type longtext for paragraphs)");
      v.text = s;
      return v;
    case QuestionType::longtext:
      remove_all(s, "\r");
      v.text = s;
      return v;
    case QuestionType::integer: {
      static const std::regex re(R"(-?(\d{1,3}(\.\d{3})+|\d{1,15}))");
      if (!std::regex_match(s, re)) return fail("a whole number");
      std::string digits = s;
      remove_all(digits, ".");
      v.number = std::stoll(digits);
      if (!check_bounds(q, static_cast<double>(v.number), error)) return std::nullopt;
      return v;
    }
    case QuestionType::decimal:
    case QuestionType::percent: {
      std::string n = s;
      if (q.type == QuestionType::percent) remove_all(n, "%");
      remove_all(n, "\u00A0");
      n = trim(n);
      auto d = parse_number(n);
      if (!d) return fail(q.type == QuestionType::percent ? "a percentage such as 3 or 2,5 %" : "a number");
      if (!check_bounds(q, *d, error)) return std::nullopt;
      v.real = *d;
      return v;
    }
    case QuestionType::money: {
      std::string n = s;
      remove_all(n, "€");
      remove_all(n, "EUR");
      remove_all(n, "\u00A0");
      n = trim(n);
      auto d = parse_number(n);
      if (!d) return fail("an amount in EUR");
      if (!check_bounds(q, *d, error)) return std::nullopt;
      const double cents = *d * 100.0;
      if (std::fabs(cents - std::round(cents)) > 1e-6) return fail("an amount in EUR with at most two decimals");
      v.number = std::llround(cents);
      return v;
    }
    case QuestionType::date: {
      auto d = parse_date(s);
      if (!d) return fail("a date such as 01.08.2026 or 2026-08-01");
      if (!is_valid_date(*d)) {
        *error = "no such date: " + quoted(s);
        return std::nullopt;
      }
      v.date = *d;
      return v;
    }
    case QuestionType::time: {
      static const std::regex re(R"((\d{1,2})[:.](\d{2})(\s*Uhr)?)");
      std::smatch m;
      if (!std::regex_match(s, m, re)) return fail("a time such as 8:00");
      const int h = std::stoi(m[1]), min = std::stoi(m[2]);
      if (h > 24 || min > 59 || (h == 24 && min > 0)) {
        *error = "no such time: " + quoted(s);
        return std::nullopt;
      }
      v.number = h * 60 + min;
      return v;
    }
    case QuestionType::schoolyear: {
      static const std::regex re(R"((\d{4})(/(\d{2}|\d{4}))?)");
      std::smatch m;
      if (!std::regex_match(s, m, re)) return fail("a school year such as 2026/27");
      const int start = std::stoi(m[1]);
      if (m[3].matched) {
        const int end = std::stoi(m[3]);
        if (end != (start + 1) % 100 && end != start + 1) return fail("consecutive years such as 2026/27");
      }
      if (start < 1900 || start > 2199) return fail("a school year such as 2026/27");
      v.number = start;
      return v;
    }
    case QuestionType::boolean: {
      const std::string l = lower_ascii(s);
      if (l == "true" || l == "ja" || l == "yes" || l == "1") v.boolean = true;
      else if (l == "false" || l == "nein" || l == "no" || l == "0") v.boolean = false;
      else return fail("ja or nein (true/false)");
      return v;
    }
    case QuestionType::choice: {
      for (const auto& c : q.choices)
        if (s == c || lower_ascii(s) == lower_ascii(c)) {
          v.text = c;
          return v;
        }
      std::string list;
      for (const auto& c : q.choices) list += (list.empty() ? "" : ", ") + quoted(c);
      *error = "expected one of " + list + ", got " + quoted(s);
      if (auto n = nearest(s, q.choices); !n.empty()) *error += "; did you mean " + quoted(n) + "?";
      return std::nullopt;
    }
    case QuestionType::list:
      return fail("a list (one item per line, each starting with \"- \")");
    case QuestionType::records:
      return fail("a list of entries with fields");
  }
  return std::nullopt;
}

std::string choice_slug(std::string_view choice) {
  static const std::pair<const char*, const char*> kFolds[] = {
      {"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"Ä", "ae"}, {"Ö", "oe"}, {"Ü", "ue"}, {"ß", "ss"}};
  std::string out;
  bool pending_separator = false;
  for (size_t i = 0; i < choice.size();) {
    bool folded = false;
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
    if (folded) continue;
    const unsigned char c = static_cast<unsigned char>(choice[i++]);
    if (std::isalnum(c) && c < 0x80) {
      if (pending_separator && !out.empty()) out += '_';
      pending_separator = false;
      out += static_cast<char>(std::tolower(c));
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
