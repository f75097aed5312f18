#pragma once
// The bad-input catalogue (tests/bad_input/cases.txt): reading its cases and
// running kovgen on one, shared by the test of its messages and exit codes
// (tests/cli/bad_input_test.cc) and the test of their language
// (tests/cli/german_output_test.cc).
#include <string>
#include <vector>

#include "test_support.h"

namespace kovgen::test {

struct BadInputCase {
  int manifest_line = 0;
  std::string input;     // file name in tests/bad_input, or "gen:NAME" made by the test
  std::string how;       // see cases.txt
  int exit_code = 0;
  std::string fragment;  // with {input}, {body}, {template}, {out} placeholders
};

// tests/bad_input in the source tree.
std::string bad_input_dir();

std::vector<BadInputCase> read_bad_input_cases();

struct BadInputRun {
  CommandResult result;
  std::vector<std::string> placeholders;  // {name}, value pairs
  std::string out;                         // must hold no file afterwards,
  std::vector<std::string> allowed;        // except these
  bool skipped = false;                    // the machine cannot run this case
};

// Runs kovgen on one case in the empty folder dir; extra_args go after the
// command's own (e.g. "--lang", "en").
BadInputRun run_bad_input_case(const BadInputCase& c, const std::string& dir,
                               const std::vector<std::string>& extra_args = {});

}  // namespace kovgen::test
