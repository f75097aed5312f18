#pragma once
// Batches started in the browser: src/batch's job (run_batch_job) on one
// background thread, one batch at a time, so that the pages stay quick for
// everybody else. Each batch is a row in SQLite with its inputs (base answers,
// school list, mapping) and its state; its outputs go into its own folder. A
// batch that a stop or a crash left unfinished is continued when the server
// starts again, with src/batch's --resume: schools whose manifest is current are
// taken over, the others are produced again.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "output_formats.h"
#include "pipeline.h"

struct sqlite3;

namespace kovgen::serve {

enum class BatchState { queued, running, finished, failed };

// What a person asked for: everything the batch needs, so that it can run (and
// run again after a restart) without anything else.
struct BatchRequest {
  int64_t draft = 0;
  int version = 0;
  std::string author, created;
  std::string base_answers;  // the version's answers file (YAML)
  std::string schools_file, schools_bytes;
  std::string mapping_file, mapping_text;  // both empty: no mapping
  std::vector<std::string> formats;        // output format names, e.g. "docx"
};

struct BatchInfo {
  int64_t id = 0;
  int64_t draft = 0;
  int version = 0;
  std::string author, created, schools_file, mapping_file;
  std::vector<std::string> formats;
  BatchState state = BatchState::queued;
  size_t done = 0, total = 0;  // while it runs; total 0 until the list is read
  std::string counts;          // when finished: counts_line
  std::string message;         // when failed: why, in the user's language
};

struct BatchSettings {
  TemplateCache* templates = nullptr;  // its disk also takes the outputs
  std::string out_root;                // batch N writes into out_root/N
  ComposeOptions compose;
  WriterOptions writer;
  std::string tool_fingerprint;
  int jobs = 1;  // schools produced in parallel within a batch
};

class BatchJobs {
 public:
  // Opens (or creates) the batch table in the database at path and continues
  // every unfinished batch; nullptr with *error set when it cannot.
  static std::unique_ptr<BatchJobs> open(const std::string& database, BatchSettings settings, std::string* error);
  // Stops the batch under way after its current schools; it stays unfinished
  // and is continued at the next start.
  ~BatchJobs();

  // Stores and queues a batch; 0 when it could not be stored.
  int64_t submit(const BatchRequest& request);
  std::optional<BatchInfo> info(int64_t id);
  std::vector<BatchInfo> list();  // newest first

  // The folder of a batch's outputs, and its summary as Markdown (when finished).
  std::string folder(int64_t id) const;
  std::optional<std::string> summary_markdown(int64_t id);
  // Every output of a finished batch (the schools' folders and the summary files)
  // as a zip, entries sorted by name: equal outputs give equal bytes.
  std::optional<std::string> zip(int64_t id, Diagnostics& diag);

  // Waits until no batch is queued or running (for tests); false after timeout.
  bool wait_idle(int timeout_seconds);

 private:
  BatchJobs(sqlite3* db, BatchSettings settings);
  void work();
  void run_one(int64_t id);
  void set_state(int64_t id, BatchState state, const std::string& counts, const std::string& message);
  std::optional<BatchRequest> request_of(int64_t id);

  sqlite3* db_;
  BatchSettings settings_;
  std::mutex mutex_;  // the database, the queue and the progress
  std::condition_variable wake_;
  std::deque<int64_t> queue_;
  int64_t running_ = 0;
  std::map<int64_t, std::pair<size_t, size_t>> progress_;  // done, total of batches under way
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

const char* batch_state_name(BatchState state);

}  // namespace kovgen::serve
