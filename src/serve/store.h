#pragma once
// The server's drafts, kept in one SQLite file (WAL): every save is a new version,
// nothing is ever overwritten, and a save names the version it was based on, so
// that a later save does not silently win over an earlier one. Also the audit
// log and the user accounts. Thread-safe: one connection writes, another reads, so
// that reading never waits for a save's commit to reach the disk (WAL).
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kovgen::serve {

struct DraftSummary {
  int64_t id = 0;
  std::string title;
  std::string template_id;
  int latest = 0;        // number of the newest version
  std::string changed;   // time of the newest version
};

struct VersionInfo {
  int number = 0;
  int base = 0;           // the version the save was based on (0: none)
  std::string author;
  std::string created;    // UTC, "2026-12-05 09:30:00"
  std::string comment;
  bool conflict = false;  // saved on a base that was no longer the newest
  std::string answers;    // the answers file's text (YAML); empty in lists
};

struct AuditEntry {
  std::string at, who, action, detail;
};

struct SaveResult {
  int number = 0;         // the new version
  bool conflict = false;  // its base was not the newest version
  int latest_before = 0;  // the newest version when it was saved
};

class Store {
 public:
  // Opens or creates the database; nullptr with *error set when it cannot.
  static std::unique_ptr<Store> open(const std::string& path, std::string* error);
  ~Store();

  int64_t create_draft(const std::string& title, const std::string& template_id, const std::string& author,
                       const std::string& at, const std::string& answers);
  std::vector<DraftSummary> drafts();
  std::optional<DraftSummary> draft(int64_t id);
  std::vector<VersionInfo> versions(int64_t draft);  // newest first, without answers
  std::optional<VersionInfo> version(int64_t draft, int number);  // with answers
  // Saves a new version. A base older than the newest version still saves (nothing
  // typed is lost) but is marked as a conflict, for the user to resolve.
  // `audit` (its number placeholder "{}" filled with the new version's number) is
  // logged in the same transaction: one write to disk per save, not two.
  // Group commit: saves that arrive while another commit is reaching the disk are
  // committed together in the next transaction, one write to disk for all of them;
  // each returns only once that transaction is committed.
  std::optional<SaveResult> save(int64_t draft, int base, const std::string& author, const std::string& at,
                                 const std::string& comment, const std::string& answers,
                                 const AuditEntry* audit = nullptr);

  void audit(int64_t draft, const std::string& who, const std::string& action, const std::string& at,
             const std::string& detail);
  std::vector<AuditEntry> audit_log(int64_t draft);

  bool add_user(const std::string& name, const std::string& password_hash);
  std::optional<std::string> password_hash(const std::string& name);
  bool has_users();

  // A consistent copy of the whole database while it is in use (SQLite's online
  // backup); false with *error set.
  bool backup_to(const std::string& path, std::string* error);

 private:
  // One SQLite connection and what uses it: one thread at a time, under `mutex`.
  struct Connection {
    sqlite3* db = nullptr;
    std::mutex mutex;
    // Prepared once and kept, by the SQL text's address (call only under mutex):
    // preparing cost more than running most of these queries.
    std::map<const char*, sqlite3_stmt*> prepared;
    sqlite3_stmt* prepare(const char* sql);
    ~Connection();
  };
  struct PendingSave;
  Store() = default;
  void commit_saves(const std::vector<PendingSave*>& saves);
  Connection writer_, reader_;
  std::mutex pending_mutex_;
  std::condition_variable pending_done_;
  std::vector<PendingSave*> pending_;  // saves waiting for the next commit
  bool committing_ = false;            // a thread is committing saves
  struct Checkpointer;
  std::unique_ptr<Checkpointer> checkpointer_;  // last: stopped before the connections close
};

}  // namespace kovgen::serve
