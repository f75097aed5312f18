#include "zip_library.h"

#include <dlfcn.h>

#ifndef KOVGEN_LIBZIP_SONAME
#define KOVGEN_LIBZIP_SONAME "libzip.so.4"
#endif

namespace kovgen {

namespace {

struct Loaded {
  ZipLibrary library;
  std::string error;
  bool ok = false;
};

Loaded load() {
  Loaded loaded;
  // Only the library the headers were built against: another soname is another ABI.
  void* handle = dlopen(KOVGEN_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    loaded.error = std::string("cannot load libzip (") + dlerror() +
                   "); DOCX needs the package that provides " KOVGEN_LIBZIP_SONAME " (Debian 12: libzip4)";
    return loaded;
  }
#define KOVGEN_ZIP_RESOLVE(name)                                                            \
  loaded.library.name = reinterpret_cast<decltype(&::zip_##name)>(dlsym(handle, "zip_" #name)); \
  if (!loaded.library.name) {                                                               \
    loaded.error = "libzip lacks zip_" #name;                                               \
    return loaded;                                                                          \
  }
  KOVGEN_ZIP_FUNCTIONS(KOVGEN_ZIP_RESOLVE)
#undef KOVGEN_ZIP_RESOLVE
  loaded.ok = true;  // the handle stays open for the life of the process
  return loaded;
}

}  // namespace

const ZipLibrary* zip_library(std::string& error) {
  static const Loaded loaded = load();
  if (!loaded.ok) {
    error = loaded.error;
    return nullptr;
  }
  return &loaded.library;
}

}  // namespace kovgen
