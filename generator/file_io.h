#pragma once
// Disk access at the edge: reading inputs and writing outputs atomically
// (temporary file in the same folder, then rename), so an interrupted run never
// leaves a half-written file behind.
#include <optional>
#include <string>
#include <string_view>

#include "diagnostics.h"

namespace kovgen {

// The whole file, or nullopt with an error naming the file.
std::optional<std::string> read_file(const std::string& path, Diagnostics& diag);

// Writes bytes to path via a temporary file and rename(2). Creates no folders.
bool write_file_atomically(const std::string& path, std::string_view bytes,
                           Diagnostics& diag);

// Creates the folder and its parents; false with an error when that fails.
bool make_directories(const std::string& path, Diagnostics& diag);

}  // namespace kovgen
