#pragma once
// The serve stage's SQLite helpers, shared by the store (drafts, versions, audit)
// and the batch jobs, which keep their tables in the same file on their own
// connection.
#include <cstdint>
#include <string>

#include <sqlite3.h>

namespace kovgen::serve {

// The database at `path`, created if needed, with `schema` executed (CREATE ... IF
// NOT EXISTS, PRAGMAs); nullptr and `error` set when it cannot be opened.
// `busy_timeout_ms`: how long to wait for another connection's write lock.
sqlite3* open_database(const std::string& path, const char* schema, int busy_timeout_ms, std::string* error);

// One use of a statement. Made from SQL it owns the statement and finalizes it;
// made from a statement its owner keeps prepared (Store::prepared) it only resets
// it for the next use.
class SqlStatement {
 public:
  SqlStatement(sqlite3* db, const char* sql) : owned_(true) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  explicit SqlStatement(sqlite3_stmt* kept) : stmt_(kept), owned_(false) {}
  ~SqlStatement() {
    if (owned_) {
      sqlite3_finalize(stmt_);
    } else if (stmt_) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }
  SqlStatement(const SqlStatement&) = delete;
  SqlStatement& operator=(const SqlStatement&) = delete;
  SqlStatement& bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // Bytes that need not be UTF-8 (an uploaded school list in Windows-1252).
  SqlStatement& bind_blob(int i, const std::string& s) {
    sqlite3_bind_blob(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  SqlStatement& bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  bool row() { return stmt_ && sqlite3_step(stmt_) == SQLITE_ROW; }
  // A statement run for its effect: true when it went through.
  bool run() {
    if (!stmt_) return false;
    const int rc = sqlite3_step(stmt_);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
  }
  int64_t integer(int c) { return sqlite3_column_int64(stmt_, c); }
  // A text or blob column's bytes, as stored.
  std::string text(int c) {
    const void* p = sqlite3_column_blob(stmt_, c);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, c)))
             : std::string();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  bool owned_;
};

}  // namespace kovgen::serve
