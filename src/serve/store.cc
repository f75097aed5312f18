#include "store.h"

#include <csignal>
#include <thread>

#include <pthread.h>
#include <sqlite3.h>

#include "admission_gate.h"
#include "sqlite_statement.h"

namespace kovgen::serve {
namespace {

bool exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

// FULL: a save the browser was told succeeded is on disk even if the machine
// loses power, not only when the process dies.
const char* const kSchema = R"(
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
PRAGMA foreign_keys=ON;
CREATE TABLE IF NOT EXISTS drafts(
  id INTEGER PRIMARY KEY, title TEXT NOT NULL, template TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit(
  id INTEGER PRIMARY KEY, draft INTEGER NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
  at TEXT NOT NULL, detail TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_by_draft ON audit(draft);
CREATE TABLE IF NOT EXISTS users(name TEXT PRIMARY KEY, hash TEXT NOT NULL);
)";

// A version's row holds a whole answers file, kilobytes of it, so the rows live in
// a rowid table and (draft, number) is a separate, small index: finding a version
// reads the index and then one row. kovgen's first stores kept versions WITHOUT
// ROWID, the rows inside the key's own B-tree, where every step of a lookup read a
// whole row, answers and all; such a store is moved over once, in one transaction.
const char* const kVersionsTable = R"(
CREATE TABLE IF NOT EXISTS versions(
  id INTEGER PRIMARY KEY, draft INTEGER NOT NULL REFERENCES drafts(id), number INTEGER NOT NULL,
  base INTEGER NOT NULL, author TEXT NOT NULL, created TEXT NOT NULL, comment TEXT NOT NULL,
  conflict INTEGER NOT NULL, answers TEXT NOT NULL, UNIQUE(draft, number));
)";

bool create_or_move_versions_table(sqlite3* db, std::string* error) {
  bool keyed_rows = false;
  {
    SqlStatement q(db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'versions'");
    keyed_rows = q.row() && q.text(0).find("WITHOUT ROWID") != std::string::npos;
  }
  const std::string script =
      keyed_rows ? std::string("BEGIN IMMEDIATE; ALTER TABLE versions RENAME TO versions_without_rowid;") +
                       kVersionsTable +
                       "INSERT INTO versions(draft, number, base, author, created, comment, conflict, answers) "
                       "SELECT draft, number, base, author, created, comment, conflict, answers "
                       "FROM versions_without_rowid ORDER BY draft, number;"
                       "DROP TABLE versions_without_rowid; COMMIT;"
                 : std::string(kVersionsTable);
  if (exec(db, script.c_str())) return true;
  *error = sqlite3_errmsg(db);
  exec(db, "ROLLBACK");
  return false;
}

// The WAL's size, in pages, from which a commit asks for a checkpoint (SQLite's own
// default for its automatic checkpoint).
constexpr int kWalPagesBeforeCheckpoint = 1000;

}  // namespace

// A checkpoint copies the WAL into the database file and syncs it. SQLite's
// automatic checkpoint runs inside the commit that fills the WAL, holding the write
// lock, so that save, and every save queued behind it, waited for the copy and its
// fsync: that was the tail of the saves under load. Instead the writer's WAL hook
// only wakes this thread, which checkpoints on its own connection, PASSIVE: it
// neither waits for nor blocks a writer or a reader.
struct Store::Checkpointer {
  sqlite3* db = nullptr;
  std::mutex mutex;
  std::condition_variable wake;
  bool due = false, stopping = false;
  std::thread thread;

  static int after_commit(void* self, sqlite3*, const char*, int wal_pages) {
    if (wal_pages >= kWalPagesBeforeCheckpoint) {
      auto* checkpointer = static_cast<Checkpointer*>(self);
      {
        std::lock_guard lock(checkpointer->mutex);
        checkpointer->due = true;
      }
      checkpointer->wake.notify_one();
    }
    return SQLITE_OK;
  }

  void run() {
    std::unique_lock lock(mutex);
    for (;;) {
      wake.wait(lock, [this] { return due || stopping; });
      if (stopping) return;
      due = false;
      lock.unlock();
      sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
      lock.lock();
    }
  }

  ~Checkpointer() {
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    wake.notify_one();
    if (thread.joinable()) thread.join();
    sqlite3_close(db);
  }
};

std::unique_ptr<Store> Store::open(const std::string& path, std::string* error) {
  std::unique_ptr<Store> store(new Store());
  // Another process (kovgen serve --backup, a second server) may hold the lock briefly.
  store->writer_.db = open_database(path, kSchema, 5000, error);
  if (!store->writer_.db || !create_or_move_versions_table(store->writer_.db, error)) return nullptr;
  store->reader_.db = open_database(path, "PRAGMA query_only=1;", 5000, error);
  if (!store->reader_.db) return nullptr;
  auto checkpointer = std::make_unique<Checkpointer>();
  // A connection learns that the file is in WAL mode when it first reads it; until
  // then its checkpoints do nothing.
  checkpointer->db = open_database(path, "PRAGMA journal_mode=WAL;", 5000, error);
  if (!checkpointer->db) return nullptr;
  // Replaces the writer's automatic checkpoint.
  sqlite3_wal_hook(store->writer_.db, &Checkpointer::after_commit, checkpointer.get());
  {
    // The thread takes no signals: it inherits a mask that blocks them all, so that
    // SIGTERM reaches the thread of serve's main that stops the server.
    sigset_t all, before;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &before);
    checkpointer->thread = std::thread([c = checkpointer.get()] { c->run(); });
    pthread_sigmask(SIG_SETMASK, &before, nullptr);
  }
  store->checkpointer_ = std::move(checkpointer);
  return store;
}

Store::~Store() {
  // The checkpointer goes first (the last member); no commit may wake it after.
  if (writer_.db) sqlite3_wal_hook(writer_.db, nullptr, nullptr);
}

Store::Connection::~Connection() {
  for (const auto& [sql, stmt] : prepared) sqlite3_finalize(stmt);
  sqlite3_close(db);
}

sqlite3_stmt* Store::Connection::prepare(const char* sql) {
  auto& stmt = prepared[sql];
  if (!stmt) sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  return stmt;
}

int64_t Store::create_draft(const std::string& title, const std::string& template_id, const std::string& author,
                            const std::string& at, const std::string& answers) {
  AdmissionGate::StepAside waiting_for_disk;
  std::lock_guard lock(writer_.mutex);
  if (!exec(writer_.db, "BEGIN IMMEDIATE")) return 0;
  SqlStatement insert(writer_.prepare("INSERT INTO drafts(title, template) VALUES(?, ?)"));
  if (!insert.bind(1, title).bind(2, template_id).run()) {
    exec(writer_.db, "ROLLBACK");
    return 0;
  }
  const int64_t id = sqlite3_last_insert_rowid(writer_.db);
  SqlStatement version(writer_.prepare(
                    "INSERT INTO versions(draft, number, base, author, created, comment, answers, conflict) "
                    "VALUES(?, 1, 0, ?, ?, '', ?, 0)"));
  if (!version.bind(1, id).bind(2, author).bind(3, at).bind(4, answers).run() || !exec(writer_.db, "COMMIT")) {
    exec(writer_.db, "ROLLBACK");
    return 0;
  }
  return id;
}

std::vector<DraftSummary> Store::drafts() {
  std::lock_guard lock(reader_.mutex);
  SqlStatement q(reader_.prepare(
              "SELECT d.id, d.title, d.template, v.number, v.created FROM drafts d JOIN versions v ON v.draft = d.id "
              "AND v.number = (SELECT MAX(number) FROM versions WHERE draft = d.id) ORDER BY d.id DESC"));
  std::vector<DraftSummary> out;
  while (q.row()) out.push_back({q.integer(0), q.text(1), q.text(2), static_cast<int>(q.integer(3)), q.text(4)});
  return out;
}

std::optional<DraftSummary> Store::draft(int64_t id) {
  std::lock_guard lock(reader_.mutex);
  SqlStatement q(reader_.prepare(
              "SELECT d.id, d.title, d.template, v.number, v.created FROM drafts d JOIN versions v ON v.draft = d.id "
              "WHERE d.id = ? ORDER BY v.number DESC LIMIT 1"));
  q.bind(1, id);
  if (!q.row()) return std::nullopt;
  return DraftSummary{q.integer(0), q.text(1), q.text(2), static_cast<int>(q.integer(3)), q.text(4)};
}

std::vector<VersionInfo> Store::versions(int64_t draft) {
  std::lock_guard lock(reader_.mutex);
  SqlStatement q(reader_.prepare(
              "SELECT number, base, author, created, comment, conflict FROM versions WHERE draft = ? "
              "ORDER BY number DESC"));
  q.bind(1, draft);
  std::vector<VersionInfo> out;
  while (q.row())
    out.push_back({static_cast<int>(q.integer(0)), static_cast<int>(q.integer(1)), q.text(2), q.text(3), q.text(4),
                   q.integer(5) != 0, ""});
  return out;
}

std::optional<VersionInfo> Store::version(int64_t draft, int number) {
  std::lock_guard lock(reader_.mutex);
  SqlStatement q(reader_.prepare(
              "SELECT number, base, author, created, comment, conflict, answers FROM versions "
              "WHERE draft = ? AND number = ?"));
  q.bind(1, draft).bind(2, static_cast<int64_t>(number));
  if (!q.row()) return std::nullopt;
  return VersionInfo{static_cast<int>(q.integer(0)), static_cast<int>(q.integer(1)), q.text(2), q.text(3), q.text(4),
                     q.integer(5) != 0, q.text(6)};
}

struct Store::PendingSave {
  int64_t draft;
  int base;
  const std::string &author, &at, &comment, &answers;
  const AuditEntry* audit;
  std::optional<SaveResult> result;
  bool done = false;
};

std::optional<SaveResult> Store::save(int64_t draft, int base, const std::string& author, const std::string& at,
                                      const std::string& comment, const std::string& answers,
                                      const AuditEntry* audit) {
  AdmissionGate::StepAside waiting_for_disk;
  PendingSave mine{draft, base, author, at, comment, answers, audit, std::nullopt};
  std::unique_lock lock(pending_mutex_);
  pending_.push_back(&mine);
  pending_done_.wait(lock, [&] { return mine.done || !committing_; });
  if (mine.done) return mine.result;
  // Nobody is committing: this thread commits every save waiting, its own included.
  committing_ = true;
  std::vector<PendingSave*> saves;
  saves.swap(pending_);
  lock.unlock();
  commit_saves(saves);
  lock.lock();
  for (PendingSave* s : saves) s->done = true;
  committing_ = false;
  pending_done_.notify_all();
  return mine.result;
}

void Store::commit_saves(const std::vector<PendingSave*>& saves) {
  std::lock_guard lock(writer_.mutex);
  sqlite3* db = writer_.db;
  // IMMEDIATE: the newest number is read and the next one written under one write
  // lock, also against another process on the same file.
  if (!exec(db, "BEGIN IMMEDIATE")) return;
  for (PendingSave* s : saves) {
    // A save that fails leaves the others in the transaction untouched.
    exec(db, "SAVEPOINT one_save");
    SqlStatement latest(writer_.prepare("SELECT MAX(number) FROM versions WHERE draft = ?"));
    latest.bind(1, s->draft);
    bool ok = latest.row() && latest.integer(0) != 0;
    SaveResult result;
    if (ok) {
      result.latest_before = static_cast<int>(latest.integer(0));
      result.number = result.latest_before + 1;
      result.conflict = s->base != result.latest_before;
      SqlStatement insert(writer_.prepare(
          "INSERT INTO versions(draft, number, base, author, created, comment, answers, conflict) "
          "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
      insert.bind(1, s->draft).bind(2, static_cast<int64_t>(result.number)).bind(3, static_cast<int64_t>(s->base));
      insert.bind(4, s->author).bind(5, s->at).bind(6, s->comment).bind(7, s->answers);
      insert.bind(8, static_cast<int64_t>(result.conflict));
      ok = insert.run();
    }
    if (ok && s->audit) {
      std::string detail = s->audit->detail;
      if (auto at_number = detail.find("{}"); at_number != std::string::npos)
        detail.replace(at_number, 2, std::to_string(result.number));
      SqlStatement log(writer_.prepare("INSERT INTO audit(draft, who, action, at, detail) VALUES(?, ?, ?, ?, ?)"));
      log.bind(1, s->draft).bind(2, s->audit->who).bind(3, s->audit->action).bind(4, s->audit->at).bind(5, detail);
      ok = log.run();
    }
    if (ok) {
      s->result = result;
    } else {
      exec(db, "ROLLBACK TO one_save");
    }
    exec(db, "RELEASE one_save");
  }
  if (!exec(db, "COMMIT")) {
    exec(db, "ROLLBACK");
    for (PendingSave* s : saves) s->result.reset();
  }
}

void Store::audit(int64_t draft, const std::string& who, const std::string& action, const std::string& at,
                  const std::string& detail) {
  AdmissionGate::StepAside waiting_for_disk;
  std::lock_guard lock(writer_.mutex);
  SqlStatement q(writer_.prepare("INSERT INTO audit(draft, who, action, at, detail) VALUES(?, ?, ?, ?, ?)"));
  q.bind(1, draft).bind(2, who).bind(3, action).bind(4, at).bind(5, detail).run();
}

std::vector<AuditEntry> Store::audit_log(int64_t draft) {
  std::lock_guard lock(reader_.mutex);
  SqlStatement q(reader_.prepare("SELECT at, who, action, detail FROM audit WHERE draft = ? ORDER BY id DESC"));
  q.bind(1, draft);
  std::vector<AuditEntry> out;
  while (q.row()) out.push_back({q.text(0), q.text(1), q.text(2), q.text(3)});
  return out;
}

bool Store::add_user(const std::string& name, const std::string& password_hash) {
  std::lock_guard lock(writer_.mutex);
  SqlStatement q(writer_.prepare("INSERT OR REPLACE INTO users(name, hash) VALUES(?, ?)"));
  return q.bind(1, name).bind(2, password_hash).run();
}

std::optional<std::string> Store::password_hash(const std::string& name) {
  std::lock_guard lock(reader_.mutex);
  SqlStatement q(reader_.prepare("SELECT hash FROM users WHERE name = ?"));
  q.bind(1, name);
  if (!q.row()) return std::nullopt;
  return q.text(0);
}

bool Store::has_users() {
  std::lock_guard lock(reader_.mutex);
  SqlStatement q(reader_.prepare("SELECT 1 FROM users LIMIT 1"));
  return q.row();
}

bool Store::backup_to(const std::string& path, std::string* error) {
  sqlite3* target = nullptr;
  if (sqlite3_open(path.c_str(), &target) != SQLITE_OK) {
    *error = target ? sqlite3_errmsg(target) : "out of memory";
    sqlite3_close(target);
    return false;
  }
  bool ok = false;
  {
    std::lock_guard lock(writer_.mutex);
    if (sqlite3_backup* b = sqlite3_backup_init(target, "main", writer_.db, "main")) {
      ok = sqlite3_backup_step(b, -1) == SQLITE_DONE;
      sqlite3_backup_finish(b);
    }
  }
  if (!ok) *error = sqlite3_errmsg(target);
  sqlite3_close(target);
  return ok;
}

}  // namespace kovgen::serve
