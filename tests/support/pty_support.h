#pragma once
// Running a program in a pseudo-terminal, as a person at a terminal would.
#include <string>
#include <vector>

#include "test_support.h"

namespace kovgen::test {

// Runs argv (no shell) with its standard streams on a new pseudo-terminal of the
// given width, types input into it (use "\x04" for Ctrl-D) and returns everything
// the terminal showed (in out) and the exit code. Gives up after 30 seconds.
CommandResult run_in_pty(const std::vector<std::string>& argv, const std::string& input,
                         const std::vector<std::string>& env = {}, int columns = 80);

}  // namespace kovgen::test
