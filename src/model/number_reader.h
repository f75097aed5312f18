#pragma once
// Reads numbers and amounts the way a German user writes them. The one reader
// behind every front-end (YAML/JSON answers, CSV cells, the interview), so that
// "12.500 €" means twelve thousand five hundred euros wherever it is typed.
//
// Rules: "." groups thousands (12.500, 1.234.567), "," is the decimal mark
// (1.105,50). A single dot before one or two digits is an English decimal
// (1105.5, 1105.00, as YAML and JSON write numbers). Group separators may also
// be spaces (ordinary, no-break, narrow or thin). Amounts may carry "€", "EUR"
// or "Euro" before or after the number and end in ",-" or ",–". Anything that
// could be read two ways (1.2345, 0.500, 12,500.00) is refused with a message
// naming the readings: a contract generator must never guess an amount.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kovgen {

enum class NumberKind { whole, decimal, percent, money };

// An exact decimal: value = units / 10^decimals. Exact so that an amount never
// passes through a binary fraction on its way to cents.
struct ExactNumber {
  int64_t units = 0;
  int decimals = 0;

  double to_double() const;
  // The value in hundredths, when it has at most two decimals (or only zeros beyond).
  std::optional<int64_t> hundredths() const;
  // The value as a whole number, when it has no decimals other than zeros.
  std::optional<int64_t> whole() const;
};

// Reads `text` (already trimmed of surrounding white space) as a number of the
// given kind. Currency words are accepted only for money and "%" only for
// percent. On failure returns nullopt and sets *error to a message that quotes
// the input and, where the input could mean two things, both readings.
// Range and decimal-count rules of the question are the caller's.
std::optional<ExactNumber> read_number(std::string_view text, NumberKind kind, std::string* error);

}  // namespace kovgen
