// kovgen serve: the questionnaire in the browser. The server is its own program,
// kovgen-serve, next to this one: its libraries (HTTP, TLS, SQLite, libsodium)
// would otherwise be loaded at every start of every other command.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <unistd.h>

#include "command.h"
#include "diagnostics.h"
#include "i18n.h"
#include "process_environment.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen serve [OPTIONS]\n\n"
    "Serves the questionnaire as web pages: people start drafts, fill in the\n"
    "questionnaire section by section, see the checklist, preview the agreement and\n"
    "download it as PDF, DOCX or Markdown, byte for byte as 'kovgen render' writes\n"
    "it. Every save is a new version; nothing is overwritten. The drafts are kept\n"
    "in DIR/kovgen.sqlite.\n\n"
    "Options:\n"
    "      --listen HOST:PORT   address to listen on (default: 127.0.0.1:8080, only\n"
    "                           this computer). Any other address needs user accounts\n"
    "      --data DIR           folder of the database (default: ./kovgen-daten)\n"
    "      --add-user NAME      add a user (or set a new password), read from standard\n"
    "                           input, then exit\n"
    "      --backup FILE        copy the database to FILE, also while a server runs,\n"
    "                           then exit. To restore, stop the server and copy FILE\n"
    "                           to DIR/kovgen.sqlite\n"
    "      --tls-cert FILE      serve HTTPS with this certificate (PEM) ...\n"
    "      --tls-key FILE       ... and this private key (PEM)\n\n"
    "SIGTERM or Ctrl-C stop the server after the requests under way are answered.\n\n");

int run(const std::vector<std::string>& args) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string server = (self.parent_path() / "kovgen-serve").string();
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(server.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  // main.cc took the global --vorlagen before the command; the server needs them too.
  static const std::string vorlagen = "--vorlagen";
  const std::vector<std::string> own = template_library_from_environment().own_templates_dirs;
  for (const auto& dir : own) {
    argv.push_back(const_cast<char*>(vorlagen.c_str()));
    argv.push_back(const_cast<char*>(dir.c_str()));
  }
  argv.push_back(nullptr);
  setenv("KOVGEN_LANG", chosen_language().c_str(), 1);
  std::fflush(nullptr);
  execv(server.c_str(), argv.data());
  std::fprintf(stderr, "kovgen serve: %s\n",
               fill(tr("cannot start {}: {}"), {server, std::strerror(errno)}).c_str());
  return kExitUsage;
}

CommandRegistration registration({"serve", N_("serve the questionnaire as web pages for the browser"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
