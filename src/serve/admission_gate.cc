#include "admission_gate.h"

namespace kovgen::serve {

namespace {

// The gate whose place this thread holds, if any (set by Pass, read by StepAside).
thread_local AdmissionGate* held = nullptr;

}  // namespace

AdmissionGate::Pass::Pass(AdmissionGate* gate) : gate_(gate), outer_(held) {
  if (gate_) gate_->enter();
  held = gate_;
}

AdmissionGate::Pass::~Pass() {
  held = outer_;
  if (gate_) gate_->leave();
}

AdmissionGate::StepAside::StepAside() : gate_(held) {
  held = nullptr;  // a StepAside inside this one has no place to give
  if (gate_) gate_->leave();
}

AdmissionGate::StepAside::~StepAside() {
  if (gate_) gate_->enter_again();
  held = gate_;
}

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
