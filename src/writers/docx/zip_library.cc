#include "zip_library.h"

#include <algorithm>
#include <cstring>

#include "runtime_library.h"

#ifndef KOVGEN_MINIZIP_SONAME
#define KOVGEN_MINIZIP_SONAME "libminizip.so.1"
#endif

namespace kovgen {

namespace {

RuntimeLibrary<ZipLibrary> load() {
  RuntimeLibrary<ZipLibrary> loaded;
  void* handle = open_runtime_library(KOVGEN_MINIZIP_SONAME, "minizip", "DOCX", "libminizip1", loaded.error);
  if (!handle) return loaded;
#define KOVGEN_ZIP_RESOLVE(name) \
  if (!resolve_runtime_function(handle, "minizip", #name, loaded.functions.name, loaded.error)) return loaded;
  KOVGEN_ZIP_FUNCTIONS(KOVGEN_ZIP_RESOLVE)
#undef KOVGEN_ZIP_RESOLVE
  loaded.ok = true;
  return loaded;
}

ZipMemory& memory_of(voidpf opaque) { return *static_cast<ZipMemory*>(opaque); }

size_t memory_size(const ZipMemory& m) { return m.writing ? m.written.size() : m.readable.size(); }

voidpf ZCALLBACK open_memory(voidpf opaque, const char*, int) { return opaque; }

uLong ZCALLBACK read_memory(voidpf opaque, voidpf, void* buffer, uLong size) {
  ZipMemory& m = memory_of(opaque);
  const std::string_view bytes = m.writing ? std::string_view(m.written) : m.readable;
  const size_t n = m.position < bytes.size() ? std::min<size_t>(size, bytes.size() - m.position) : 0;
  if (n > 0) std::memcpy(buffer, bytes.data() + m.position, n);
  m.position += n;
  return n;
}

uLong ZCALLBACK write_memory(voidpf opaque, voidpf, const void* buffer, uLong size) {
  ZipMemory& m = memory_of(opaque);
  if (!m.writing) return 0;
  // minizip seeks back to fill in a local header's sizes, so a write may overwrite.
  if (m.position + size > m.written.size()) m.written.resize(m.position + size);
  std::memcpy(m.written.data() + m.position, buffer, size);
  m.position += size;
  return size;
}

long ZCALLBACK tell_memory(voidpf opaque, voidpf) { return static_cast<long>(memory_of(opaque).position); }

long ZCALLBACK seek_memory(voidpf opaque, voidpf, uLong offset, int origin) {
  ZipMemory& m = memory_of(opaque);
  size_t base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = m.position; break;
    case ZLIB_FILEFUNC_SEEK_END: base = memory_size(m); break;
    default: return -1;
  }
  if (base + offset > memory_size(m)) return -1;
  m.position = base + offset;
  return 0;
}

int ZCALLBACK close_memory(voidpf, voidpf) { return 0; }

int ZCALLBACK memory_error(voidpf, voidpf) { return 0; }

}  // namespace

const ZipLibrary* zip_library(std::string& error) {
  static const RuntimeLibrary<ZipLibrary> loaded = load();
  return loaded.get(error);
}

zlib_filefunc_def zip_memory_functions(ZipMemory& memory) {
  zlib_filefunc_def functions{};
  functions.zopen_file = open_memory;
  functions.zread_file = read_memory;
  functions.zwrite_file = write_memory;
  functions.ztell_file = tell_memory;
  functions.zseek_file = seek_memory;
  functions.zclose_file = close_memory;
  functions.zerror_file = memory_error;
  functions.opaque = &memory;
  return functions;
}

}  // namespace kovgen
