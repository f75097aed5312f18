#include "zip_library.h"

#include <dlfcn.h>

namespace kovgen {

namespace {

struct Loaded {
  ZipLibrary library;
  std::string error;
  bool ok = false;
};

Loaded load() {
  Loaded loaded;
  void* handle = nullptr;
  // The soname of Debian 12's libzip4 first; the development link as a fallback.
  for (const char* name : {"libzip.so.4", "libzip.so.5", "libzip.so"}) {
    handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (handle) break;
  }
  if (!handle) {
    loaded.error = std::string("cannot load libzip (") + dlerror() +
                   "); DOCX needs the Debian package libzip4";
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
