# Every doctest binary is registered through kovgen_add_doctest_binary, so that
# ctest cannot silently skip a test case: each discovered entry must run exactly
# one case (doctest reports 'test cases: 0' and passes when a filter matches
# nothing), and one more entry checks that the cases ctest runs are exactly the
# cases the binaries list (doctest_discover_tests splits a name at ';').

set(KOVGEN_ONE_CASE_RAN_FAIL_REGEX "test cases: +([02-9]|[0-9][0-9]+) [|]")

# A test case in the doctest suite "slow" (TEST_CASE("…" * doctest::test_suite("slow")))
# also gets the ctest label slow: the cases that take more than about 5 s (real
# clients such as LibreOffice, big batches), which `ctest -LE slow` leaves out
# while iterating.
function(kovgen_add_doctest_binary target)
  cmake_parse_arguments(arg "" "" "LABELS" ${ARGN})
  doctest_discover_tests(${target} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    PROPERTIES FAIL_REGULAR_EXPRESSION "${KOVGEN_ONE_CASE_RAN_FAIL_REGEX}" LABELS ${arg_LABELS})
  set_property(GLOBAL APPEND PROPERTY KOVGEN_DOCTEST_BINARIES "$<TARGET_FILE:${target}>")
  # Written after each link, like doctest's own list, and read by ctest after it.
  # ctest files can only set a test's labels as a whole: the binary's and slow.
  set(labels "${CMAKE_CURRENT_BINARY_DIR}/${target}_slow_labels.cmake")
  string(REPLACE ";" "," binary_labels "${arg_LABELS}")
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -D BINARY=$<TARGET_FILE:${target}> -D SUITE=slow -D LABELS=${binary_labels}
            -D OUTPUT=${labels} -P ${CMAKE_SOURCE_DIR}/cmake/scripts/suite_labels.cmake
    VERBATIM)
  set(include "${CMAKE_CURRENT_BINARY_DIR}/${target}_slow_labels_include.cmake")
  file(WRITE "${include}" "if(EXISTS \"${labels}\")\n  include(\"${labels}\")\nendif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${include}")
endfunction()

# Call once, after the last kovgen_add_doctest_binary.
function(kovgen_add_test_discovery_guard)
  get_property(binaries GLOBAL PROPERTY KOVGEN_DOCTEST_BINARIES)
  string(REPLACE ";" "|" binaries "${binaries}")
  set(name "test discovery: ctest runs every doctest case of every binary exactly once")
  add_test(NAME "${name}"
    COMMAND ${CMAKE_COMMAND} -D BUILD_DIR=${CMAKE_BINARY_DIR} -D "BINARIES=${binaries}"
            -P ${CMAKE_SOURCE_DIR}/cmake/scripts/check_test_discovery.cmake)
  # It reads every ctest entry with CMake's JSON functions: seconds.
  set_tests_properties("${name}" PROPERTIES LABELS slow)
endfunction()
