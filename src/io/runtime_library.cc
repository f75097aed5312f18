#include "runtime_library.h"

#include <dlfcn.h>

#include "i18n.h"

namespace kovgen {

void* open_runtime_library(const char* soname, const char* name, const char* needed_for,
                           const char* debian_package, std::string& error) {
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    error = fill(tr("cannot load {} ({}); {} needs the package that provides {} (Debian 12: {})"),
                 {name, dlerror(), needed_for, soname, debian_package});
  return handle;  // stays open for the life of the process
}

void* find_runtime_symbol(void* handle, const char* library, const char* symbol, std::string& error) {
  void* address = dlsym(handle, symbol);
  if (!address) error = fill(tr("{} lacks {}"), {library, symbol});
  return address;
}

}  // namespace kovgen
