#include "line_reader.h"

#include <clocale>
#include <cstring>

#include <histedit.h>
#include <unistd.h>

namespace kovgen::cli {

namespace {

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
  EditLineReader() {
    // libedit decodes prompts and keys with the character type of the C locale,
    // which would show every umlaut as an octal escape: UTF-8 is what kovgen writes.
    const char* ctype = std::setlocale(LC_CTYPE, nullptr);
    if (!ctype || !std::strstr(ctype, "UTF-8")) std::setlocale(LC_CTYPE, "C.UTF-8");
    history_ = history_init();
    HistEvent event;
    history(history_, &event, H_SETSIZE, 500);
    history(history_, &event, H_SETUNIQUE, 1);
    editor_ = el_init("kovgen", stdin, stdout, stderr);
    el_set(editor_, EL_CLIENTDATA, this);
    el_set(editor_, EL_PROMPT, &EditLineReader::prompt_of);
    el_set(editor_, EL_EDITOR, "emacs");
    el_set(editor_, EL_HIST, history, history_);
    el_set(editor_, EL_SIGNAL, 1);  // Ctrl-C and a resized window restore the terminal first
    // Home, End and Delete as the common terminals send them, whatever terminfo says.
    for (const char* home : {"\\e[H", "\\eOH", "\\e[1~", "\\e[7~"})
      el_set(editor_, EL_BIND, home, "ed-move-to-beg", nullptr);
    for (const char* end : {"\\e[F", "\\eOF", "\\e[4~", "\\e[8~"}) el_set(editor_, EL_BIND, end, "ed-move-to-end", nullptr);
    el_set(editor_, EL_BIND, "\\e[3~", "ed-delete-next-char", nullptr);
  }

  ~EditLineReader() override {
    el_end(editor_);
    history_end(history_);
  }

  EditLineReader(const EditLineReader&) = delete;
  EditLineReader& operator=(const EditLineReader&) = delete;

  std::optional<std::string> read_line(std::string_view prompt, std::string_view edit) override {
    prompt_ = std::string(prompt);
    std::fflush(stdout);  // what the interview wrote before, above the prompt
    // Pushed input is read before the keyboard: the line starts with the old text,
    // the cursor at its end.
    if (!edit.empty()) el_push(editor_, std::string(edit).c_str());
    int count = 0;
    const char* typed = el_gets(editor_, &count);
    if (!typed || count <= 0) return std::nullopt;
    std::string line(typed, static_cast<size_t>(count));
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) {
      HistEvent event;
      history(history_, &event, H_ENTER, line.c_str());
    }
    return line;
  }

 private:
  static const char* prompt_of(EditLine* editor) {
    void* self = nullptr;
    el_get(editor, EL_CLIENTDATA, &self);
    return static_cast<EditLineReader*>(self)->prompt_.c_str();
  }

  History* history_ = nullptr;
  EditLine* editor_ = nullptr;
  std::string prompt_;
};

}  // namespace

std::unique_ptr<LineReader> plain_line_reader(std::FILE* in, std::FILE* out) {
  return std::make_unique<PlainLineReader>(in, out);
}

std::unique_ptr<LineReader> line_reader_for_stdio() {
  if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) return std::make_unique<EditLineReader>();
  return plain_line_reader(stdin, stdout);
}

}  // namespace kovgen::cli
