#include "file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

namespace kovgen {

std::optional<std::string> read_file(const std::string& path, Diagnostics& diag) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    diag.error({path}, tr("is a folder, not a file"));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.error({path}, fill(tr("cannot open file: {}"), {std::strerror(errno)}));
    return std::nullopt;
  }
  auto too_large = [&](std::streamoff size) {
    diag.error({path}, fill(tr("file too large ({} MiB; at most {} MiB)"),
                            {std::to_string(size / (1024 * 1024)), std::to_string(kMaxInputFileBytes / (1024 * 1024))}));
    return std::nullopt;
  };
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size >= 0) {
    in.seekg(0, std::ios::beg);
  } else {
    in.clear();  // a pipe (/dev/stdin, <(…)) cannot seek; it is read as it comes
  }
  if (size > static_cast<std::streamoff>(kMaxInputFileBytes)) return too_large(size);
  std::string bytes = read_stream(in, size);
  if (in.bad()) {
    diag.error({path}, tr("cannot read file"));
    return std::nullopt;
  }
  if (bytes.size() > kMaxInputFileBytes) return too_large(static_cast<std::streamoff>(bytes.size()));
  return bytes;
}

std::string read_stream(std::istream& in, std::streamoff size_hint) {
  // Straight into a string of the expected size: `ss << in.rdbuf()` copied
  // twice and regrew its buffer step by step, a tenth of a whole render.
  std::string bytes;
  if (size_hint > 0) {
    bytes.resize(static_cast<size_t>(size_hint));
    in.read(bytes.data(), size_hint);
    bytes.resize(static_cast<size_t>(in.gcount()));
    if (in.gcount() < size_hint) return bytes;
  }
  char block[1 << 16];  // the rest, if the file grew, or all of a pipe
  while (in.read(block, sizeof block) || in.gcount() > 0) bytes.append(block, static_cast<size_t>(in.gcount()));
  return bytes;
}

namespace {

// Writes bytes to a new temporary file next to path; its name, or nullopt.
std::optional<std::string> write_temporary(const std::string& path, std::string_view bytes,
                                           Diagnostics& diag) {
  std::string tmp = path + ".tmp-XXXXXX";
  int fd = mkstemp(tmp.data());
  if (fd < 0) {
    diag.error({path}, fill(tr("cannot write file: {}"), {std::strerror(errno)}));
    return std::nullopt;
  }
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      diag.error({path}, fill(tr("cannot write file: {}"), {std::strerror(errno)}));
      ::close(fd);
      ::unlink(tmp.c_str());
      return std::nullopt;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  // mkstemp creates 0600; outputs are ordinary documents.
  fchmod(fd, 0644);
  if (::close(fd) != 0) {
    diag.error({path}, fill(tr("cannot write file: {}"), {std::strerror(errno)}));
    ::unlink(tmp.c_str());
    return std::nullopt;
  }
  return tmp;
}

bool rename_into_place(const std::string& tmp, const std::string& path, Diagnostics& diag) {
  if (std::rename(tmp.c_str(), path.c_str()) == 0) return true;
  diag.error({path}, fill(tr("cannot write file: {}"), {std::strerror(errno)}));
  ::unlink(tmp.c_str());
  return false;
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view bytes,
                           Diagnostics& diag) {
  auto tmp = write_temporary(path, bytes, diag);
  return tmp && rename_into_place(*tmp, path, diag);
}

bool write_files_atomically(const std::vector<FileToWrite>& files, Diagnostics& diag) {
  std::vector<std::string> temporaries;
  for (const FileToWrite& f : files) {
    auto tmp = write_temporary(f.path, f.bytes, diag);
    if (!tmp) {
      for (const auto& t : temporaries) ::unlink(t.c_str());
      return false;
    }
    temporaries.push_back(std::move(*tmp));
  }
  bool ok = true;
  for (size_t i = 0; i < files.size(); ++i)
    ok = rename_into_place(temporaries[i], files[i].path, diag) && ok;
  return ok;
}

bool make_directories(const std::string& path, Diagnostics& diag) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) {
    diag.error({path}, fill(tr("cannot create folder: {}"), {ec.message()}));
    return false;
  }
  return true;
}

bool is_regular_file(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace kovgen
