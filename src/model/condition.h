#pragma once
// The small condition language of a question's "when":
//   a.b            true, or a non-empty answer
//   not a.b
//   a.b == Wert    a.b != Wert
//   a.b in [Wert 1, Wert 2]
//   a.b <= 0,5   a.b < 3   a.b >= c.d   a.b > 1   numbers, or another full key's
//                number; a table counts its entries; false when either side
//                is unanswered or not a number
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kovgen {

struct Condition {
  enum class Op { truthy, falsy, equals, not_equals, in, less, less_equal, greater, greater_equal };
  Op op = Op::truthy;
  std::string key;                  // full key "section.key"
  std::vector<std::string> values;  // one for ==/!= and the comparisons, several for in
  std::string source;               // as written, for messages
};

// Parses a condition; on failure returns nullopt and sets *error.
std::optional<Condition> parse_condition(const std::string& text, std::string* error);

// Looks up the answer of a full key as canonical text ("true"/"false" for booleans,
// the plain value otherwise); nullopt when unanswered.
using AnswerLookup = std::function<std::optional<std::string>(const std::string& key)>;

bool evaluate_condition(const Condition& c, const AnswerLookup& lookup);

// For a comparison whose right side is another question's full key: that key.
std::optional<std::string> compared_key(const Condition& c);

}  // namespace kovgen
