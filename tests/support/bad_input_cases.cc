#include "bad_input_cases.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

namespace kovgen::test {

namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(' ');
  const size_t e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
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

}  // namespace

std::string bad_input_dir() { return source_dir() + "/tests/bad_input"; }

std::vector<BadInputCase> read_bad_input_cases() {
  std::vector<BadInputCase> cases;
  std::istringstream in(read_text(bad_input_dir() + "/cases.txt"));
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

BadInputRun run_bad_input_case(const BadInputCase& c, const std::string& dir,
                               const std::vector<std::string>& extra_args) {
  BadInputRun run;
  const std::string input = c.input.rfind("gen:", 0) == 0 ? generated_input(c.input.substr(4), dir)
                                                          : bad_input_dir() + "/" + c.input;
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
    std::vector<std::string> command{"unshare", "-Urm", "sh", "-c", script, "sh", run.out, KOVGEN_BINARY,
                                     "render", input, "--out", run.out};
    command.insert(command.end(), extra_args.begin(), extra_args.end());
    run.result = run_command(command, "", {"OUTDIR=" + run.out});
    return run;
  } else {
    FAIL("cases.txt:" << c.manifest_line << ": unknown way to run \"" << c.how << "\"");
  }
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  run.result = run_kovgen(args, "", env);
  return run;
}

}  // namespace kovgen::test
