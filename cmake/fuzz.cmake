# libFuzzer targets (fuzz/*_fuzz.cc), built with -DKOVGEN_FUZZ=ON and clang.
#
# The core library gets libFuzzer's coverage instrumentation (fuzzer-no-link);
# with KOVGEN_SANITIZE=ON also ASan and UBSan. scripts/test.sh configures
# build-fuzz/ that way and builds only the target kovgen_fuzzers (the fuzzers and
# the core library, not the tests, which build-asan/ runs under the sanitizers
# with the default compiler). Every target is also a ctest test
# "fuzz_smoke.<target>" (label "fuzz") that replays its seeds and fuzzes for a
# few seconds; fuzz/run.sh does the long runs. See fuzz/README.md.

option(KOVGEN_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang)" OFF)
set(KOVGEN_FUZZ_SMOKE_SECONDS 3 CACHE STRING "Seconds each fuzz target runs in the ctest smoke test")

if(KOVGEN_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "KOVGEN_FUZZ=ON needs clang (-DCMAKE_CXX_COMPILER=clang++)")
  endif()
  target_compile_options(kovgen_core PRIVATE -fsanitize=fuzzer-no-link)

  add_custom_target(kovgen_fuzzers)
  file(GLOB KOVGEN_FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/*_fuzz.cc)
  foreach(source ${KOVGEN_FUZZ_SOURCES})
    get_filename_component(name "${source}" NAME_WE)
    add_executable(${name} "${source}")
    add_dependencies(kovgen_fuzzers ${name})
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_libraries(${name} PRIVATE kovgen_core)
    target_include_directories(${name} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
    string(REGEX REPLACE "_fuzz$" "" corpus "${name}")
    add_test(NAME fuzz_smoke.${corpus}
      COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run.sh --smoke ${corpus} ${KOVGEN_FUZZ_SMOKE_SECONDS}
      WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
    set_tests_properties(fuzz_smoke.${corpus} PROPERTIES
      LABELS fuzz
      ENVIRONMENT "KOVGEN_FUZZ_BUILD=${CMAKE_CURRENT_BINARY_DIR}")
  endforeach()
endif()
