# cmake -D BINARY=… -D SUITE=… -D LABELS=a,b -D OUTPUT=… -P suite_labels.cmake
# Writes a ctest include file that gives every test case of the doctest suite
# SUITE in BINARY the labels LABELS (the binary's) and SUITE. Run after each link,
# as doctest_discover_tests lists the cases.
cmake_minimum_required(VERSION 3.25)
include(${CMAKE_CURRENT_LIST_DIR}/doctest_cases.cmake)
kovgen_doctest_cases(${BINARY} cases --test-suite=${SUITE})
string(REPLACE "," ";" labels "${LABELS};${SUITE}")
set(script "")
foreach(name IN LISTS cases)
  string(APPEND script "set_tests_properties([==[${name}]==] PROPERTIES LABELS \"${labels}\")\n")
endforeach()
file(WRITE "${OUTPUT}" "${script}")
