#include "line_reader.h"

#include <clocale>
#include <cstring>

#include <histedit.h>
#include <unistd.h>

#include "runtime_library.h"

#ifndef KOVGEN_LIBEDIT_SONAME
#define KOVGEN_LIBEDIT_SONAME "libedit.so.2"
#endif

namespace kovgen::cli {

namespace {

// libedit is opened when an interview first reads from a terminal, not linked: with
// libtinfo, libbsd and libmd it would be loaded and relocated at every start of
// kovgen, for the one command that needs it.
#define KOVGEN_EDITLINE_FUNCTIONS(X) \
  X(el_init) X(el_end) X(el_set) X(el_get) X(el_gets) X(el_push) X(history_init) X(history_end) X(history)

struct EditLineLibrary {
#define KOVGEN_EDITLINE_MEMBER(name) decltype(&::name) name = nullptr;
  KOVGEN_EDITLINE_FUNCTIONS(KOVGEN_EDITLINE_MEMBER)
#undef KOVGEN_EDITLINE_MEMBER
};

const EditLineLibrary* editline_library() {
  static const RuntimeLibrary<EditLineLibrary> loaded = [] {
    RuntimeLibrary<EditLineLibrary> library;
    void* handle =
        open_runtime_library(KOVGEN_LIBEDIT_SONAME, "libedit", "line editing in the interview", "libedit2", library.error);
    if (!handle) return library;
#define KOVGEN_EDITLINE_RESOLVE(name) \
  if (!resolve_runtime_function(handle, "libedit", #name, library.functions.name, library.error)) return library;
    KOVGEN_EDITLINE_FUNCTIONS(KOVGEN_EDITLINE_RESOLVE)
#undef KOVGEN_EDITLINE_RESOLVE
    library.ok = true;
    return library;
  }();
  std::string error;  // without libedit, the interview reads plain lines
  return loaded.get(error);
}

class PlainLineReader : public LineReader {
 public:
  PlainLineReader(std::FILE* in, std::FILE* out) : in_(in), out_(out), echo_(isatty(fileno(in)) == 0) {}

  std::optional<std::string> read_line(std::string_view prompt, std::string_view) override {
    show(prompt);
    std::string line;
    int c;
    while ((c = std::fgetc(in_)) != EOF && c != '\n') line += static_cast<char>(c);
    if (c == EOF && line.empty()) return std::nullopt;
    if (echo_) show(line + "\n");
    return line;
  }

 private:
  void show(std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), out_);
    std::fflush(out_);
  }

  std::FILE* in_;
  std::FILE* out_;
  bool echo_;
};

// libedit in emacs mode. It is set up here alone: no ~/.editrc (el_source is never
// called), so the keys are the same for every user and in the tests, and no history
// file: the history holds this session's answers and ends with it.
class EditLineReader : public LineReader {
 public:
  explicit EditLineReader(const EditLineLibrary& el) : el_(el) {
    // libedit decodes prompts and keys with the character type of the C locale,
    // which would show every umlaut as an octal escape: UTF-8 is what kovgen writes.
    const char* ctype = std::setlocale(LC_CTYPE, nullptr);
    if (!ctype || !std::strstr(ctype, "UTF-8")) std::setlocale(LC_CTYPE, "C.UTF-8");
    history_ = el_.history_init();
    HistEvent event;
    el_.history(history_, &event, H_SETSIZE, 500);
    el_.history(history_, &event, H_SETUNIQUE, 1);
    editor_ = el_.el_init("kovgen", stdin, stdout, stderr);
    el_.el_set(editor_, EL_CLIENTDATA, this);
    el_.el_set(editor_, EL_PROMPT, &EditLineReader::prompt_of);
    el_.el_set(editor_, EL_EDITOR, "emacs");
    el_.el_set(editor_, EL_HIST, el_.history, history_);
    el_.el_set(editor_, EL_SIGNAL, 1);  // Ctrl-C and a resized window restore the terminal first
    // Home, End and Delete as the common terminals send them, whatever terminfo says.
    for (const char* home : {"\\e[H", "\\eOH", "\\e[1~", "\\e[7~"})
      el_.el_set(editor_, EL_BIND, home, "ed-move-to-beg", nullptr);
    for (const char* end : {"\\e[F", "\\eOF", "\\e[4~", "\\e[8~"})
      el_.el_set(editor_, EL_BIND, end, "ed-move-to-end", nullptr);
    el_.el_set(editor_, EL_BIND, "\\e[3~", "ed-delete-next-char", nullptr);
  }

  ~EditLineReader() override {
    el_.el_end(editor_);
    el_.history_end(history_);
  }

  EditLineReader(const EditLineReader&) = delete;
  EditLineReader& operator=(const EditLineReader&) = delete;

  std::optional<std::string> read_line(std::string_view prompt, std::string_view edit) override {
    prompt_ = std::string(prompt);
    std::fflush(stdout);  // what the interview wrote before, above the prompt
    // Pushed input is read before the keyboard: the line starts with the old text,
    // the cursor at its end.
    if (!edit.empty()) el_.el_push(editor_, std::string(edit).c_str());
    int count = 0;
    const char* typed = el_.el_gets(editor_, &count);
    if (!typed || count <= 0) return std::nullopt;
    std::string line(typed, static_cast<size_t>(count));
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) {
      HistEvent event;
      el_.history(history_, &event, H_ENTER, line.c_str());
    }
    return line;
  }

 private:
  static const char* prompt_of(EditLine* editor) {
    void* self = nullptr;
    editline_library()->el_get(editor, EL_CLIENTDATA, &self);
    return static_cast<EditLineReader*>(self)->prompt_.c_str();
  }

  const EditLineLibrary& el_;
  History* history_ = nullptr;
  EditLine* editor_ = nullptr;
  std::string prompt_;
};

}  // namespace

std::unique_ptr<LineReader> plain_line_reader(std::FILE* in, std::FILE* out) {
  return std::make_unique<PlainLineReader>(in, out);
}

std::unique_ptr<LineReader> line_reader_for_stdio() {
  if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
    if (const EditLineLibrary* el = editline_library()) return std::make_unique<EditLineReader>(*el);
  return plain_line_reader(stdin, stdout);
}

}  // namespace kovgen::cli
