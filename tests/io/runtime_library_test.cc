// Libraries opened at run time say what is missing and what to install.
#include <doctest/doctest.h>

#include "haru_library.h"
#include "runtime_library.h"
#include "zip_library.h"

using namespace kovgen;

TEST_CASE("a library that cannot be opened is named with the Debian package to install") {
  std::string error;
  CHECK(open_runtime_library("libkovgen-missing.so.9", "libmissing", "PDF", "libmissing9", error) == nullptr);
  CHECK(error.rfind("cannot load libmissing (", 0) == 0);
  CHECK(error.find("PDF needs the package that provides libkovgen-missing.so.9 (Debian 12: libmissing9)") !=
        std::string::npos);
}

TEST_CASE("a missing function is named") {
  std::string error;
  void* libc = open_runtime_library("libc.so.6", "libc", "nothing", "libc6", error);
  REQUIRE(libc != nullptr);
  CHECK(find_runtime_symbol(libc, "libc", "strlen", error) != nullptr);
  CHECK(find_runtime_symbol(libc, "libc", "kovgen_no_such_function", error) == nullptr);
  CHECK(error == "libc lacks kovgen_no_such_function");
}

TEST_CASE("libharu and minizip load with every function kovgen calls") {
  std::string error;
  const HaruLibrary* haru = haru_library(error);
  REQUIRE_MESSAGE(haru != nullptr, error);
  CHECK(bool(haru->New));
  CHECK(bool(haru->UseUTFEncodings));
  const ZipLibrary* zip = zip_library(error);
  REQUIRE_MESSAGE(zip != nullptr, error);
  CHECK(bool(zip->zipOpenNewFileInZip4));
  CHECK(bool(zip->unzReadCurrentFile));
}
