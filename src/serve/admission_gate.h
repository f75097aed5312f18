#pragma once
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace kovgen::serve {

// Every keep-alive connection has its own worker thread. Without a limit, 64
// busy connections are 64 runnable threads on a few cores: the scheduler
// preempts whoever holds the store's lock and wakes waiters in no particular
// order, so some requests can wait far longer than others.
// The gate lets `running` handlers work at once and admits the others strictly
// first come, first served, each woken on its own condition variable.
class AdmissionGate {
 public:
  explicit AdmissionGate(size_t running) : free_(running) {}

  void enter();
  // As enter, but ahead of everyone waiting (for a handler that had a place before).
  void enter_again();
  // Hands the place straight to the longest waiter, so that no newcomer overtakes it.
  void leave();
  size_t waiting();

  // Holds a place for its lifetime (none when the gate is null).
  class Pass {
   public:
    explicit Pass(AdmissionGate* gate);
    ~Pass();
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    AdmissionGate* gate_;
    AdmissionGate* outer_;
  };

  // The places are for handlers that use a CPU. A handler about to wait for the disk
  // (a save's commit and its fdatasync) gives its place to the next in line for that
  // time, then takes the next free place before anyone waiting: it was admitted
  // first, and what is left of it is short. No effect on a thread without a Pass.
  class StepAside {
   public:
    StepAside();
    ~StepAside();
    StepAside(const StepAside&) = delete;
    StepAside& operator=(const StepAside&) = delete;

   private:
    AdmissionGate* gate_;
  };

 private:
  struct Waiter {
    std::condition_variable wake;
    bool admitted = false;
  };
  std::mutex mutex_;
  size_t free_;
  std::deque<Waiter*> waiting_;
};

}  // namespace kovgen::serve
