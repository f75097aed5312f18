#pragma once
// Problems found in user input, collected so that one run reports all of them.
// Errors are returned as values through this collector, never thrown across
// module boundaries.
#include <string>
#include <string_view>
#include <vector>

namespace kovgen {

enum class Severity { error, warning };

struct Location {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown
};

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;
};

// "file:line:col: message" (or "file: message" without a line).
std::string format_diagnostic(const Diagnostic& d);

// A value as a message quotes it: "…" around at most 60 bytes (cut at a
// character boundary), control characters shown as \n or \x07, so that the
// message stays on one line whatever the user typed.
std::string quoted_value(std::string_view s);

// The line `line` of text, quoted, with a caret under `column` (both 1-based,
// the column counted in characters), to follow a message:
//   "\n    3 | titel Vereinbarung\n      |      ^". A tab shows as "→" so that the
// caret stays in place; a long line is cut around the column. "" when the line
// is not in text.
std::string line_with_caret(std::string_view text, int line, int column);

// How the places in a message count lines: a line ends at LF, CRLF or a CR alone
// (old Mac files), as libyaml and the CSV reader count them.
// The length of the line break at text[at]: 2 for CRLF, 1 for LF or a CR alone, 0 for none.
size_t line_break_at(std::string_view text, size_t at);
// The lines of a text, without their line breaks; a text that ends in a line
// break has an empty last line.
std::vector<std::string_view> text_lines(std::string_view text);

class Diagnostics {
 public:
  void error(Location where, std::string message);
  void warning(Location where, std::string message);
  void add(Diagnostic d);
  void append(const Diagnostics& other);

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  const std::vector<Diagnostic>& items() const { return items_; }

  // Every diagnostic, one per line, in the order found.
  std::string to_string() const;
  // Orders by file, line and column (stable), so a report reads top to bottom.
  void sort_by_location();

 private:
  std::vector<Diagnostic> items_;
  int error_count_ = 0;
};

// Process exit codes shared by every subcommand (documented in --help).
enum ExitCode : int {
  kExitOk = 0,
  kExitInvalidInput = 1,  // answers, templates, CSV or Markdown are invalid
  kExitUsage = 2,         // the command line is wrong
  kExitIncomplete = 3,    // not ready to sign (render --strict, check)
  kExitOutputError = 4,   // an output could not be written
};

}  // namespace kovgen
