// The store's saves: group commit must neither lose, duplicate nor mix up a save.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <sqlite3.h>

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

TEST_CASE("serve: a store of kovgen's first schema keeps every version when it is opened, and saves go on") {
  // The first schema, as kovgen 0.1 created it: versions WITHOUT ROWID.
  const std::string dir = kovgen::test::fresh_temp_dir("serve-store-first-schema-" + std::to_string(getpid()));
  const std::string path = dir + "/kovgen.sqlite";
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    const char* first_schema = R"(
PRAGMA journal_mode=WAL;
CREATE TABLE drafts(id INTEGER PRIMARY KEY, title TEXT NOT NULL, template TEXT NOT NULL);
CREATE TABLE versions(
  draft INTEGER NOT NULL REFERENCES drafts(id), number INTEGER NOT NULL, base INTEGER NOT NULL,
  author TEXT NOT NULL, created TEXT NOT NULL, comment TEXT NOT NULL, answers TEXT NOT NULL,
  conflict INTEGER NOT NULL, PRIMARY KEY(draft, number)) WITHOUT ROWID;
INSERT INTO drafts VALUES(1, 'Grundschule Am Park', 'ogs'), (2, 'Zweiter', 'ogs');
INSERT INTO versions VALUES(1, 1, 0, 'Anna', '2026-01-01 10:00:00', '', 'vorlage: ogs' || char(10) || '# eins' || char(10), 0);
INSERT INTO versions VALUES(1, 2, 1, 'Ben', '2026-01-02 10:00:00', 'Kommentar', 'vorlage: ogs' || char(10) || '# zwei' || char(10), 0);
INSERT INTO versions VALUES(1, 3, 1, 'Cem', '2026-01-03 10:00:00', '', 'vorlage: ogs' || char(10) || '# drei' || char(10), 1);
INSERT INTO versions VALUES(2, 1, 0, 'Dora', '2026-01-04 10:00:00', '', 'vorlage: ogs' || char(10) || '# vier' || char(10), 0);
)";
    REQUIRE(sqlite3_exec(db, first_schema, nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  for (int opening = 0; opening < 2; ++opening) {  // the second opening finds the new schema
    std::string error;
    auto store = Store::open(path, &error);
    REQUIRE_MESSAGE(store, error);
    const auto versions = store->versions(1);
    REQUIRE(versions.size() == 3 + static_cast<size_t>(opening));
    auto third = store->version(1, 3);
    REQUIRE(third);
    CHECK(third->author == "Cem");
    CHECK(third->base == 1);
    CHECK(third->conflict);
    CHECK(third->answers == "vorlage: ogs\n# drei\n");
    CHECK(store->version(1, 2)->comment == "Kommentar");
    CHECK(store->version(2, 1)->answers == "vorlage: ogs\n# vier\n");
    CHECK(store->draft(1)->latest == 3 + opening);
    if (opening == 0) {
      auto saved = store->save(1, 3, "Eva", "2026-01-05 10:00:00", "", "vorlage: ogs\n# fünf\n", nullptr);
      REQUIRE(saved);
      CHECK(saved->number == 4);
      CHECK_FALSE(saved->conflict);
    }
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT group_concat(sql, ';') FROM sqlite_schema", -1, &q, nullptr);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  const std::string schema = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
  sqlite3_finalize(q);
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, nullptr);
  REQUIRE(sqlite3_step(q) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))) == "ok");
  sqlite3_finalize(q);
  sqlite3_close(db);
  CHECK(schema.find("WITHOUT ROWID") == std::string::npos);
  CHECK(schema.find("versions_without_rowid") == std::string::npos);
  CHECK(schema.find("UNIQUE(draft, number)") != std::string::npos);
}

TEST_CASE("serve: the saves' log is copied into the database file by the store's own checkpoints") {
  // The writer's automatic checkpoint is replaced by a thread of the store's: if that
  // thread never ran, the log (the -wal file) would grow for ever and the database
  // file would keep only its empty tables.
  const std::string dir = kovgen::test::fresh_temp_dir("serve-store-checkpoint-" + std::to_string(getpid()));
  const std::string path = dir + "/kovgen.sqlite";
  std::string error;
  auto store = Store::open(path, &error);
  REQUIRE_MESSAGE(store, error);
  const int64_t draft = store->create_draft("Prüfpunkt", "ogs", "a", "2026-01-01 00:00:00", "vorlage: ogs\n");
  const std::string answers = "vorlage: ogs\n# " + std::string(16 * 1024, 'x') + "\n";
  for (int i = 0; i < 400; ++i)  // 6.4 MB: more than 1,000 pages of 4 kB
    REQUIRE(store->save(draft, i + 1, "a", "2026-01-01 00:00:00", "", answers + std::to_string(i), nullptr));
  auto file_size = [&path] {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return 0L;
    std::fseek(f, 0, SEEK_END);
    const long size = std::ftell(f);
    std::fclose(f);
    return size;
  };
  for (int i = 0; i < 500 && file_size() < 4 * 1024 * 1024; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(file_size() >= 4 * 1024 * 1024);
  CHECK(store->version(draft, 401)->answers == answers + "399");
}
