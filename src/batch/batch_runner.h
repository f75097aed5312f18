#pragma once
// The batch run: the calling thread reads rows into a bounded queue, `jobs`
// worker threads produce one school each at a time, and results are handed on in
// row order. Memory stays flat: at most 2 x jobs rows wait, and each worker holds
// one document at a time.
#include <atomic>
#include <functional>

#include "batch_rows.h"
#include "batch_school.h"

namespace kovgen {

struct BatchRunOptions {
  int jobs = 1;
  // Set (e.g. from a SIGINT handler) to stop: no new school starts; those under
  // way finish and are reported.
  const std::atomic<bool>* stop = nullptr;
  // Called in row order, one call at a time.
  std::function<void(SchoolResult&&)> on_result;
  // Called after each school with the number done so far, one call at a time.
  std::function<void(size_t done)> on_progress;
};

// Returns the number of schools produced (fewer than selected when stopped).
size_t run_batch(SchoolRows& rows, const SchoolContext& ctx, Disk& disk, const BatchRunOptions& options);

}  // namespace kovgen
