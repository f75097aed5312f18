#pragma once
// A few independent jobs of one command run on the machine's cores at once: the
// files of one kovgen diff run, three of them PDFs. Batch and serve, which work
// on many documents at once already, do not use it. Nor does render: one
// agreement's DOCX and PDF on two threads took longer than one after the other
// (bench/ab_interleaved.py), the DOCX being short and the PDF slowed beside it.
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
