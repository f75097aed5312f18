#pragma once
// Safe, unique folder names for the schools of a batch: "<id>-<slug of name>".
// Names hold only a-z, 0-9 and "-": no path separators, no "..", no control
// characters, no Windows device names (CON, NUL, COM1, ...), limited in length,
// and unique (case-insensitively) within one run, even for duplicate names.
#include <set>
#include <string>
#include <string_view>

namespace kovgen {

constexpr size_t kMaxIdSlugBytes = 24;
constexpr size_t kMaxNameSlugBytes = 60;

// "Städt. GGS Am Bach" -> "staedt-ggs-am-bach": German letters transliterated,
// other Latin letters without accents, everything else a single "-"; at most
// max_bytes, cut at a word boundary where there is one.
std::string slugify(std::string_view text, size_t max_bytes);

// Whether a name is reserved on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9),
// with or without an extension, in any case.
bool is_windows_reserved_name(std::string_view name);

// Hands out folder names in row order; the same rows always get the same names.
class FolderNames {
 public:
  // id: the school's number or other id (may be empty: then "zeile-<row_line>").
  std::string assign(std::string_view id, std::string_view name, int row_line);

 private:
  std::set<std::string> used_;
};

}  // namespace kovgen
