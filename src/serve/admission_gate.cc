#include "admission_gate.h"

namespace kovgen::serve {

thread_local AdmissionGate* AdmissionGate::held_ = nullptr;

void AdmissionGate::enter() {
  std::unique_lock lock(mutex_);
  if (free_ > 0 && waiting_.empty()) {
    --free_;
    return;
  }
  Waiter me;
  waiting_.push_back(&me);
  me.wake.wait(lock, [&me] { return me.admitted; });
}

void AdmissionGate::enter_again() {
  std::unique_lock lock(mutex_);
  if (free_ > 0) {
    --free_;
    return;
  }
  Waiter me;
  waiting_.push_front(&me);
  me.wake.wait(lock, [&me] { return me.admitted; });
}

void AdmissionGate::leave() {
  std::lock_guard lock(mutex_);
  if (waiting_.empty()) {
    ++free_;
    return;
  }
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->admitted = true;
  // Under the lock: the waiter cannot return and destroy its variable before this.
  next->wake.notify_one();
}

size_t AdmissionGate::waiting() {
  std::lock_guard lock(mutex_);
  return waiting_.size();
}

}  // namespace kovgen::serve
