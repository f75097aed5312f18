#pragma once
// Values made once per key and kept, shared between the server's threads:
// requests that arrive together for a key not yet made wait for one making
// instead of each doing it. Bounded: when full, the oldest key is dropped.
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>

namespace kovgen::serve {

template <typename Key, typename Value>
class OnceCache {
 public:
  explicit OnceCache(size_t max_entries = 256) : max_entries_(max_entries) {}

  // The value for `key`, made by `make` (without the cache's lock) if there is none
  // yet; a nullptr `make` returns is not kept, so the next request tries again.
  template <typename Make>
  std::shared_ptr<const Value> get(const Key& key, Make&& make) {
    std::shared_ptr<Slot> slot;
    // Destroyed after the lock is released: a value (a composed version) can take a
    // while to free, and every request waits for the lock.
    std::shared_ptr<Slot> dropped;
    {
      std::lock_guard lock(mutex_);
      auto it = slots_.find(key);
      if (it == slots_.end()) {
        if (slots_.size() >= max_entries_ && !age_.empty()) {
          dropped = std::move(age_.front()->second);
          slots_.erase(age_.front());
          age_.pop_front();
        }
        it = slots_.emplace(key, std::make_shared<Slot>()).first;
        age_.push_back(it);
      }
      slot = it->second;
    }
    std::lock_guard making(slot->making);
    if (!slot->value) slot->value = make();
    return slot->value;
  }

 private:
  struct Slot {
    std::mutex making;
    std::shared_ptr<const Value> value;  // set once, under `making`
  };
  const size_t max_entries_;
  std::mutex mutex_;  // guards slots_ only, never held while making
  std::map<Key, std::shared_ptr<Slot>> slots_;
  std::deque<typename std::map<Key, std::shared_ptr<Slot>>::iterator> age_;  // the oldest first
};

}  // namespace kovgen::serve
