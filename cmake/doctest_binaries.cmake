# Every doctest binary is registered through kovgen_add_doctest_binary, so that
# ctest cannot silently skip a test case: each discovered entry must run exactly
# one case (doctest reports 'test cases: 0' and passes when a filter matches
# nothing), and one more entry checks that the cases ctest runs are exactly the
# cases the binaries list (doctest_discover_tests splits a name at ';').

set(KOVGEN_ONE_CASE_RAN_FAIL_REGEX "test cases: +([02-9]|[0-9][0-9]+) [|]")

function(kovgen_add_doctest_binary target)
  doctest_discover_tests(${target} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    PROPERTIES FAIL_REGULAR_EXPRESSION "${KOVGEN_ONE_CASE_RAN_FAIL_REGEX}" ${ARGN})
  set_property(GLOBAL APPEND PROPERTY KOVGEN_DOCTEST_BINARIES "$<TARGET_FILE:${target}>")
endfunction()

# Call once, after the last kovgen_add_doctest_binary.
function(kovgen_add_test_discovery_guard)
  get_property(binaries GLOBAL PROPERTY KOVGEN_DOCTEST_BINARIES)
  string(REPLACE ";" "|" binaries "${binaries}")
  add_test(NAME "test discovery: ctest runs every doctest case of every binary exactly once"
    COMMAND ${CMAKE_COMMAND} -D BUILD_DIR=${CMAKE_BINARY_DIR} -D "BINARIES=${binaries}"
            -P ${CMAKE_SOURCE_DIR}/cmake/scripts/check_test_discovery.cmake)
endfunction()
