// The bad-input catalogue: tests/bad_input/cases.txt names one input file per
// case, how kovgen is run on it, the documented exit code and a fragment of the
// message, which starts with the location ("{input}:3:10: ..."). Every case must
// exit with that code, print that message, leave no output file behind (not even
// a temporary one) and trip no sanitizer.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "bad_input_cases.h"
#include "test_support.h"

using namespace kovgen::test;
namespace fs = std::filesystem;

namespace {

using Case = BadInputCase;

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
  return s;
}

// Every regular file below dir (outputs and leftover temporaries).
std::vector<std::string> files_below(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file()) out.push_back(it->path().string());
  return out;
}

void check_case(const Case& c, const std::string& group) {
  INFO("cases.txt:" << c.manifest_line << ": " << c.input << " (" << c.how << ")");
  const std::string dir = fresh_temp_dir("bad_input/" + group + "/" + std::to_string(c.manifest_line));
  BadInputRun run = run_bad_input_case(c, dir);
  if (run.skipped) return;
  const CommandResult& r = run.result;
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == c.exit_code);
  std::string fragment = c.fragment;
  for (size_t i = 0; i + 1 < run.placeholders.size(); i += 2)
    fragment = replace_all(fragment, run.placeholders[i], run.placeholders[i + 1]);
  // A location first: "{input}:3:10: ..." or at least "{input}: ...".
  CHECK_MESSAGE(c.fragment.rfind("{", 0) == 0, "the expected message must start with its location");
  CHECK_MESSAGE(r.err.find(fragment) != std::string::npos, "expected: " << fragment);
  // No partial output: no file in the output folder, no temporary file anywhere.
  for (const auto& f : files_below(run.out))
    CHECK_MESSAGE(std::find(run.allowed.begin(), run.allowed.end(), f) != run.allowed.end(), "left behind: " << f);
  CHECK(r.out.find_first_not_of("\n") == std::string::npos);
  for (const auto& f : files_below(dir)) CHECK_MESSAGE(f.find(".tmp-") == std::string::npos, f);
  // Exited by itself, with no sanitizer report.
  CHECK(r.err.find("Sanitizer") == std::string::npos);
  CHECK(r.err.find("runtime error") == std::string::npos);
  CHECK(r.err.find("terminate called") == std::string::npos);
}

void check_group_how(const std::string& how_list, const std::string& group) {
  int n = 0;
  for (const Case& c : read_bad_input_cases()) {
    std::istringstream hows(how_list);
    bool match = false;
    for (std::string h; hows >> h;) match = match || c.how == h;
    if (!match) continue;
    ++n;
    check_case(c, group);
  }
  CHECK(n > 0);
}

void check_group(const std::string& prefix_list, const std::string& group) {
  int n = 0;
  for (const Case& c : read_bad_input_cases()) {
    if (c.how == "check" || c.how == "interview") continue;  // their own group
    std::string name = c.input.rfind("gen:", 0) == 0 ? c.input.substr(4) : c.input;
    bool match = false;
    std::istringstream prefixes(prefix_list);
    for (std::string p; prefixes >> p;) match = match || name.rfind(p, 0) == 0;
    if (!match) continue;
    ++n;
    check_case(c, group);
  }
  CHECK(n > 0);
}

}  // namespace

TEST_CASE("bad input: the catalogue has at least 40 cases, each with its input file") {
  const auto cases = read_bad_input_cases();
  CHECK(cases.size() >= 40);
  for (const Case& c : cases) {
    INFO("cases.txt:" << c.manifest_line);
    if (c.input.rfind("gen:", 0) != 0) CHECK(file_exists(bad_input_dir() + "/" + c.input));
    CHECK((c.exit_code == 1 || c.exit_code == 2 || c.exit_code == 4));
  }
}

TEST_CASE("bad input: YAML syntax, structure and nesting") { check_group("yaml-", "yaml"); }
TEST_CASE("bad input: values of the wrong type or out of range") {
  check_group("type- number- date- time- schoolyear- boolean- text- list- value- key- section-", "values");
}
TEST_CASE("bad input: bytes (encoding, NUL, control characters) and input files") {
  check_group("bytes- input-", "bytes");
}
TEST_CASE("bad input: templates") { check_group("template", "templates"); }
TEST_CASE("bad input: Markdown and reference documents") { check_group("markdown- reference-", "markdown"); }
TEST_CASE("bad input: the questionnaire commands") { check_group_how("check interview", "questionnaire"); }
TEST_CASE("bad input: CSV school lists") { check_group("csv-", "csv"); }
TEST_CASE("bad input: outputs that cannot be written") { check_group("output-", "output"); }
