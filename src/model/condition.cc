#include "condition.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>

#include "i18n.h"

namespace kovgen {

namespace {

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

bool is_key(const std::string& s) {
  // Section ids and keys begin with a letter; "0.5" is a number.
  if (s.empty() || s.find('.') == std::string::npos || s.front() < 'a' || s.front() > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
  return s.front() != '.' && s.back() != '.';
}

std::string unquote(std::string s) {
  s = trim(s);
  if (s.size() >= 2 && ((s.front() == '"' && s.back() == '"') || (s.front() == '\'' && s.back() == '\'')))
    return s.substr(1, s.size() - 2);
  return s;
}

// A number as conditions and canonical answers write it: "0,5", "0.5", "1105.00", "3".
std::optional<double> number_in(const std::string& text) {
  std::string s = trim(text);
  for (char& ch : s)
    if (ch == ',') ch = '.';
  if (s.empty() || s.find_first_not_of("0123456789.-") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return v;
}

const struct {
  const char* token;
  Condition::Op op;
} kComparisons[] = {{"<=", Condition::Op::less_equal},
                    {">=", Condition::Op::greater_equal},
                    {"<", Condition::Op::less},
                    {">", Condition::Op::greater}};

bool is_comparison(Condition::Op op) {
  for (const auto& c : kComparisons)
    if (c.op == op) return true;
  return false;
}

bool compare(Condition::Op op, double a, double b) {
  switch (op) {
    case Condition::Op::less: return a < b;
    case Condition::Op::less_equal: return a <= b;
    case Condition::Op::greater: return a > b;
    case Condition::Op::greater_equal: return a >= b;
    default: return false;
  }
}

}  // namespace

std::optional<std::string> compared_key(const Condition& c) {
  if (is_comparison(c.op) && !c.values.empty() && is_key(c.values[0])) return c.values[0];
  return std::nullopt;
}

std::optional<Condition> parse_condition(const std::string& text, std::string* error) {
  Condition c;
  c.source = trim(text);
  std::string s = c.source;
  // pattern: the whole message, {} for the condition as written.
  auto fail = [&](const char* pattern) -> std::optional<Condition> {
    *error = fill(pattern, {c.source});
    return std::nullopt;
  };
  if (s.rfind("not ", 0) == 0) {
    c.op = Condition::Op::falsy;
    c.key = trim(s.substr(4));
  } else if (size_t p = s.find("=="); p != std::string::npos) {
    c.op = Condition::Op::equals;
    c.key = trim(s.substr(0, p));
    c.values.push_back(unquote(s.substr(p + 2)));
  } else if (size_t p = s.find("!="); p != std::string::npos) {
    c.op = Condition::Op::not_equals;
    c.key = trim(s.substr(0, p));
    c.values.push_back(unquote(s.substr(p + 2)));
  } else if (const auto* cmp = s.find(" in ") != std::string::npos ? std::end(kComparisons) : std::find_if(std::begin(kComparisons), std::end(kComparisons),
                                            [&](const auto& k) { return s.find(k.token) != std::string::npos; });
             cmp != std::end(kComparisons)) {
    const size_t p = s.find(cmp->token);
    c.op = cmp->op;
    c.key = trim(s.substr(0, p));
    c.values.push_back(trim(s.substr(p + std::string(cmp->token).size())));
    if (!number_in(c.values[0]) && !is_key(c.values[0]))
      return fail(tr("invalid condition \"{}\": expected a number or a full key after the comparison"));
  } else if (size_t p = s.find(" in "); p != std::string::npos) {
    c.op = Condition::Op::in;
    c.key = trim(s.substr(0, p));
    std::string list = trim(s.substr(p + 4));
    if (list.size() < 2 || list.front() != '[' || list.back() != ']')
      return fail(tr("invalid condition \"{}\": expected a list in brackets after \"in\""));
    list = list.substr(1, list.size() - 2);
    size_t start = 0;
    while (true) {
      size_t comma = list.find(',', start);
      c.values.push_back(unquote(list.substr(start, comma - start)));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  } else {
    c.key = s;
  }
  if (!is_key(c.key)) return fail(tr("invalid condition \"{}\": expected a full key such as \"section.key\""));
  return c;
}

bool evaluate_condition(const Condition& c, const AnswerLookup& lookup) {
  std::optional<std::string> v = lookup(c.key);
  const bool truthy = v && !v->empty() && *v != "false";
  switch (c.op) {
    case Condition::Op::truthy: return truthy;
    case Condition::Op::falsy: return !truthy;
    case Condition::Op::equals: return v && *v == c.values[0];
    case Condition::Op::not_equals: return !v || *v != c.values[0];
    case Condition::Op::in:
      if (!v) return false;
      for (const auto& x : c.values)
        if (*v == x) return true;
      return false;
    case Condition::Op::less:
    case Condition::Op::less_equal:
    case Condition::Op::greater:
    case Condition::Op::greater_equal: {
      const std::optional<std::string> other = compared_key(c) ? lookup(c.values[0]) : c.values[0];
      const std::optional<double> a = v ? number_in(*v) : std::nullopt;
      const std::optional<double> b = other ? number_in(*other) : std::nullopt;
      return a && b && compare(c.op, *a, *b);
    }
  }
  return false;
}

}  // namespace kovgen
