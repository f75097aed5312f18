// cmake --install: the installed tree finds its templates, fragments and fonts
// next to its executable, also after the whole prefix was moved.
#include <doctest/doctest.h>

#include <filesystem>

#include "install_support.h"
#include "test_support.h"

using namespace kovgen::test;
namespace fs = std::filesystem;

namespace {

// The installed kovgen, without the variables that would point it elsewhere.
CommandResult run_installed(const std::string& prefix, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"env", "-u", "KOVGEN_TEMPLATES", "-u", "KOVGEN_FONT_DIR", prefix + "/bin/kovgen"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv);
}

// Installs the build into DIR/prefix and moves it to DIR/moved; returns the moved prefix.
std::string install_and_move(const std::string& dir) {
  CommandResult installed = run_command({KOVGEN_CMAKE, "--install", KOVGEN_BUILD_DIR, "--prefix", dir + "/prefix"});
  INFO(installed.out << installed.err);
  REQUIRE(installed.exit_code == 0);
  fs::rename(dir + "/prefix", dir + "/moved");
  return dir + "/moved";
}

}  // namespace

TEST_CASE("install: a moved prefix renders a sample to PDF from its own data") {
  const std::string dir = fresh_temp_dir("install");
  CommandResult installed = run_command({KOVGEN_CMAKE, "--install", KOVGEN_BUILD_DIR, "--prefix", dir + "/prefix"});
  const std::string log = installed.out + installed.err;
  INFO(log);
  REQUIRE(installed.exit_code == 0);
  for (const char* file : {"bin/kovgen", "share/kovgen/templates/ogs/template.yaml", "share/kovgen/templates/reference.docx",
                           "share/kovgen/fragments/unterschriften.md.mustache", "share/kovgen/fonts/serif-regular.ttf",
                           "share/kovgen/samples/ogs/ogs-vollstaendig.yaml", "share/doc/kovgen/README.md",
                           "share/doc/kovgen/docs/architecture.md", "share/locale/de/LC_MESSAGES/kovgen.mo",
                           "share/man/man1/kovgen.1", "share/bash-completion/completions/kovgen",
                           "share/doc/kovgen/LICENSE", "share/doc/kovgen/licenses.md", "share/doc/kovgen/copyright"})
    CHECK_MESSAGE(file_exists(dir + "/prefix/" + file), file);

  const std::string prefix = dir + "/moved";
  fs::rename(dir + "/prefix", prefix);
  CHECK(run_installed(prefix, {"templates"}).out.find("schulsozialarbeit") != std::string::npos);
  // The moved kovgen still speaks German: its catalog lies next to it.
  CHECK(run_installed(prefix, {"rendr"}).err.find("Meinten Sie") != std::string::npos);
  const std::string sample = prefix + "/share/kovgen/samples/ogs/ogs-vollstaendig.yaml";
  CommandResult r = run_installed(prefix, {"render", sample, "-o", dir + "/installed.pdf"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(run_kovgen({"render", sample, "-o", dir + "/built.pdf"}).exit_code == 0);
  CHECK(read_text(dir + "/installed.pdf") == read_text(dir + "/built.pdf"));

  // The fonts are the prefix's own, not the build folder's: with another font in
  // the prefix, the document changes.
  const std::string fonts = prefix + "/share/kovgen/fonts/";
  write_text(fonts + "serif-regular.ttf", read_text(fonts + "mono.ttf"));
  REQUIRE(run_installed(prefix, {"render", sample, "-o", dir + "/other-font.pdf"}).exit_code == 0);
  CHECK(read_text(dir + "/other-font.pdf") != read_text(dir + "/built.pdf"));
}

TEST_CASE("install: a moved prefix drafts, renders and prints questionnaires with nothing of the build around it") {
  const std::string dir = fresh_temp_dir("install-bare");
  const std::string prefix = install_and_move(dir);
  fs::create_directories(dir + "/work");
  check_installed_kovgen_works(prefix + "/bin/kovgen", prefix + "/share", dir + "/work");
  // The German catalog and the man page come along.
  CHECK(run_bare(prefix + "/bin/kovgen", {"rendr"}, dir + "/work").err.find("Meinten Sie") != std::string::npos);
  CommandResult man = run_command({"man", "-l", prefix + "/share/man/man1/kovgen.1"}, "", {"MANPAGER=cat", "MANWIDTH=100"});
  CHECK(man.exit_code == 0);
  CHECK(man.out.find("kovgen render") != std::string::npos);
}
