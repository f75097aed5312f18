// The server's admission gate: at most N holders at once, the others admitted in
// the order they arrived.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "admission_gate.h"

using namespace kovgen::serve;

namespace {

// Waits (bounded) until `count` threads are queued at the gate.
bool queued(AdmissionGate& gate, size_t count) {
  for (int i = 0; i < 5000 && gate.waiting() < count; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return gate.waiting() == count;
}

}  // namespace

TEST_CASE("serve: the admission gate admits waiting handlers first come, first served") {
  AdmissionGate gate(1);
  std::vector<int> admitted;  // written only by the one holder of the gate
  std::vector<std::thread> threads;
  {
    AdmissionGate::Pass held(&gate);
    for (int i = 0; i < 6; ++i) {
      threads.emplace_back([&gate, &admitted, i] {
        AdmissionGate::Pass pass(&gate);
        admitted.push_back(i);
      });
      // Each thread is in the queue before the next one starts: a known order.
      REQUIRE(queued(gate, static_cast<size_t>(i) + 1));
    }
    CHECK(admitted.empty());
  }
  for (auto& t : threads) t.join();
  CHECK(admitted == std::vector<int>{0, 1, 2, 3, 4, 5});
  CHECK(gate.waiting() == 0);
}

TEST_CASE("serve: the admission gate lets no more than its number of handlers run at once") {
  constexpr size_t kRunning = 2;
  AdmissionGate gate(kRunning);
  std::thread third;
  {
    AdmissionGate::Pass first(&gate), second(&gate);
    CHECK(gate.waiting() == 0);
    third = std::thread([&gate] { AdmissionGate::Pass pass(&gate); });
    CHECK(queued(gate, 1));
  }
  third.join();
  CHECK(gate.waiting() == 0);

  // Many handlers coming and going: never more than kRunning inside together.
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round) {
        AdmissionGate::Pass pass(&gate);
        const int now = ++inside;
        for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
        }
        std::this_thread::yield();
        --inside;
      }
    });
  for (auto& t : threads) t.join();
  CHECK(most.load() <= static_cast<int>(kRunning));
  CHECK(inside.load() == 0);
}

TEST_CASE("serve: a handler waiting for the disk gives its place to the next, then comes back before newcomers") {
  AdmissionGate gate(1);
  std::atomic<bool> second_inside{false}, second_may_leave{false};
  std::vector<int> order;  // written only by the one holder of the gate
  std::thread second, third, release;
  {
    AdmissionGate::Pass first(&gate);
    second = std::thread([&] {
      AdmissionGate::Pass pass(&gate);
      second_inside = true;
      while (!second_may_leave) std::this_thread::yield();
      order.push_back(2);
    });
    REQUIRE(queued(gate, 1));
    {
      AdmissionGate::StepAside waiting_for_disk;
      // The place went to the waiting handler.
      for (int i = 0; i < 5000 && !second_inside; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      CHECK(second_inside.load());
      {
        AdmissionGate::StepAside nested;  // has no place left to give
        CHECK(gate.waiting() == 0);
      }
      third = std::thread([&] {
        AdmissionGate::Pass pass(&gate);
        order.push_back(3);
      });
      REQUIRE(queued(gate, 1));
      // The second leaves once the first waits again too: ahead of the third,
      // which queued before it.
      release = std::thread([&] {
        CHECK(queued(gate, 2));
        second_may_leave = true;
      });
    }
    order.push_back(1);
  }
  release.join();
  second.join();
  third.join();
  CHECK(order == std::vector<int>{2, 1, 3});
  CHECK(gate.waiting() == 0);
}

TEST_CASE("serve: stepping aside without a place (no gate, or outside a handler) changes nothing") {
  AdmissionGate gate(1);
  { AdmissionGate::StepAside nothing_held; }
  {
    AdmissionGate::Pass none(nullptr);
    AdmissionGate::StepAside no_gate;
  }
  AdmissionGate::Pass pass(&gate);
  std::thread other([&gate] {
    AdmissionGate::Pass waits(&gate);
  });
  CHECK(queued(gate, 1));
  {
    AdmissionGate::StepAside aside;  // lets the other in and out, then takes the place back
  }
  other.join();
  CHECK(gate.waiting() == 0);
}
