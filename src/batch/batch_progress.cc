#include "batch_progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "german_format.h"
#include "i18n.h"

namespace kovgen {

namespace {

constexpr int kBarWidth = 24;

std::string minutes_seconds(double seconds) {
  const long s = std::lround(seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

std::string progress_line(size_t done, size_t total, double elapsed_seconds) {
  const double fraction = total == 0 ? 1.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::string line = "[";
  line.append(static_cast<size_t>(filled), '#').append(static_cast<size_t>(kBarWidth - filled), '.').append("] ");
  line += fill(tr_n("{} / {} school ({} %)", "{} / {} schools ({} %)", total),
               {format_integer(static_cast<int64_t>(done)), format_integer(static_cast<int64_t>(total)),
                std::to_string(static_cast<int>(fraction * 100))});
  if (done == 0 || elapsed_seconds <= 0) return line;
  const double rate = static_cast<double>(done) / elapsed_seconds;
  line += " \u00B7 " + format_integer(std::llround(rate)) + "/s";
  if (done < total)
    line += " \u00B7 " + fill(tr("about {} left"), {minutes_seconds(static_cast<double>(total - done) / rate)});
  else line += " \u00B7 " + minutes_seconds(elapsed_seconds);
  return line;
}

}  // namespace kovgen
