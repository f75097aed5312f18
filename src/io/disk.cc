#include "disk.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

#include "file_io.h"

namespace kovgen {

namespace fs = std::filesystem;

namespace {

// Buffered writes to "<path>.tmp-XXXXXX" (as write_file_atomically names them).
class RealAtomicFile : public AtomicFile {
 public:
  RealAtomicFile(std::string path, std::string tmp, int fd) : path_(std::move(path)), tmp_(std::move(tmp)), fd_(fd) {}
  ~RealAtomicFile() override {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(tmp_.c_str());
  }

  bool append(std::string_view bytes, Diagnostics& diag) override {
    if (failed_) return false;
    buffer_.append(bytes);
    return buffer_.size() < kFlushBytes || flush(diag);
  }

  bool commit(Diagnostics& diag) override {
    if (failed_ || !flush(diag)) return false;
    fchmod(fd_, 0644);
    const int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0 || std::rename(tmp_.c_str(), path_.c_str()) != 0) return fail(diag);
    committed_ = true;
    return true;
  }

 private:
  static constexpr size_t kFlushBytes = 64 * 1024;

  bool flush(Diagnostics& diag) {
    size_t done = 0;
    while (done < buffer_.size()) {
      const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return fail(diag);
      done += static_cast<size_t>(n);
    }
    buffer_.clear();
    return true;
  }

  // Reports the first error only; later writes are dropped.
  bool fail(Diagnostics& diag) {
    diag.error({path_}, fill(tr("cannot write file: {}"), {std::strerror(errno)}));
    failed_ = true;
    buffer_.clear();
    return false;
  }

  std::string path_, tmp_, buffer_;
  int fd_;
  bool committed_ = false, failed_ = false;
};

class MemoryAtomicFile : public AtomicFile {
 public:
  MemoryAtomicFile(MemoryDisk& disk, std::string path) : disk_(disk), path_(std::move(path)) {}
  bool append(std::string_view bytes, Diagnostics&) override {
    bytes_.append(bytes);
    return true;
  }
  bool commit(Diagnostics& diag) override { return disk_.write_atomically(path_, bytes_, diag); }

 private:
  MemoryDisk& disk_;
  std::string path_, bytes_;
};

}  // namespace

std::optional<std::string> RealDisk::read(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  Diagnostics ignored;
  return read_file(path, ignored);
}

std::optional<std::string> RealDisk::read_input(const std::string& path, Diagnostics& diag) {
  return read_file(path, diag);
}

bool RealDisk::is_file(const std::string& path) { return kovgen::is_regular_file(path); }

std::optional<uint64_t> RealDisk::file_size(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  const auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  return static_cast<uint64_t>(size);
}

bool RealDisk::write_atomically(const std::string& path, std::string_view bytes, Diagnostics& diag) {
  return kovgen::write_file_atomically(path, bytes, diag);
}

bool RealDisk::make_directories(const std::string& path, Diagnostics& diag) {
  return kovgen::make_directories(path, diag);
}

void RealDisk::remove(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
}

std::vector<std::string> RealDisk::list(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file(ec)) names.push_back(entry.path().filename().string());
  return names;
}

std::vector<std::string> RealDisk::list_folders(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_directory(ec)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<AtomicFile> RealDisk::create_atomically(const std::string& path, Diagnostics& diag) {
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = mkstemp(tmp.data());
  if (fd < 0) {
    diag.error({path}, fill(tr("cannot write file: {}"), {std::strerror(errno)}));
    return nullptr;
  }
  return std::make_unique<RealAtomicFile>(path, tmp, fd);
}

namespace {

std::string parent_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

}  // namespace

std::optional<std::string> MemoryDisk::read(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> MemoryDisk::read_input(const std::string& path, Diagnostics& diag) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (dirs_.count(path)) {
    diag.error({path}, "is a folder, not a file");
    return std::nullopt;
  }
  auto it = files_.find(path);
  if (it == files_.end()) {
    diag.error({path}, std::string("cannot open file: ") + std::strerror(ENOENT));
    return std::nullopt;
  }
  return it->second;
}

bool MemoryDisk::is_file(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  return files_.count(path) > 0;
}

std::optional<uint64_t> MemoryDisk::file_size(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second.size();
}

bool MemoryDisk::write_atomically(const std::string& path, std::string_view bytes, Diagnostics& diag) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!dirs_.count(parent_of(path)) && parent_of(path) != ".") {
    diag.error({path}, fill(tr("cannot write file: {}"), {std::strerror(ENOENT)}));
    return false;
  }
  if (!failing_part_.empty() && path.find(failing_part_) != std::string::npos) {
    diag.error({path}, fill(tr("cannot write file: {}"), {std::strerror(ENOSPC)}));
    return false;
  }
  ++writes_;
  files_[path] = std::string(bytes);
  return true;
}

bool MemoryDisk::make_directories(const std::string& path, Diagnostics&) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::string p = path; !p.empty() && p != "." && p != "/"; p = parent_of(p)) {
    dirs_.insert(p);
    if (p.find('/') == std::string::npos) break;
  }
  return true;
}

void MemoryDisk::remove(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  files_.erase(path);
}

std::vector<std::string> MemoryDisk::list(const std::string& dir) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  const std::string prefix = dir + "/";
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.rfind(prefix, 0) == 0; ++it)
    if (it->first.find('/', prefix.size()) == std::string::npos) names.push_back(it->first.substr(prefix.size()));
  return names;
}

std::vector<std::string> MemoryDisk::list_folders(const std::string& dir) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  const std::string prefix = dir + "/";
  for (auto it = dirs_.lower_bound(prefix); it != dirs_.end() && it->rfind(prefix, 0) == 0; ++it)
    if (it->find('/', prefix.size()) == std::string::npos) names.push_back(it->substr(prefix.size()));
  return names;
}

std::unique_ptr<AtomicFile> MemoryDisk::create_atomically(const std::string& path, Diagnostics&) {
  return std::make_unique<MemoryAtomicFile>(*this, path);
}

void MemoryDisk::put(const std::string& path, std::string bytes) {
  Diagnostics ignored;
  make_directories(parent_of(path), ignored);
  std::lock_guard<std::mutex> lock(mutex_);
  files_[path] = std::move(bytes);
}

std::map<std::string, std::string> MemoryDisk::files() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return files_;
}

int MemoryDisk::write_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return writes_;
}

void MemoryDisk::fail_writes_to(const std::string& part) {
  std::lock_guard<std::mutex> lock(mutex_);
  failing_part_ = part;
}

}  // namespace kovgen
