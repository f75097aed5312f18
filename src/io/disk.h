#pragma once
// The file system behind a small interface (as in ninja): the stages below the
// command line read templates, answers and the reference DOCX and write batch
// outputs only through it, so their tests run against an in-memory disk and a
// server can give each request what it may see.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"

namespace kovgen {

// A file written piece by piece that appears under its name only on commit
// (temporary file in the same folder, then rename); dropped unless committed.
class AtomicFile {
 public:
  virtual ~AtomicFile() = default;
  virtual bool append(std::string_view bytes, Diagnostics& diag) = 0;
  virtual bool commit(Diagnostics& diag) = 0;
};

// Implementations are safe to use from several threads at once.
class Disk {
 public:
  virtual ~Disk() = default;
  // The file's bytes, or nullopt when it does not exist or cannot be read.
  virtual std::optional<std::string> read(const std::string& path) = 0;
  // An input's bytes, or nullopt with an error naming the file (also when it is a
  // folder or larger than kMaxInputFileBytes of file_io.h).
  virtual std::optional<std::string> read_input(const std::string& path, Diagnostics& diag) = 0;
  // Whether path names a regular file.
  virtual bool is_file(const std::string& path) = 0;
  // The size of a regular file, or nullopt.
  virtual std::optional<uint64_t> file_size(const std::string& path) = 0;
  // Temporary file in the same folder, then rename: never a half-written file.
  virtual bool write_atomically(const std::string& path, std::string_view bytes, Diagnostics& diag) = 0;
  virtual bool make_directories(const std::string& path, Diagnostics& diag) = 0;
  // Removes a file if it exists.
  virtual void remove(const std::string& path) = 0;
  // The names of the files in a folder (none when it does not exist).
  virtual std::vector<std::string> list(const std::string& dir) = 0;
  // The names of the folders in a folder, sorted (none when it does not exist).
  virtual std::vector<std::string> list_folders(const std::string& dir) = 0;
  // A file streamed to disk, for outputs that grow with the number of schools.
  virtual std::unique_ptr<AtomicFile> create_atomically(const std::string& path, Diagnostics& diag) = 0;
};

// The real file system (file_io.h).
class RealDisk : public Disk {
 public:
  std::optional<std::string> read(const std::string& path) override;
  std::optional<std::string> read_input(const std::string& path, Diagnostics& diag) override;
  bool is_file(const std::string& path) override;
  std::optional<uint64_t> file_size(const std::string& path) override;
  bool write_atomically(const std::string& path, std::string_view bytes, Diagnostics& diag) override;
  bool make_directories(const std::string& path, Diagnostics& diag) override;
  void remove(const std::string& path) override;
  std::vector<std::string> list(const std::string& dir) override;
  std::vector<std::string> list_folders(const std::string& dir) override;
  std::unique_ptr<AtomicFile> create_atomically(const std::string& path, Diagnostics& diag) override;
};

// Files in a map; thread-safe. Writes into a folder that was not made fail, as on disk.
class MemoryDisk : public Disk {
 public:
  std::optional<std::string> read(const std::string& path) override;
  std::optional<std::string> read_input(const std::string& path, Diagnostics& diag) override;
  bool is_file(const std::string& path) override;
  std::optional<uint64_t> file_size(const std::string& path) override;
  bool write_atomically(const std::string& path, std::string_view bytes, Diagnostics& diag) override;
  bool make_directories(const std::string& path, Diagnostics& diag) override;
  void remove(const std::string& path) override;
  std::vector<std::string> list(const std::string& dir) override;
  std::vector<std::string> list_folders(const std::string& dir) override;
  std::unique_ptr<AtomicFile> create_atomically(const std::string& path, Diagnostics& diag) override;

  // Test setup: a file, with the folders it lies in.
  void put(const std::string& path, std::string bytes);
  // Test access: every file by path, and how many writes happened.
  std::map<std::string, std::string> files() const;
  int write_count() const;
  // Makes every later write to a path containing `part` fail (a full disk, say).
  void fail_writes_to(const std::string& part);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> files_;
  std::set<std::string> dirs_;
  std::string failing_part_;
  int writes_ = 0;
};

}  // namespace kovgen
