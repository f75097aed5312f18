#include "haru_library.h"

#include <cstdio>
#include <cstdlib>

#include "i18n.h"
#include "runtime_library.h"

#ifndef KOVGEN_LIBHPDF_SONAME
#define KOVGEN_LIBHPDF_SONAME "libhpdf-2.3.0.so"
#endif

namespace kovgen {

namespace {

RuntimeLibrary<HaruLibrary> load() {
  RuntimeLibrary<HaruLibrary> loaded;
  void* handle = open_runtime_library(KOVGEN_LIBHPDF_SONAME, "libharu", "PDF", "libhpdf-2.3.0", loaded.error);
  if (!handle) return loaded;
#define KOVGEN_HARU_RESOLVE(name) \
  if (!resolve_runtime_function(handle, "libharu", "HPDF_" #name, loaded.functions.name, loaded.error)) return loaded;
  KOVGEN_HARU_FUNCTIONS(KOVGEN_HARU_RESOLVE)
#undef KOVGEN_HARU_RESOLVE
  loaded.ok = true;
  return loaded;
}

const RuntimeLibrary<HaruLibrary>& loaded_library() {
  static const RuntimeLibrary<HaruLibrary> loaded = load();
  return loaded;
}

}  // namespace

const HaruLibrary* haru_library(std::string& error) { return loaded_library().get(error); }

const HaruLibrary& haru() {
  const auto& loaded = loaded_library();
  if (!loaded.ok) {
    // Only a caller outside a working HaruDoc gets here: a bug, and a clear stop
    // is better than a call through a null pointer.
    std::fprintf(stderr, "%s\n",
                 fill(tr("kovgen: internal error: libharu used without being loaded: {}"), {loaded.error}).c_str());
    std::abort();
  }
  return loaded.functions;
}

}  // namespace kovgen
