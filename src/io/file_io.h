#pragma once
// Disk access at the edge: reading inputs and writing outputs atomically
// (temporary file in the same folder, then rename), so an interrupted run never
// leaves a half-written file behind.
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"

namespace kovgen {

// Inputs (answers, CSV, Markdown, templates) larger than this are refused.
constexpr size_t kMaxInputFileBytes = 64 * 1024 * 1024;

// The whole file, or nullopt with an error naming the file (also when it is larger
// than kMaxInputFileBytes, or a folder).
std::optional<std::string> read_file(const std::string& path, Diagnostics& diag);

// Everything left in the stream; size_hint (the expected size, or -1) saves
// regrowing the string.
std::string read_stream(std::istream& in, std::streamoff size_hint = -1);

// Writes bytes to path via a temporary file and rename(2). Creates no folders.
bool write_file_atomically(const std::string& path, std::string_view bytes,
                           Diagnostics& diag);

// Writes several files as one: every temporary file is written first, and only
// when all of them are complete are they renamed into place. A full disk or an
// unwritable folder therefore leaves none of them (only a failing rename, which
// needs no space, could leave some).
struct FileToWrite {
  std::string path;
  std::string_view bytes;
};
bool write_files_atomically(const std::vector<FileToWrite>& files, Diagnostics& diag);

// Creates the folder and its parents; false with an error when that fails.
bool make_directories(const std::string& path, Diagnostics& diag);

// Whether path names a regular file (following links).
bool is_regular_file(const std::string& path);

}  // namespace kovgen
