// The cache that makes each version's composition once.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "once_cache.h"

using kovgen::serve::OnceCache;

TEST_CASE("serve: requests arriving together for one key wait for one making and share its value") {
  OnceCache<std::string, int> cache;
  std::atomic<int> made{0};
  std::vector<std::shared_ptr<const int>> got(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      got[i] = cache.get("same answers", [&] {
        ++made;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the others arrive meanwhile
        return std::make_shared<const int>(42);
      });
    });
  for (auto& t : threads) t.join();
  CHECK(made == 1);
  for (const auto& v : got) {
    REQUIRE(v);
    CHECK(v == got.front());
  }
}

TEST_CASE("serve: a failed making is not kept and other keys are made on their own") {
  OnceCache<std::string, int> cache;
  int made = 0;
  auto fail = [&] {
    ++made;
    return std::shared_ptr<const int>();
  };
  CHECK_FALSE(cache.get("a", fail));
  CHECK_FALSE(cache.get("a", fail));
  CHECK(made == 2);
  auto one = [&] { return std::make_shared<const int>(1); };
  auto two = [&] { return std::make_shared<const int>(2); };
  CHECK(*cache.get("a", one) == 1);
  CHECK(*cache.get("b", two) == 2);
  CHECK(*cache.get("a", two) == 1);  // kept: not made again
}

TEST_CASE("serve: a full cache drops its oldest key instead of growing") {
  OnceCache<int, int> cache(2);
  int made = 0;
  auto make = [&] {
    ++made;
    return std::make_shared<const int>(made);
  };
  cache.get(1, make);
  cache.get(2, make);
  cache.get(1, make);
  CHECK(made == 2);
  auto kept = cache.get(3, make);  // full: 1, the oldest, goes
  CHECK(made == 3);
  cache.get(2, make);
  cache.get(3, make);
  CHECK(made == 3);
  cache.get(1, make);  // made again; 2 goes
  CHECK(made == 4);
  cache.get(3, make);
  CHECK(made == 4);
  cache.get(2, make);
  CHECK(made == 5);
  CHECK(*kept == 3);  // a value handed out stays alive after its key is dropped
}
