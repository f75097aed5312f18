#pragma once
// A checked, partial-expanded template body in the form kainjow is given to
// parse: every run of literal text moved into `literals`, each replaced with a
// tag. Folded once when a template is loaded (and kept in the template cache),
// so a render does not fold again.
#include <string>
#include <vector>

namespace kovgen {

// Names of the literal table's entries: `~` never starts a question key.
constexpr char kLiteralPrefix = '~';

struct FoldedBody {
  std::string tags;
  std::vector<std::string> literals;

  bool operator==(const FoldedBody&) const = default;
};

FoldedBody fold_literal_text(const std::string& body);

}  // namespace kovgen
