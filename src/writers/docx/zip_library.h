#pragma once
// minizip (zlib's zip reader and writer), loaded when a DOCX is first read or
// written, not at every start of kovgen, and given the archive in memory.
//
// minizip rather than libzip: Debian's libzip links OpenSSL's libcrypto (for
// encrypted archives, which kovgen never uses), and loading and relocating it cost
// more than a millisecond in every process that writes a DOCX; minizip needs only
// zlib.

#include <string>
#include <string_view>

#include <minizip/unzip.h>
#include <minizip/zip.h>

namespace kovgen {

// The minizip functions kovgen calls.
#define KOVGEN_ZIP_FUNCTIONS(X)                                                                         \
  X(zipOpen2) X(zipOpenNewFileInZip4) X(zipWriteInFileInZip) X(zipCloseFileInZip) X(zipClose)          \
  X(unzOpen2) X(unzClose) X(unzGetGlobalInfo) X(unzGoToFirstFile) X(unzGoToNextFile)                    \
  X(unzGetCurrentFileInfo) X(unzOpenCurrentFile) X(unzReadCurrentFile) X(unzCloseCurrentFile)

struct ZipLibrary {
#define KOVGEN_ZIP_MEMBER(name) decltype(&::name) name = nullptr;
  KOVGEN_ZIP_FUNCTIONS(KOVGEN_ZIP_MEMBER)
#undef KOVGEN_ZIP_MEMBER
};

// The loaded library (thread-safe, loaded once), or nullptr with `error` set to
// a message that says what to install.
const ZipLibrary* zip_library(std::string& error);

// An archive in memory, as minizip's file functions see it: the bytes being
// written (`written`), or the bytes being read (`readable`), and a position.
struct ZipMemory {
  std::string written;
  std::string_view readable;
  size_t position = 0;
  bool writing = false;
};

// File functions that make minizip read from and write to `memory` instead of a
// file; the path minizip is given is not used.
zlib_filefunc_def zip_memory_functions(ZipMemory& memory);

}  // namespace kovgen
