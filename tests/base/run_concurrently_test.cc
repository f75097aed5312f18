// The few independent jobs of one command on all cores (run_concurrently.h).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "run_concurrently.h"

using namespace kovgen;

TEST_CASE("run_concurrently: every task runs exactly once, whatever the number of threads") {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    std::vector<std::atomic<int>> runs(50);
    std::vector<std::function<void()>> tasks;
    for (auto& r : runs) tasks.push_back([&r] { ++r; });
    run_concurrently(tasks, threads);
    for (const auto& r : runs) CHECK(r.load() == 1);
  }
  run_concurrently({}, 4);  // nothing to do is no error
}

TEST_CASE("run_concurrently: one thread runs the tasks in their order on the calling thread") {
  std::vector<int> order;
  std::vector<std::thread::id> where;
  std::vector<std::function<void()>> tasks;
  for (int i = 0; i < 5; ++i)
    tasks.push_back([&, i] {
      order.push_back(i);
      where.push_back(std::this_thread::get_id());
    });
  run_concurrently(tasks, 1);
  CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
  for (const auto& id : where) CHECK(id == std::this_thread::get_id());
}

TEST_CASE("run_concurrently: tasks do run at the same time when there are threads for them") {
  // Each task waits until both have started: run one after the other they would
  // never meet, so the wait is bounded (generously, for a loaded test machine).
  std::atomic<int> started{0};
  std::atomic<bool> met{true};
  auto task = [&] {
    ++started;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (started.load() < 2) {
      if (std::chrono::steady_clock::now() > give_up) {
        met = false;
        return;
      }
      std::this_thread::yield();
    }
  };
  run_concurrently({task, task}, 2);
  CHECK(met.load());
}

TEST_CASE("run_concurrently: a task's exception reaches the caller after every task has run") {
  std::atomic<int> done{0};
  std::vector<std::function<void()>> tasks = {
      [&] { ++done; },
      [] { throw std::runtime_error("zweite Aufgabe"); },
      [&] { ++done; },
      [] { throw std::logic_error("vierte Aufgabe"); },
      [&] { ++done; },
  };
  for (unsigned threads : {1u, 3u}) {
    done = 0;
    CHECK_THROWS_WITH_AS(run_concurrently(tasks, threads), "zweite Aufgabe", std::runtime_error);
    CHECK(done.load() == 3);
  }
}
