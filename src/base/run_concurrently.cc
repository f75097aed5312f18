#include "run_concurrently.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

namespace kovgen {

void run_concurrently(const std::vector<std::function<void()>>& tasks, unsigned threads) {
  std::vector<std::exception_ptr> failures(tasks.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < tasks.size();) {
      try {
        tasks[i]();
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  const size_t helpers = std::min<size_t>(std::max(threads, 1u) - 1, tasks.size() > 0 ? tasks.size() - 1 : 0);
  std::vector<std::thread> started;
  started.reserve(helpers);
  for (size_t i = 0; i < helpers; ++i) started.emplace_back(work);
  work();
  for (std::thread& t : started) t.join();
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
}

unsigned core_count() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace kovgen
