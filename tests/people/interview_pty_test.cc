// kovgen interview at a terminal: line editing (libedit) driven through a
// pseudo-terminal, key by key, as a person types.
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <thread>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mini_template.h"
#include "pipeline.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

// Keys as an xterm sends them.
const std::string kLeft = "\x1b[D", kRight = "\x1b[C", kUp = "\x1b[A", kHome = "\x1b[H", kEnd = "\x1b[F",
                  kDelete = "\x1b[3~", kBackspace = "\x7f", kCtrlA = "\x01", kCtrlE = "\x05", kCtrlK = "\x0b",
                  kEnter = "\r";

std::string times(int n, const std::string& key) {
  std::string keys;
  for (int i = 0; i < n; ++i) keys += key;
  return keys;
}

// One program on a pseudo-terminal of fixed size (TERM=xterm). Keys are sent only
// after the prompt they answer has appeared: the line editor switches the terminal
// to raw mode just before it shows its prompt, and keys typed earlier would be
// echoed once by the terminal and once more by the editor. Whatever fails, the
// destructor kills the child.
class PtySession {
 public:
  PtySession(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
    winsize size{};
    size.ws_row = 24;
    size.ws_col = 80;
    pid_ = forkpty(&master_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      // The C locale, as under ctest: kovgen must still edit UTF-8 characters.
      for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG", "KOVGEN_LANG"}) unsetenv(name);
      setenv("TERM", "xterm", 1);
      for (const auto& kv : env) putenv(strdup(kv.c_str()));
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(strdup(a.c_str()));
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
  }

  ~PtySession() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }

  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  bool started() const { return pid_ > 0; }

  // Reads until text appears after the previous match; false after timeout_ms or
  // when the program closed the terminal first.
  bool wait_for(const std::string& text, int timeout_ms = 10000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      if (const size_t at = out_.find(text, seen_); at != std::string::npos) {
        seen_ = at + text.size();
        return true;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0 || !read_some(static_cast<int>(left.count()))) return false;
    }
  }

  void send(const std::string& keys) {
    // A person never types in the instant the prompt appears. libedit changes the
    // terminal's mode around its prompt, and a key that arrives in that instant
    // (seen under load: a Ctrl-D) can be lost; so the keys come a moment later.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    for (size_t off = 0; off < keys.size();) {
      const ssize_t n = write(master_, keys.data() + off, keys.size() - off);
      if (n <= 0) return;
      off += static_cast<size_t>(n);
    }
  }

  // Reads until the program closes the terminal and returns its exit code; -1
  // (after killing it) when it has not ended within timeout_ms.
  int finish(int timeout_ms = 10000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return -1;
      if (!read_some(static_cast<int>(left.count()))) break;
    }
    int status = 0;
    pid_t ended = 0;
    // The terminal is closed: the program ends at once, or is killed by the destructor.
    for (int i = 0; i < 200 && (ended = waitpid(pid_, &status, WNOHANG)) == 0; ++i) usleep(10000);
    if (ended != pid_) return -1;
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  const std::string& output() const { return out_; }

 private:
  // One read of what the program wrote; false on timeout or at the end.
  bool read_some(int timeout_ms) {
    pollfd p{master_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char buf[4096];
    const ssize_t n = read(master_, buf, sizeof buf);
    if (n <= 0) return false;  // EIO once the program has exited and closed the terminal
    out_.append(buf, static_cast<size_t>(n));
    return true;
  }

  pid_t pid_ = -1;
  int master_ = -1;
  bool exited_ = false;
  std::string out_;
  size_t seen_ = 0;
};

std::string answer(const std::string& path, const std::string& key) {
  TemplateCache cache(test::real_disk(), mini_library());
  Diagnostics diag;
  auto loaded = load_answers_file(path, "", cache, diag);
  INFO(diag.to_string());
  REQUIRE(loaded.has_value());
  const Value* v = loaded->answers.find(key);
  return v ? v->display() : "<none>";
}

}  // namespace

TEST_CASE("in a terminal, answers are edited with arrow keys, Home, End and backspace, and Up recalls an answer") {
  const std::string path = fresh_temp_dir("interview-pty-edit") + "/answers.yaml";
  PtySession s({KOVGEN_BINARY, "interview", "-t", "mini", path}, kMiniEnv);
  REQUIRE(s.started());
  INFO(s.output());

  REQUIRE(s.wait_for("Titel der Vereinbarung"));
  REQUIRE(s.wait_for("Antwort: "));
  // "Vereinbarung 202X", backspace, "6"; Home, "OGS-"; End, " NRW".
  s.send("Vereinbarung 202X" + kBackspace + "6" + kHome + "OGS-" + kEnd + " NRW" + kEnter);

  REQUIRE(s.wait_for("Stand"));
  REQUIRE(s.wait_for("Antwort: "));
  // Up brings back the title; as a date it is invalid, and the line editor offers
  // it again for correction: Ctrl-A and Ctrl-K empty the line.
  s.send(kUp + kEnter);
  REQUIRE(s.wait_for("Ungültige Eingabe"));
  REQUIRE(s.wait_for("Antwort: "));
  s.send(kCtrlA + kCtrlK + "01.08.2026" + kEnter);

  REQUIRE(s.wait_for("Name des Schulträgers"));
  REQUIRE(s.wait_for("Antwort: "));
  // "Stadt Musterhusen", four times left (before "usen"), "a": Musterhausen.
  s.send("Stadt Musterhusen" + times(4, kLeft) + "a" + kEnter);

  REQUIRE(s.wait_for("Art des Trägers"));
  REQUIRE(s.wait_for("Antwort: "));
  // "3", Ctrl-A, "2" (before the 3), Ctrl-E, backspace (the 3): choice 2.
  s.send("3" + kCtrlA + "2" + kCtrlE + kBackspace + kEnter);
  REQUIRE(s.wait_for("Jugendamt ist Vertragspartei"));
  REQUIRE(s.wait_for("Antwort: "));
  s.send("q" + kEnter);
  REQUIRE(s.wait_for("Gespeichert."));
  CHECK(s.finish() == 0);

  CHECK(answer(path, "meta.titel") == "OGS-Vereinbarung 2026 NRW");
  CHECK(answer(path, "meta.stand") == "1. August 2026");
  CHECK(answer(path, "vertragspartner.schultraeger_name") == "Stadt Musterhausen");
  CHECK(answer(path, "vertragspartner.traeger_art") == "Caritas/katholisch");
  // The control characters of the keys never reach a value.
  CHECK(read_text(path).find('\x1b') == std::string::npos);
}

TEST_CASE("in a terminal, an invalid old answer stands in the line and is corrected with the arrow keys") {
  const std::string path = fresh_temp_dir("interview-pty-invalid") + "/answers.yaml";
  write_text(path, "vorlage: mini\nmeta:\n  titel: T\nfinanzierung:\n  eigenanteil_je_platz: \"12,500.00 €\"\n");
  PtySession s({KOVGEN_BINARY, "interview", path}, kMiniEnv);
  REQUIRE(s.started());
  INFO(s.output());

  REQUIRE(s.wait_for("Kommunaler Eigenanteil je Platz"));
  REQUIRE(s.wait_for("Bisher: \u201E12,500.00 €\u201C \u2013 ungültig: "));
  REQUIRE(s.wait_for("Antwort: "));
  // "12,500.00 €" -> "12.500,00 €": Home, two right, Delete the ",", type "."; three
  // right, Delete the ".", type ",". The cursor moves by characters, € included.
  s.send(kHome + times(2, kRight) + kDelete + "." + times(3, kRight) + kDelete + "," + kEnter);
  // Then the open questions, from the first.
  REQUIRE(s.wait_for("Weiter mit den übrigen Fragen."));
  REQUIRE(s.wait_for("Stand"));
  REQUIRE(s.wait_for("Antwort: "));
  s.send("q" + kEnter);
  CHECK(s.finish() == 0);

  CHECK(answer(path, "finanzierung.eigenanteil_je_platz") == "12.500,00\u00A0€");
  CHECK(answer(path, "meta.titel") == "T");
}

TEST_CASE("in a terminal, Ctrl-D on an empty line saves and ends the interview") {
  const std::string path = fresh_temp_dir("interview-pty-eof") + "/answers.yaml";
  PtySession s({KOVGEN_BINARY, "interview", "-t", "mini", path}, kMiniEnv);
  REQUIRE(s.started());
  INFO(s.output());
  REQUIRE(s.wait_for("Antwort: "));
  s.send("Titel im Terminal" + kEnter);
  REQUIRE(s.wait_for("Stand"));
  REQUIRE(s.wait_for("Antwort: "));
  s.send("\x04");
  REQUIRE(s.wait_for("Eingabe beendet"));
  CHECK(s.finish() == 0);
  CHECK(answer(path, "meta.titel") == "Titel im Terminal");
}
