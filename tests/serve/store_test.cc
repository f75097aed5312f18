// The store's saves: group commit must neither lose, duplicate nor mix up a save.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "store.h"
#include "test_support.h"

using namespace kovgen::serve;

namespace {

std::unique_ptr<Store> fresh_store(const std::string& name) {
  // ctest runs the cases as parallel processes: each its own database.
  const std::string dir = kovgen::test::fresh_temp_dir(name + "-" + std::to_string(getpid()));
  std::string error;
  auto store = Store::open(dir + "/kovgen.sqlite", &error);
  REQUIRE_MESSAGE(store, error);
  return store;
}

}  // namespace

TEST_CASE("serve: saves from many threads at once each get their own version with their own answers") {
  auto store = fresh_store("serve-store-group");
  const int64_t draft = store->create_draft("Gruppe", "ogs", "a", "2026-01-01 00:00:00", "vorlage: ogs\n");
  REQUIRE(draft > 0);
  constexpr int kThreads = 8, kSaves = 25;
  std::vector<std::vector<SaveResult>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kSaves; ++i) {
        const std::string answers = "vorlage: ogs\n# " + std::to_string(t) + "-" + std::to_string(i) + "\n";
        const AuditEntry audit{"2026-01-01 00:00:00", "a", "saved", "version {}"};
        auto saved = store->save(draft, 1, "a", "2026-01-01 00:00:00", std::to_string(t) + "-" + std::to_string(i),
                                 answers, &audit);
        if (saved) results[t].push_back(*saved);
      }
    });
  for (auto& t : threads) t.join();

  std::set<int> numbers;
  for (int t = 0; t < kThreads; ++t) {
    REQUIRE(results[t].size() == kSaves);
    for (int i = 0; i < kSaves; ++i) {
      const SaveResult& r = results[t][i];
      numbers.insert(r.number);
      CHECK(r.number == r.latest_before + 1);
      CHECK(r.conflict == (r.latest_before != 1));
      // The version under the number this save was told holds this save's answers.
      auto v = store->version(draft, r.number);
      REQUIRE(v);
      CHECK(v->comment == std::to_string(t) + "-" + std::to_string(i));
      CHECK(v->answers == "vorlage: ogs\n# " + std::to_string(t) + "-" + std::to_string(i) + "\n");
    }
  }
  CHECK(numbers.size() == kThreads * kSaves);
  CHECK(*numbers.begin() == 2);
  CHECK(*numbers.rbegin() == kThreads * kSaves + 1);
  CHECK(store->versions(draft).size() == kThreads * kSaves + 1);
  CHECK(store->audit_log(draft).size() == kThreads * kSaves);
  CHECK(store->draft(draft)->latest == kThreads * kSaves + 1);
}

TEST_CASE("serve: a save to a draft that does not exist fails and the next save still commits") {
  auto store = fresh_store("serve-store-missing");
  const int64_t draft = store->create_draft("Eins", "ogs", "a", "2026-01-01 00:00:00", "vorlage: ogs\n");
  CHECK_FALSE(store->save(draft + 1, 1, "a", "2026-01-01 00:00:00", "", "vorlage: ogs\n"));
  auto saved = store->save(draft, 1, "a", "2026-01-01 00:00:00", "", "vorlage: ogs\n# zwei\n");
  REQUIRE(saved);
  CHECK(saved->number == 2);
  CHECK_FALSE(saved->conflict);
  CHECK(store->versions(draft + 1).empty());
}
