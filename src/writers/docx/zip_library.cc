#include "zip_library.h"

#include "runtime_library.h"

#ifndef KOVGEN_LIBZIP_SONAME
#define KOVGEN_LIBZIP_SONAME "libzip.so.4"
#endif

namespace kovgen {

namespace {

RuntimeLibrary<ZipLibrary> load() {
  RuntimeLibrary<ZipLibrary> loaded;
  void* handle = open_runtime_library(KOVGEN_LIBZIP_SONAME, "libzip", "DOCX", "libzip4", loaded.error);
  if (!handle) return loaded;
#define KOVGEN_ZIP_RESOLVE(name) \
  if (!resolve_runtime_function(handle, "libzip", "zip_" #name, loaded.functions.name, loaded.error)) return loaded;
  KOVGEN_ZIP_FUNCTIONS(KOVGEN_ZIP_RESOLVE)
#undef KOVGEN_ZIP_RESOLVE
  loaded.ok = true;
  return loaded;
}

}  // namespace

const ZipLibrary* zip_library(std::string& error) {
  static const RuntimeLibrary<ZipLibrary> loaded = load();
  return loaded.get(error);
}

}  // namespace kovgen
