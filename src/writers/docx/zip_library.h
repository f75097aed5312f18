#pragma once
// libzip, loaded when a DOCX is first read or written, not at every start.
//
// Debian's libzip links OpenSSL's libcrypto (for encrypted archives, which kovgen
// never uses). Loading and relocating both cost about 1 ms at every start of
// kovgen, a fifth of a whole Markdown render, although only DOCX needs them.

#include <string>

#include <zip.h>

namespace kovgen {

// The libzip functions kovgen calls, by their names without the zip_ prefix.
#define KOVGEN_ZIP_FUNCTIONS(X)                                                               \
  X(close) X(discard) X(error_fini) X(error_init) X(error_strerror) X(fclose) X(file_add)     \
  X(file_set_dostime) X(fopen_index) X(fread) X(get_num_entries) X(open_from_source)          \
  X(set_file_compression) X(source_buffer) X(source_buffer_create) X(source_close)            \
  X(source_free) X(source_keep) X(source_open) X(source_read) X(source_stat) X(stat_index)    \
  X(strerror)

struct ZipLibrary {
#define KOVGEN_ZIP_MEMBER(name) decltype(&::zip_##name) name = nullptr;
  KOVGEN_ZIP_FUNCTIONS(KOVGEN_ZIP_MEMBER)
#undef KOVGEN_ZIP_MEMBER
};

// The loaded library (thread-safe, loaded once), or nullptr with `error` set to
// a message that says what to install.
const ZipLibrary* zip_library(std::string& error);

}  // namespace kovgen
