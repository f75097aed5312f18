// README.md's examples work: every "kovgen" line of its ```sh blocks is run, in a
// fresh folder that holds the samples (and docs/, for the error example), one after
// the other as a reader would type them. Each must exit 0, or with the code in its
// comment ("(exit 3"), and print every line of a plain ``` block that follows its
// ```sh block (for the block's last command).
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "test_support.h"

using namespace kovgen::test;
namespace fs = std::filesystem;

namespace {

struct Example {
  int readme_line = 0;
  std::vector<std::string> args;  // after "kovgen"
  int exit_code = 0;
  std::vector<std::string> shown;  // output lines the README shows for it
};

std::vector<std::string> split_words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::vector<Example> readme_examples(const std::string& readme) {
  std::vector<Example> examples;
  std::istringstream in(readme);
  enum { prose, sh, shown, other } block = prose;
  bool sh_just_closed = false;
  int number = 0;
  const std::regex exit_comment(R"(\(exit (\d+))");
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      if (block == prose) {
        block = line == "```sh" ? sh : (line == "```" && sh_just_closed ? shown : other);
        sh_just_closed = false;
      } else {
        sh_just_closed = block == sh;
        block = prose;
      }
      continue;
    }
    if (block == prose && !line.empty()) sh_just_closed = false;
    if (block == shown && !examples.empty()) examples.back().shown.push_back(line);
    if (block != sh) continue;
    std::string command = line, comment;
    if (size_t hash = line.find(" #"); hash != std::string::npos) {
      command = line.substr(0, hash);
      comment = line.substr(hash + 2);
    }
    std::vector<std::string> words = split_words(command);
    if (words.empty() || (words[0] != "kovgen" && words[0] != "build/kovgen")) continue;
    Example e;
    e.readme_line = number;
    e.args.assign(words.begin() + 1, words.end());
    std::smatch m;
    if (std::regex_search(comment, m, exit_comment)) e.exit_code = std::stoi(m[1]);
    examples.push_back(e);
  }
  return examples;
}

}  // namespace

TEST_CASE("README: the examples are found, with their exit codes and shown output") {
  const std::vector<Example> examples = readme_examples(
      "text\n```sh\nscripts/demo.sh   # not kovgen\nbuild/kovgen check a.yaml   # table (exit 3: incomplete)\n"
      "kovgen render a.yaml\n```\nmore text\n```sh\nkovgen check b.yaml  # (exit 1)\n```\n```\nb.yaml:1:1: bad\n```\n"
      "```\nnot shown output\n```\n");
  REQUIRE(examples.size() == 3);
  CHECK(examples[0].readme_line == 4);
  CHECK(examples[0].args == std::vector<std::string>{"check", "a.yaml"});
  CHECK(examples[0].exit_code == 3);
  CHECK(examples[1].exit_code == 0);
  CHECK(examples[1].shown.empty());
  CHECK(examples[2].exit_code == 1);
  CHECK(examples[2].shown == std::vector<std::string>{"b.yaml:1:1: bad"});
}

TEST_CASE("README: every kovgen example runs as shown") {
  const std::vector<Example> examples = readme_examples(read_text(source_dir() + "/README.md"));
  REQUIRE(examples.size() >= 10);
  const std::string dir = fresh_temp_dir("readme-examples");
  fs::copy(source_dir() + "/samples", dir + "/samples", fs::copy_options::recursive);
  fs::copy(source_dir() + "/docs", dir + "/docs", fs::copy_options::recursive);
  for (const Example& e : examples) {
    std::string shown_command;
    for (const auto& a : e.args) shown_command += " " + a;
    CAPTURE(shown_command);
    INFO("README.md:" << e.readme_line);
    // The quotes and variables of a shell would need one; the examples need none.
    for (const auto& a : e.args) REQUIRE(a.find_first_of("'\"$`*?<>|;&") == std::string::npos);
    std::vector<std::string> argv = {"sh", "-c", "cd \"$0\" && exec \"$@\"", dir, KOVGEN_BINARY};
    argv.insert(argv.end(), e.args.begin(), e.args.end());
    // Empty standard input: the interview example ends at once, as at the end of a file.
    const CommandResult r = run_command(argv);
    INFO("stdout: " << r.out.substr(0, 2000));
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == e.exit_code);
    for (const std::string& line : e.shown)
      CHECK_MESSAGE((r.out + r.err).find(line) != std::string::npos, "the README shows: " << line);
  }
  // What the examples promise was written.
  for (const char* f : {"antworten.yaml", "antworten.md", "antworten.docx", "antworten.pdf", "fragebogen.pdf",
                        "out/ogs-vollstaendig.xml", "entwurf.md", "befund.json", "entwurf.docx", "entwurf.pdf",
                        "aenderungen.docx", "synopse.pdf", "fristen.ics", "antworten.json"}) {
    CAPTURE(f);
    CHECK(file_exists(dir + "/" + f));
  }
}
