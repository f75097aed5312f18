// What a packager and an administrator get: own template folders (--vorlagen),
// --version, the man page, bash completion, and the Debian package with its
// service (cmake/package.cmake, packaging/).
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "install_support.h"
#include "test_support.h"

using namespace kovgen::test;
namespace fs = std::filesystem;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The command names of the English overview ("kovgen --help").
std::vector<std::string> command_names() {
  std::vector<std::string> names;
  std::istringstream lines(run_kovgen({"--lang", "en", "--help"}).out);
  static const std::regex entry("  ([a-z][a-z-]*) +\\S.*");
  std::smatch m;
  for (std::string line; std::getline(lines, line);)
    if (std::regex_match(line, m, entry)) names.push_back(m[1]);
  return names;
}

// A folder of own templates: "mini" (the test template, with the partial it needs
// in its own folder) and an "ogs" that replaces the shipped one's title.
std::string own_templates(const std::string& dir) {
  const std::string own = dir + "/eigene";
  fs::create_directories(own);
  fs::copy(source_dir() + "/tests/data/templates/mini", own + "/mini", fs::copy_options::recursive);
  fs::copy(source_dir() + "/tests/data/fragments/schluss.md.mustache", own + "/mini/schluss.md.mustache");
  fs::copy(source_dir() + "/templates/ogs", own + "/ogs", fs::copy_options::recursive);
  std::string yaml = read_text(own + "/ogs/template.yaml");
  yaml = std::regex_replace(yaml, std::regex("\ntitle: [^\n]*"), "\ntitle: Unsere eigene OGS-Vereinbarung", 
                            std::regex_constants::format_first_only);
  write_text(own + "/ogs/template.yaml", yaml);
  return own;
}

}  // namespace

TEST_CASE("vorlagen: an own template folder adds its templates to the shipped ones") {
  const std::string dir = fresh_temp_dir("vorlagen-add");
  const std::string own = own_templates(dir);
  CHECK_FALSE(has(run_kovgen({"templates"}).out, "mini"));
  const CommandResult listed = run_kovgen({"--vorlagen", own, "templates"});
  INFO(listed.err);
  CHECK(listed.exit_code == 0);
  for (const char* id : {"mini ", "ogs ", "schulsozialarbeit "}) CHECK_MESSAGE(has(listed.out, id), id);
  // The option may stand anywhere, also after the command, and as --vorlagen=DIR.
  const std::string answers = source_dir() + "/tests/data/mini-complete.yaml";
  const CommandResult rendered = run_kovgen({"render", answers, "--vorlagen=" + own, "-o", dir + "/mini.md"});
  INFO(rendered.err);
  CHECK(rendered.exit_code == 0);
  CHECK(has(read_text(dir + "/mini.md"), "Stadt Musterhausen"));
  CHECK(run_kovgen({"check", answers, "--vorlagen", own}).exit_code != 1);
  CHECK(run_kovgen({"check", answers}).exit_code == 1);  // without it, "mini" is unknown
  const CommandResult questions = run_kovgen({"questions", "--vorlagen", own, "-t", "mini"});
  CHECK(questions.exit_code == 0);
  CHECK(has(questions.out, "Name des Schulträgers"));
}

TEST_CASE("vorlagen: kovgen serve offers the own templates too") {
  if (!have_program("curl")) return;
  const std::string dir = fresh_temp_dir("vorlagen-serve");
  const std::string own = own_templates(dir);
  // The server names its address on stderr once it listens on a free port.
  const std::string script =
      "\"$0\" --vorlagen \"$1\" serve --listen 127.0.0.1:0 --data \"$2/daten\" 2>\"$2/log\" & pid=$!; "
      "url=; for i in $(seq 100); do url=$(grep -o 'http://127.0.0.1:[0-9]*/' \"$2/log\"); [ -n \"$url\" ] && break; "
      "sleep 0.1; done; curl -s \"$url\"; kill $pid; wait $pid";
  const CommandResult r = run_command({"sh", "-c", script, KOVGEN_BINARY, own, dir});
  CHECK(has(r.out, "Unsere eigene OGS-Vereinbarung"));
  CHECK(has(r.out, "mini"));
}

TEST_CASE("vorlagen: an own template replaces the shipped one of the same id") {
  const std::string dir = fresh_temp_dir("vorlagen-replace");
  const std::string own = own_templates(dir);
  const CommandResult listed = run_kovgen({"--vorlagen", own, "templates"});
  CHECK(has(listed.out, "Unsere eigene OGS-Vereinbarung"));
  CHECK_FALSE(has(run_kovgen({"templates"}).out, "Unsere eigene OGS-Vereinbarung"));
  // The shipped ones are still there for everything else.
  CHECK(has(listed.out, "schulsozialarbeit"));
}

TEST_CASE("vorlagen: a folder that is not there, or no folder, is a usage error") {
  const CommandResult missing = run_kovgen({"--vorlagen", "/nirgends/vorlagen", "templates"});
  CHECK(missing.exit_code == 2);
  CHECK(has(missing.err, "„/nirgends/vorlagen“"));
  CHECK(has(missing.err, "Diesen Ordner gibt es nicht"));
  CHECK(missing.out.empty());
  const CommandResult no_value = run_kovgen({"templates", "--vorlagen"});
  CHECK(no_value.exit_code == 2);
  CHECK(has(no_value.err, "--vorlagen braucht"));
}

TEST_CASE("version: names the version, the source commit and the libraries") {
  const CommandResult r = run_kovgen({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind(std::string("kovgen ") + KOVGEN_VERSION + "\n", 0) == 0);
  // The commit this build was configured from: HEAD, or one before it when a commit
  // was made since the last build (the next build configures again).
  if (run_command({"git", "-C", source_dir(), "rev-parse", "HEAD"}).exit_code == 0) {
    std::smatch commit;
    REQUIRE(std::regex_search(r.out, commit, std::regex("\nQuelltext-Commit: ([0-9a-f]{12})\n")));
    const CommandResult ancestor =
        run_command({"git", "-C", source_dir(), "merge-base", "--is-ancestor", commit[1].str(), "HEAD"});
    CHECK_MESSAGE(ancestor.exit_code == 0, commit[1].str() << " is no commit of this checkout's history");
  } else {
    MESSAGE("no git checkout: the commit is not compared");
    CHECK(has(r.out, "\nQuelltext-Commit: "));
  }
  for (const char* library : {"cmark-gfm 0.", "libyaml 0.", "pugixml 1.", "utf8proc 2.", "xxHash 0.", "zlib 1.",
                              "minizip (libminizip.so.1", "libharu 2.3.0", "libical 3.", "libedit"})
    CHECK_MESSAGE(has(r.out, library), library);
  CHECK(has(run_kovgen({"--lang", "en", "--version"}).out, "source commit: "));
}

TEST_CASE("start-up: kovgen links no library that only one format or command needs") {
  // Each would be loaded and relocated at every start: libical alone brings ICU
  // and the shared libstdc++, which cost more than rendering a whole agreement.
  const CommandResult elf = run_command({"readelf", "--dynamic", std::string(KOVGEN_BUILD_DIR) + "/kovgen"});
  REQUIRE(elf.exit_code == 0);
  REQUIRE(has(elf.out, "(NEEDED)"));
  for (const char* library : {"libical", "libicu", "libzip", "libminizip", "libhpdf", "libedit", "libcrypto", "libsqlite"})
    CHECK_MESSAGE(!has(elf.out, library), library);
}

TEST_CASE("man page: written from the help texts, it names every command that --help lists") {
  const std::string page = std::string(KOVGEN_BUILD_DIR) + "/man/kovgen.1";
  REQUIRE(file_exists(page));
  const CommandResult man = run_command({"man", "-l", page}, "", {"MANPAGER=cat", "MANWIDTH=120", "LANG=C.UTF-8"});
  INFO(man.err);
  REQUIRE(man.exit_code == 0);
  const std::vector<std::string> commands = command_names();
  CHECK(commands.size() >= 8);
  for (const std::string& command : commands) {
    CHECK_MESSAGE(has(man.out, "kovgen " + command + "\n"), command);  // its own section
    // And the overview's line, as --help says it (a long name stands on a line of its own).
    CHECK_MESSAGE(std::regex_search(man.out, std::regex("\n +" + command + "( +|\n +)\\S")), command);
  }
  // Each command's options, in German, as "kovgen COMMAND --help" says them.
  CHECK(has(man.out, "--reference-docx"));
  CHECK(has(man.out, "BEFEHLE IM EINZELNEN"));
  CHECK(has(man.out, "KOVGEN_TEMPLATES"));
}

TEST_CASE("completion: commands, options, template names and files by their ending") {
  if (!file_exists("/usr/share/bash-completion/bash_completion")) {
    MESSAGE("bash-completion is not installed: completion not tried");
    return;
  }
  const std::string dir = fresh_temp_dir("completion");
  for (const char* file : {"a.yaml", "b.json", "c.md", "d.pdf"}) write_text(dir + "/" + file, "");
  fs::create_directories(dir + "/ordner");
  // Completes the line as bash would at its end and prints the candidates.
  auto complete = [&](const std::string& line) {
    const std::string script =
        "source /usr/share/bash-completion/bash_completion\n"
        "source '" + source_dir() + "/packaging/kovgen.bash-completion'\n"
        "cd '" + dir + "'\n"
        "PATH=\"$2:$PATH\"\n"
        "COMP_LINE=\"$1\"; COMP_POINT=${#COMP_LINE}\n"
        "read -ra COMP_WORDS <<<\"$COMP_LINE\"\n"
        "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
        "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
        "_kovgen\n"
        "printf '%s\\n' \"${COMPREPLY[@]}\" | sort\n";
    CommandResult r = run_command({"bash", "-c", script, "bash", line, KOVGEN_BUILD_DIR});
    INFO(r.err);
    return r.out;
  };
  CHECK(complete("kovgen ren") == "render\n");
  const std::string commands = complete("kovgen ");
  for (const std::string& command : command_names()) CHECK_MESSAGE(has(commands, command + "\n"), command);
  CHECK(has(complete("kovgen render --ref"), "--reference-docx\n"));
  CHECK(has(complete("kovgen render --"), "--strict\n"));
  CHECK(has(complete("kovgen --"), "--vorlagen\n"));
  CHECK(complete("kovgen questions -t s") == "schulsozialarbeit\n");
  CHECK(complete("kovgen render ") == "a.yaml\nb.json\nordner\n");
  CHECK(complete("kovgen convert ") == "c.md\nordner\n");
  CHECK(complete("kovgen --vorlagen ") == "ordner\n");
}

namespace {

// systemd-analyze verify accepts the unit text. It needs the ExecStart binary at
// its path, so the unit is checked with /usr/bin/kovgen and /etc/kovgen/ pointing
// at `kovgen` and `etc_kovgen`; --man=no, as man would look on this machine.
void verify_unit(const std::string& unit, const std::string& kovgen, const std::string& etc_kovgen,
                 const std::string& dir) {
  if (!have_program("systemd-analyze")) {
    MESSAGE("systemd-analyze is not installed: the unit was not verified");
    return;
  }
  std::string local = std::regex_replace(unit, std::regex("/usr/bin/kovgen"), kovgen);
  local = std::regex_replace(local, std::regex("/etc/kovgen/"), etc_kovgen);
  write_text(dir + "/kovgen.service", local);
  const CommandResult verify = run_command({"systemd-analyze", "--man=no", "verify", dir + "/kovgen.service"});
  CHECK(verify.exit_code == 0);
  CHECK_MESSAGE(verify.err.empty(), verify.err);  // a line it ignores is only a warning
}

// The one .deb that cpack wrote into dir.
std::string built_deb(const std::string& dir) {
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".deb") return entry.path().string();
  return "";
}

}  // namespace

TEST_CASE("service: systemd-analyze verify accepts the unit, and it listens on loopback by default") {
  const std::string dir = fresh_temp_dir("service");
  const std::string unit = read_text(source_dir() + "/packaging/kovgen.service");
  verify_unit(unit, KOVGEN_BINARY, source_dir() + "/packaging/", dir);
  // A unit systemd would only half read is caught too.
  if (have_program("systemd-analyze")) {
    const CommandResult broken = run_command(
        {"sh", "-c", "sed 's/^ProtectSystem=strict/ProtectSystem=streng/' \"$0\" > \"$1\" && "
                     "systemd-analyze --man=no verify \"$1\"",
         dir + "/kovgen.service", dir + "/broken.service"});
    CHECK_FALSE(broken.err.empty());
  }
  CHECK(has(unit, "ExecStart=/usr/bin/kovgen serve --listen ${KOVGEN_LISTEN} --data /var/lib/kovgen"));
  CHECK(has(read_text(source_dir() + "/packaging/serve.conf"), "\nKOVGEN_LISTEN=127.0.0.1:8080\n"));
  CHECK(read_text(source_dir() + "/packaging/conffiles") == "/etc/kovgen/serve.conf\n");
}

TEST_CASE("package: the .deb runs from its files, says its Depends, and lintian finds no error" *
          doctest::test_suite("slow")) {
#if defined(__SANITIZE_ADDRESS__)
  MESSAGE("a sanitizer build: the package is built and checked by the normal build's tests");
  return;
#endif
  for (const char* tool : {"cpack", "dpkg-deb", "dpkg-shlibdeps", "lintian"}) {
    if (!have_program(tool)) {
      MESSAGE(tool << " is not installed: no package built");
      return;
    }
  }
  const std::string dir = fresh_temp_dir("deb");
  // scripts/package.sh, as a packager runs it, in a build folder that stays
  // between runs (it compiles kovgen again, against the shared libraries).
  const CommandResult packaged = run_command(
      {source_dir() + "/scripts/package.sh", std::string(KOVGEN_BUILD_DIR) + "/package-build", dir + "/out"});
  INFO(packaged.out << packaged.err);
  REQUIRE(packaged.exit_code == 0);  // lintian found no error
  CHECK_FALSE(std::regex_search(packaged.out, std::regex("(^|\n)E: ")));
  const std::string deb = built_deb(dir + "/out");
  REQUIRE(!deb.empty());
  CHECK(fs::path(deb).filename().string() == std::string("kovgen_") + KOVGEN_VERSION + "_amd64.deb");

  // Depends: what dpkg-shlibdeps found, and the libraries kovgen loads itself.
  const CommandResult info = run_command({"dpkg-deb", "-I", deb});
  std::smatch depends;
  REQUIRE(std::regex_search(info.out, depends, std::regex(" Depends: ([^\n]*)")));
  for (const char* package : {"libc6", "libhpdf-2.3.0", "libminizip1", "libical3", "libedit2", "libyaml-0-2", "zlib1g"})
    CHECK_MESSAGE(has(depends[1].str(), package), package << " in " << depends[1].str());
  CHECK(has(run_command({"dpkg-deb", "-f", deb, "Architecture"}).out, "amd64"));

  // The service and its settings file, which dpkg keeps when the admin changed it.
  const CommandResult contents = run_command({"dpkg-deb", "-c", deb});
  for (const char* file : {"./lib/systemd/system/kovgen.service", "./etc/kovgen/serve.conf", "./usr/bin/kovgen",
                           "./usr/share/man/man1/kovgen.1.gz", "./usr/share/doc/kovgen/copyright",
                           "./usr/share/doc/kovgen/changelog.gz", "./usr/share/bash-completion/completions/kovgen"})
    CHECK_MESSAGE(has(contents.out, std::string(file) + "\n"), file);
  REQUIRE(run_command({"dpkg-deb", "-e", deb, dir + "/control"}).exit_code == 0);
  CHECK(read_text(dir + "/control/conffiles") == "/etc/kovgen/serve.conf\n");

  // Unpacked, it runs as the installed package would: data from ../share/kovgen.
  const std::string root = dir + "/root";
  REQUIRE(run_command({"dpkg-deb", "-x", deb, root}).exit_code == 0);
  fs::create_directories(dir + "/work");
  check_installed_kovgen_works(root + "/usr/bin/kovgen", root + "/usr/share", dir + "/work");
  const CommandResult man = run_command({"man", "-l", root + "/usr/share/man/man1/kovgen.1.gz"}, "", {"MANPAGER=cat", "LANG=C.UTF-8"});
  CHECK(has(man.out, "kovgen render"));

  // The service as installed: loopback by default, the hardening in place, and
  // systemd accepts it.
  const std::string unit = read_text(root + "/lib/systemd/system/kovgen.service");
  CHECK(has(read_text(root + "/etc/kovgen/serve.conf"), "\nKOVGEN_LISTEN=127.0.0.1:8080\n"));
  for (const char* line : {"ProtectSystem=strict", "StateDirectory=kovgen", "DynamicUser=yes", "NoNewPrivileges=yes",
                           "--data /var/lib/kovgen", "WantedBy=multi-user.target"})
    CHECK_MESSAGE(has(unit, line), line);
  verify_unit(unit, root + "/usr/bin/kovgen", root + "/etc/kovgen/", dir);
}
