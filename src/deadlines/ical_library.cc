#include "ical_library.h"

#include "runtime_library.h"

#ifndef KOVGEN_LIBICAL_SONAME
#define KOVGEN_LIBICAL_SONAME "libical.so.3"
#endif

namespace kovgen::deadlines {

namespace {

RuntimeLibrary<IcalLibrary> load() {
  RuntimeLibrary<IcalLibrary> loaded;
  void* handle = open_runtime_library(KOVGEN_LIBICAL_SONAME, "libical", "kovgen fristen", "libical3", loaded.error);
  if (!handle) return loaded;
#define KOVGEN_ICAL_RESOLVE(name) \
  if (!resolve_runtime_function(handle, "libical", "ical" #name, loaded.functions.name, loaded.error)) return loaded;
  KOVGEN_ICAL_FUNCTIONS(KOVGEN_ICAL_RESOLVE)
#undef KOVGEN_ICAL_RESOLVE
  loaded.ok = true;
  return loaded;
}

}  // namespace

const IcalLibrary* ical_library(std::string& error) {
  static const RuntimeLibrary<IcalLibrary> loaded = load();
  return loaded.get(error);
}

}  // namespace kovgen::deadlines
