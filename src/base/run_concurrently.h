#pragma once
// A few independent jobs of one command (the PDF and the DOCX of one agreement,
// the outputs of one comparison) run on the machine's cores at once. Batch and
// serve, which work on many documents at once already, do not use it.
#include <functional>
#include <vector>

namespace kovgen {

// Runs each task once, on up to `threads` threads: the calling thread and at most
// threads - 1 more, each taking the next task not yet started. Returns when all
// tasks have run. If tasks threw, the exception of the first of them in the
// list's order is rethrown here, after every thread has finished.
void run_concurrently(const std::vector<std::function<void()>>& tasks, unsigned threads);

// As many threads as the machine has cores (at least one).
unsigned core_count();

}  // namespace kovgen
