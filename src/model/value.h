#pragma once
// A typed answer value, parsed from text (YAML scalar, CSV cell or a typed answer
// in the interview) according to its question's type.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "german_format.h"
#include "questionnaire.h"

namespace kovgen {

struct Value {
  QuestionType type = QuestionType::text;
  std::string text;                 // text, longtext, choice
  int64_t number = 0;               // integer; money in cents; time in minutes; school year
  double real = 0;                  // decimal, percent
  Date date;                        // date
  bool boolean = false;             // boolean
  std::vector<std::string> items;   // list
  // records: one entry per row; each row holds the answered fields, by key.
  std::vector<std::vector<std::pair<std::string, Value>>> rows;
  Location where;

  // Defined out of line: clang (with libstdc++) cannot instantiate the members of
  // the recursive rows type while Value is still incomplete.
  Value() = default;
  Value(const Value&);
  Value(Value&&) noexcept;
  Value& operator=(const Value&);
  Value& operator=(Value&&) noexcept;
  ~Value();

  // The canonical text used by conditions and reports ("true", "2026-08-01", ...).
  std::string canonical() const;
  // The default German rendering („1. August 2026“, „12.500,00 €“, ...).
  std::string display() const;
};

// Parses one scalar answer for a question (not records or lists as a whole: list
// items are parsed one by one with the question's type text). On failure returns
// nullopt and sets *error to a message such as "expected an amount in EUR, got \"viel\"".
std::optional<Value> parse_scalar(const Question& q, std::string_view text, std::string* error);

// A choice as a Mustache name: "Caritas/katholisch" -> "caritas_katholisch",
// "Körperschaft d. öff. Rechts" -> "koerperschaft_d_oeff_rechts".
std::string choice_slug(std::string_view choice);

// Parses a "; "-separated list cell (CSV) into list items.
std::vector<std::string> split_list_cell(std::string_view text);

// Upper bounds that keep every value printable and every document finite.
constexpr size_t kMaxTextBytes = 64 * 1024;
constexpr size_t kMaxListItems = 1000;

}  // namespace kovgen
