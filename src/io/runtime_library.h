#pragma once
// A shared library that kovgen opens when a format first needs it, not at start
// (zip_library.h, haru_library.h say why): the common part of their loaders.
#include <string>

namespace kovgen {

// The library's functions, resolved, or the reason they are not.
template <class Functions>
struct RuntimeLibrary {
  Functions functions;
  std::string error;
  bool ok = false;

  // The functions, or nullptr with `out_error` set to the reason.
  const Functions* get(std::string& out_error) const {
    if (ok) return &functions;
    out_error = error;
    return nullptr;
  }
};

// Opens the library by soname (only that one: another soname is another ABI), or
// returns nullptr with `error` saying what failed and which Debian package to install.
void* open_runtime_library(const char* soname, const char* name, const char* needed_for,
                           const char* debian_package, std::string& error);

// The address of symbol in handle, or nullptr with `error` naming what is missing.
void* find_runtime_symbol(void* handle, const char* library, const char* symbol, std::string& error);

// Sets `function` to symbol in handle, typed as declared; false (with `error`) if
// the library lacks it.
template <class Function>
bool resolve_runtime_function(void* handle, const char* library, const char* symbol, Function& function,
                              std::string& error) {
  function = reinterpret_cast<Function>(find_runtime_symbol(handle, library, symbol, error));
  return function != nullptr;
}

}  // namespace kovgen
