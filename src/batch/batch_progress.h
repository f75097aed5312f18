#pragma once
// The progress bar of a batch on a terminal: count, rate and time left.
// Pure formatting; the command decides whether stderr is a terminal.
#include <cstddef>
#include <string>

namespace kovgen {

// "[#########...........]  1.234 / 3.000 Schulen (41 %) · 210/s · noch ca. 0:08"
std::string progress_line(size_t done, size_t total, double elapsed_seconds);

}  // namespace kovgen
