#include "money.h"

#include <cmath>

namespace kovgen {

Cents divide_rounded(int64_t numerator, int64_t denominator) {
  const int64_t quotient = numerator / denominator, remainder = numerator % denominator;
  // |remainder| * 2 >= denominator means the fraction is at least one half.
  if (remainder * 2 >= denominator) return quotient + 1;
  if (-remainder * 2 >= denominator) return quotient - 1;
  return quotient;
}

Cents raise_yearly(Cents rate, int64_t basis_points, int years) {
  for (int y = 0; y < years; ++y) rate = divide_rounded(rate * (10000 + basis_points), 10000);
  return rate;
}

int64_t basis_points_of(double percent) { return std::llround(percent * 100.0); }

std::optional<Cents> add_known(std::optional<Cents> a, std::optional<Cents> b) {
  if (!a || !b) return std::nullopt;
  return *a + *b;
}

}  // namespace kovgen
