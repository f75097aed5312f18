#pragma once
// Helpers for tests that run the kovgen binary or real clients (pandoc, qpdf, ...).
#include <string>
#include <vector>

#include "disk.h"
#include "template_library.h"

namespace kovgen::test {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs argv (no shell) with optional stdin text and extra environment ("K=V").
CommandResult run_command(const std::vector<std::string>& argv, const std::string& stdin_text = "",
                          const std::vector<std::string>& env = {});

// Runs the built kovgen binary with the given arguments.
CommandResult run_kovgen(const std::vector<std::string>& args, const std::string& stdin_text = "",
                         const std::vector<std::string>& env = {});

// A fresh, empty directory under the build tree for one test.
std::string fresh_temp_dir(const std::string& name);

std::string read_text(const std::string& path);
void write_text(const std::string& path, const std::string& text);
bool file_exists(const std::string& path);

// The source tree (tests run with it as working directory).
std::string source_dir();

// The real file system, for tests that read the source tree's templates.
Disk& real_disk();

// The shipped templates and fragments of the source tree.
TemplateLibrary source_template_library();

// Whether a program is on PATH (integration tests need real clients).
bool have_program(const std::string& name);

// How often `needle` stands in `haystack`, overlapping occurrences included.
inline size_t count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace kovgen::test
