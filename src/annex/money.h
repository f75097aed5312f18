#pragma once
// Money in whole cents and the one rounding rule of every computed figure
// (docs/annexes.md): a product or quotient that is not a whole cent is rounded
// once, per line, half away from zero. Sums are sums of rounded lines, so every
// total adds up to the cent in every format.
#include <cstdint>
#include <optional>

namespace kovgen {

using Cents = int64_t;

// numerator / denominator rounded half away from zero; denominator > 0.
Cents divide_rounded(int64_t numerator, int64_t denominator);

// A rate raised by `basis_points` (1 % = 100) per year for `years` years, rounded
// to the cent after each year, as each year's rate is what the parties pay then.
Cents raise_yearly(Cents rate, int64_t basis_points, int years);

// A percent answer (3, 2.5) in basis points, rounded to the nearest one.
int64_t basis_points_of(double percent);

// a + b where both are known; a missing part makes the sum missing, never partial.
std::optional<Cents> add_known(std::optional<Cents> a, std::optional<Cents> b);

}  // namespace kovgen
