#include "batch_runner.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "i18n.h"

namespace kovgen {

namespace {

// A bounded first-in-first-out queue of jobs.
class JobQueue {
 public:
  explicit JobQueue(size_t capacity) : capacity_(capacity) {}

  // False when the workers have stopped taking jobs.
  bool push(SchoolJob&& job) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return jobs_.size() < capacity_ || stopped_; });
    if (stopped_) return false;
    jobs_.push_back(std::move(job));
    not_empty_.notify_one();
    return true;
  }

  // False when the queue is closed and empty, or when stop is set.
  bool pop(SchoolJob& job, const std::atomic<bool>* stop) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !jobs_.empty() || closed_; });
    if (stop && stop->load()) {
      stopped_ = true;
      not_full_.notify_all();
      return false;
    }
    if (jobs_.empty()) return false;
    job = std::move(jobs_.front());
    jobs_.pop_front();
    not_full_.notify_one();
    return true;
  }

  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<SchoolJob> jobs_;
  bool closed_ = false, stopped_ = false;
};

// Hands results on in row order; holds back those that finish early.
class OrderedResults {
 public:
  explicit OrderedResults(const BatchRunOptions& options) : options_(options) {}

  void deliver(SchoolResult&& r) {
    std::lock_guard<std::mutex> lock(mutex_);
    waiting_.emplace(r.seq, std::move(r));
    for (auto it = waiting_.find(next_); it != waiting_.end(); it = waiting_.find(next_)) {
      if (options_.on_result) options_.on_result(std::move(it->second));
      waiting_.erase(it);
      ++next_;
    }
    if (options_.on_progress) options_.on_progress(++done_);
  }

  size_t done() {
    std::lock_guard<std::mutex> lock(mutex_);
    return done_;
  }

 private:
  const BatchRunOptions& options_;
  std::mutex mutex_;
  std::map<size_t, SchoolResult> waiting_;
  size_t next_ = 0, done_ = 0;
};

SchoolResult produce_safely(SchoolJob&& job, const SchoolContext& ctx, Disk& disk) {
  SchoolResult failed;
  failed.seq = job.seq;
  failed.row_line = job.record.line;
  failed.id = job.id;
  failed.name = job.name;
  failed.folder = job.folder;
  try {
    return produce_school(std::move(job), ctx, disk);
  } catch (const std::exception& e) {
    failed.output_failed = true;
    failed.diag.error({}, fill(tr("internal error in batch: {}"), {e.what()}));
    return failed;
  }
}

}  // namespace

size_t run_batch(SchoolRows& rows, const SchoolContext& ctx, Disk& disk, const BatchRunOptions& options) {
  const int jobs = options.jobs < 1 ? 1 : options.jobs;
  JobQueue queue(2 * static_cast<size_t>(jobs));
  OrderedResults results(options);
  std::vector<std::thread> workers;
  for (int i = 0; i < jobs; ++i)
    workers.emplace_back([&] {
      SchoolJob job;
      while (queue.pop(job, options.stop)) results.deliver(produce_safely(std::move(job), ctx, disk));
    });
  SchoolJob job;
  while (!(options.stop && options.stop->load()) && rows.next(job))
    if (!queue.push(std::move(job))) break;
  queue.close();
  for (auto& w : workers) w.join();
  return results.done();
}

}  // namespace kovgen
