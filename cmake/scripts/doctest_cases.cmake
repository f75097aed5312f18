# The test cases a doctest binary lists, one list item each; extra arguments
# filter them (--test-suite=slow). A ';' in a name is kept as <semicolon>, so
# that CMake's lists cannot split it the way doctest_discover_tests does.
function(kovgen_doctest_cases binary out)
  execute_process(COMMAND ${binary} --list-test-cases ${ARGN} OUTPUT_VARIABLE listing RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${binary} --list-test-cases failed: ${result}")
  endif()
  string(REPLACE ";" "<semicolon>" listing "${listing}")
  string(REPLACE "\n" ";" lines "${listing}")
  set(cases "")
  foreach(line IN LISTS lines)
    if(line STREQUAL "" OR line MATCHES "^\\[doctest\\] " OR line MATCHES "^=+$")
      continue()
    endif()
    list(APPEND cases "${line}")
  endforeach()
  set(${out} "${cases}" PARENT_SCOPE)
endfunction()
