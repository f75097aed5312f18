// The bad-input catalogue: tests/bad_input/cases.txt names one input file per
// case, how kovgen is run on it, the documented exit code and a fragment of the
// message, which starts with the location ("{input}:3:10: ..."). Every case must
// exit with that code, print that message, leave no output file behind (not even
// a temporary one) and trip no sanitizer.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "test_support.h"

using namespace kovgen::test;
namespace fs = std::filesystem;

namespace {

const std::string kCases = source_dir() + "/tests/bad_input";

struct Case {
  int manifest_line = 0;
  std::string input;     // file name in tests/bad_input, or "gen:NAME" made by the test
  std::string how;       // see cases.txt
  int exit_code = 0;
  std::string fragment;  // with {input}, {body}, {template}, {out} placeholders
};

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(' ');
  const size_t e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<Case> read_cases() {
  std::vector<Case> cases;
  std::istringstream in(read_text(kCases + "/cases.txt"));
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::vector<std::string> cols;
    size_t start = 0;
    for (int i = 0; i < 3; ++i) {
      const size_t bar = line.find(" | ", start);
      REQUIRE_MESSAGE(bar != std::string::npos, "cases.txt:" << n << ": expected 4 columns");
      cols.push_back(trim(line.substr(start, bar - start)));
      start = bar + 3;
    }
    cols.push_back(trim(line.substr(start)));
    cases.push_back({n, cols[0], cols[1], std::stoi(cols[2]), cols[3]});
  }
  return cases;
}

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

// Inputs too large or too odd to commit.
std::string generated_input(const std::string& name, const std::string& dir) {
  const std::string path = dir + "/" + name;
  if (name == "value-10mb-field.yaml") {
    write_text(path, "vorlage: ogs\nmeta:\n  titel: \"" + std::string(10 * 1024 * 1024, 'x') + "\"\n");
  } else if (name == "input-too-large.yaml") {
    // Sparse: 65 MiB that take no disk space.
    write_text(path, "vorlage: ogs\n");
    fs::resize_file(path, 65 * 1024 * 1024);
  } else if (name == "input-is-folder.yaml") {
    fs::create_directories(path);
  } else if (name == "input-missing.yaml") {
    // Nothing: the file does not exist.
  } else {
    FAIL("unknown generated input " << name);
  }
  return path;
}

bool can_unshare_mount() {
  static const bool ok = have_program("unshare") &&
                         run_command({"unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=16k none /mnt"})
                                 .exit_code == 0;
  return ok;
}

// Copies the mini test template into dir/templates/mini and its fragments into
// dir/fragments; returns the KOVGEN_TEMPLATES value.
std::string mini_library(const std::string& dir) {
  fs::create_directories(dir + "/templates/mini");
  fs::copy(source_dir() + "/tests/data/templates/mini", dir + "/templates/mini", fs::copy_options::recursive);
  fs::copy(source_dir() + "/tests/data/fragments", dir + "/fragments", fs::copy_options::recursive);
  return dir + "/templates";
}

struct Run {
  CommandResult result;
  std::vector<std::string> placeholders;  // {name}, value pairs
  std::string out;                         // must hold no file afterwards,
  std::vector<std::string> allowed;        // except these
  bool skipped = false;
};

Run run_case(const Case& c, const std::string& dir) {
  Run run;
  const std::string input =
      c.input.rfind("gen:", 0) == 0 ? generated_input(c.input.substr(4), dir) : kCases + "/" + c.input;
  run.out = dir + "/out";
  std::vector<std::string> env;
  std::vector<std::string> args;
  run.placeholders = {"{input}", input, "{out}", run.out};
  

  if (c.how == "render") {
    args = {"render", input, "--out", run.out};
  } else if (c.how == "template-body" || c.how == "template-yaml") {
    const std::string templates = mini_library(dir);
    const std::string body = templates + "/mini/vereinbarung.md.mustache";
    const std::string yaml = templates + "/mini/template.yaml";
    fs::copy_file(input, c.how == "template-body" ? body : yaml, fs::copy_options::overwrite_existing);
    env = {"KOVGEN_TEMPLATES=" + templates};
    args = {"render", source_dir() + "/tests/data/mini-complete.yaml", "--out", run.out};
    run.placeholders.insert(run.placeholders.end(), {"{body}", body, "{template}", yaml});
  } else if (c.how == "convert-docx" || c.how == "convert-pdf") {
    args = {"convert", input, "-o", run.out + "/entwurf." + c.how.substr(8)};
  } else if (c.how == "convert-reference") {
    args = {"convert", source_dir() + "/tests/data/docx/constructs.md", "-o", run.out + "/entwurf.docx",
            "--reference-docx", input};
  } else if (c.how == "check" || c.how == "interview") {
    // The questionnaire commands read the same answers; interview gets no input.
    args = {c.how, input};
  } else if (c.how == "batch") {
    args = {"batch", "--base", source_dir() + "/samples/batch/basis.yaml", "--schools", input, "--out", run.out,
            "--format", "md", "--jobs", "1"};
    run.allowed = {run.out + "/summary.csv", run.out + "/summary.md"};
  } else if (c.how == "out-is-file") {
    // The output folder's parent is a file: the folder cannot be created.
    write_text(dir + "/blocker", "a file, not a folder\n");
    run.out = dir + "/blocker/out";
    run.placeholders = {"{input}", input, "{out}", run.out};
    args = {"render", input, "--out", run.out};
  } else if (c.how == "out-missing-folder") {
    args = {"render", input, "-o", run.out + "/fehlt/entwurf.md"};
  } else if (c.how == "out-read-only" || c.how == "out-full") {
    // A read-only or a 16 KiB tmpfs, mounted in a private mount namespace (works
    // for root and, with user namespaces, for anyone). The listing of the folder
    // after the run goes to standard output: it must be empty.
    if (!can_unshare_mount()) {
      MESSAGE("skipped " << c.input << " (" << c.how << "): cannot mount a tmpfs here (unshare -Urm failed)");
      run.skipped = true;
      return run;
    }
    fs::create_directories(run.out);
    const std::string options = c.how == "out-full" ? "size=16k" : "ro,size=1m";
    const std::string script = "mount -t tmpfs -o " + options + " none \"$1\" || exit 99; shift; \"$@\"; rc=$?; "
                               "ls -A \"$OUTDIR\"; exit $rc";
    run.result = run_command({"unshare", "-Urm", "sh", "-c", script, "sh", run.out, KOVGEN_BINARY, "render", input,
                              "--out", run.out},
                             "", {"OUTDIR=" + run.out});
    return run;
  } else {
    FAIL("cases.txt:" << c.manifest_line << ": unknown way to run \"" << c.how << "\"");
  }
  run.result = run_kovgen(args, "", env);
  return run;
}

void check_case(const Case& c, const std::string& group) {
  INFO("cases.txt:" << c.manifest_line << ": " << c.input << " (" << c.how << ")");
  const std::string dir = fresh_temp_dir("bad_input/" + group + "/" + std::to_string(c.manifest_line));
  Run run = run_case(c, dir);
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
  for (const Case& c : read_cases()) {
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
  for (const Case& c : read_cases()) {
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
  const auto cases = read_cases();
  CHECK(cases.size() >= 40);
  for (const Case& c : cases) {
    INFO("cases.txt:" << c.manifest_line);
    if (c.input.rfind("gen:", 0) != 0) CHECK(file_exists(kCases + "/" + c.input));
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
