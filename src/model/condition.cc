#include "condition.h"

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
  if (s.empty() || s.find('.') == std::string::npos) return false;
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

}  // namespace

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
  }
  return false;
}

}  // namespace kovgen
