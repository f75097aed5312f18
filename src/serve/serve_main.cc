// kovgen-serve: the program behind "kovgen serve" (src/cli/cmd_serve.cc), the
// edge of the serve stage: arguments, environment, clock, signals and the data
// folder are read here and handed down.
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <termios.h>
#include <thread>
#include <unistd.h>

#include <sodium.h>

#include "app.h"
#include "batch_jobs.h"
#include "args.h"
#include "i18n.h"
#include "process_environment.h"
#include "server.h"
#include "store.h"

using namespace kovgen;
using namespace kovgen::serve;

namespace {

int fail(const std::string& message, int code) {
  std::fprintf(stderr, "kovgen serve: %s\n", message.c_str());
  return code;
}

// A password from standard input, without echo at a terminal.
std::string read_password(const char* prompt) {
  const bool tty = isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::fprintf(stderr, "%s", prompt);
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int add_user(Store& store, const std::string& name) {
  if (name.empty() || name.size() > 64 || name.find_first_of(" \t\r\n") != std::string::npos)
    return fail(tr("a user name is 1 to 64 characters without spaces"), kExitUsage);
  const std::string password = read_password(tr("Password: "));
  if (password.size() < 10) return fail(tr("the password needs at least 10 characters; no user was added"), kExitUsage);
  if (isatty(STDIN_FILENO) && read_password(tr("Password again: ")) != password)
    return fail(tr("the two passwords differ; no user was added"), kExitUsage);
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.c_str(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return fail(tr("not enough memory to hash the password; no user was added"), kExitOutputError);
  if (!store.add_user(name, hash)) return fail(tr("the user could not be stored"), kExitOutputError);
  std::fprintf(stderr, "%s\n", fill(tr("kovgen serve: user {} can log in now."), {quoted_value(name)}).c_str());
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  if (auto error = choose_language("")) return fail(*error, kExitUsage);
  if (sodium_init() < 0) return fail(tr("libsodium cannot be initialised"), kExitUsage);
  cli::Args args(std::vector<std::string>(argv + 1, argv + argc),
                 {{"--listen"}, {"--data"}, {"--add-user"}, {"--backup"}, {"--tls-cert"}, {"--tls-key"},
                  {"--vorlagen", "", true, true}});
  if (!args.error().empty()) return cli::usage_error("serve", args.error());
  if (!args.positionals().empty()) return cli::usage_error("serve", tr("takes no file names, only options"));
  if (args.has("--tls-cert") != args.has("--tls-key"))
    return cli::usage_error("serve", tr("--tls-cert and --tls-key go together"));

  ServerSettings settings;
  const std::string listen = args.get("--listen", "127.0.0.1:8080");
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == listen.size() ||
      listen.find_first_not_of("0123456789", colon + 1) != std::string::npos || listen.size() - colon > 6)
    return cli::usage_error("serve", fill(tr("--listen expects HOST:PORT, e.g. 127.0.0.1:8080, not {}"),
                                          {quoted_value(listen)}));
  settings.host = listen.substr(0, colon);
  if (settings.host.size() > 2 && settings.host.front() == '[' && settings.host.back() == ']')
    settings.host = settings.host.substr(1, settings.host.size() - 2);
  settings.port = std::stoi(listen.substr(colon + 1));
  if (settings.port > 65535) return cli::usage_error("serve", fill(tr("there is no port {}"), {listen.substr(colon + 1)}));
  settings.tls_cert = args.get("--tls-cert");
  settings.tls_key = args.get("--tls-key");
  // The admission gate's size: twice the hardware threads, enough to keep them
  // busy while a handler waits for the disk.
  settings.running_handlers =
      serve_handlers_from_environment().value_or(2 * std::max(1u, std::thread::hardware_concurrency()));

  const std::filesystem::path data = args.get("--data", "kovgen-daten");
  std::error_code ec;
  std::filesystem::create_directories(data, ec);
  if (ec) return fail(fill(tr("cannot create the data folder {}: {}"), {data.string(), ec.message()}), kExitOutputError);
  const std::string database = (data / "kovgen.sqlite").string();
  std::string error;
  auto store = Store::open(database, &error);
  if (!store) return fail(fill(tr("cannot open the database {}: {}"), {database, error}), kExitOutputError);

  if (args.has("--add-user")) return add_user(*store, args.get("--add-user"));
  if (args.has("--backup")) {
    if (!store->backup_to(args.get("--backup"), &error))
      return fail(fill(tr("cannot copy the database to {}: {}"), {args.get("--backup"), error}), kExitOutputError);
    std::fprintf(stderr, "%s\n",
                 fill(tr("kovgen serve: the database is copied to {}."), {args.get("--backup")}).c_str());
    return kExitOk;
  }

  const bool accounts = !is_loopback(settings.host);
  if (accounts && !store->has_users())
    return fail(fill(tr("listening on {} lets other computers in, which needs user accounts: add one with "
                        "'kovgen serve --add-user NAME' first"),
                     {settings.host}),
                kExitUsage);

  if (auto error = use_own_template_folders(args.all("--vorlagen"))) return cli::usage_error("serve", *error);
  Diagnostics diag;
  RenderSettings render = render_settings_from_environment(diag);
  if (diag.has_errors()) return fail(diag.to_string(), kExitUsage);
  TemplateCache templates(real_disk(), template_library_from_environment());
  AppConfig config;
  config.templates = &templates;
  config.compose = render.compose;
  config.writer = render.writer;
  config.require_login = accounts;
  config.secure_cookies = !settings.tls_cert.empty();
  config.now = [] { return static_cast<int64_t>(std::time(nullptr)); };
  // SIGTERM and SIGINT are taken by one thread that stops the server; every
  // other thread (the batch and HTTP workers start later) inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  BatchSettings batch;
  batch.templates = &templates;
  batch.out_root = (data / "stapel").string();
  batch.compose = render.compose;
  batch.writer = render.writer;
  batch.tool_fingerprint = tool_fingerprint();
  // Unfinished batches continue now, on their own thread.
  auto batches = BatchJobs::open(database, batch, &error);
  if (!batches) return fail(fill(tr("cannot open the database {}: {}"), {database, error}), kExitOutputError);
  config.batches = batches.get();
  App app(*store, config);

  HttpServer server(app, settings);
  if (!server.bind(&error)) return fail(error, kExitUsage);
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  stopper.detach();
  std::fprintf(stderr, "%s\n",
               fill(tr("kovgen serve: listening on {}://{}:{}/ (drafts in {})"),
                    {settings.tls_cert.empty() ? "http" : "https",
                     settings.host.find(':') != std::string::npos ? "[" + settings.host + "]" : settings.host,
                     std::to_string(server.port()), database})
                   .c_str());
  std::fflush(stderr);
  server.run();
  std::fprintf(stderr, "%s\n", tr("kovgen serve: stopped."));
  return kExitOk;
}
