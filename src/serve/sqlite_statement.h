#pragma once
// A prepared SQLite statement, finalized when it goes out of scope, for the
// serve stage's tables kept beside the store's (batch_jobs.cc).
#include <cstdint>
#include <string>

#include <sqlite3.h>

namespace kovgen::serve {

class SqlStatement {
 public:
  SqlStatement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~SqlStatement() { sqlite3_finalize(stmt_); }
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
  bool done() { return stmt_ && sqlite3_step(stmt_) == SQLITE_DONE; }
  int64_t integer(int c) { return sqlite3_column_int64(stmt_, c); }
  std::string text(int c) {
    const void* p = sqlite3_column_blob(stmt_, c);
    return p ? std::string(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, c)))
             : std::string();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace kovgen::serve
