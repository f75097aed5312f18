#pragma once
// Reading typed lines: with libedit's line editing when a person sits at a
// terminal (arrow keys, Home/End, the session's earlier answers with Up/Down),
// else plain lines from standard input, echoed, so that a piped session reads
// like a typed one. libedit stays behind this interface: only line_reader.cc
// includes it.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kovgen::cli {

class LineReader {
 public:
  virtual ~LineReader() = default;
  // Shows prompt and returns the next line without its line break; nullopt at the
  // end of input (Ctrl-D, or the end of piped input). The terminal reader starts
  // the line with edit, for the person to correct; the plain reader ignores it.
  virtual std::optional<std::string> read_line(std::string_view prompt, std::string_view edit) = 0;
};

// Reads lines from in and shows prompts (and, as a terminal would, the line read) on out.
std::unique_ptr<LineReader> plain_line_reader(std::FILE* in, std::FILE* out);

// The line editor when standard input and output are both terminals, else the plain reader.
std::unique_ptr<LineReader> line_reader_for_stdio();

}  // namespace kovgen::cli
