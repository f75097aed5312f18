#pragma once
// The single-document pipeline shared by render, check, interview and batch:
// answers text -> typed answers (with their template) -> findings -> Markdown.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "answers.h"
#include "checklist.h"
#include "compose.h"
#include "template_library.h"

namespace kovgen {

// Loads each template once, through `disk`; safe to share between threads. Each
// template loads under its own lock: a thread that asks for one that is loading
// waits for it, while other templates load and cached ones are handed out.
class TemplateCache {
 public:
  TemplateCache(Disk& disk, TemplateLibrary lib) : disk_(disk), lib_(std::move(lib)) {}
  std::shared_ptr<const LoadedTemplate> get(const std::string& id, Diagnostics& diag);
  const TemplateLibrary& library() const { return lib_; }
  // The disk the templates come from; answers files are read from it too.
  Disk& disk() const { return disk_; }

 private:
  struct Slot {
    std::mutex loading;
    std::shared_ptr<const LoadedTemplate> loaded;  // set once, under `loading`
  };
  Disk& disk_;
  TemplateLibrary lib_;
  std::mutex mutex_;  // guards slots_ only, never held while loading
  std::map<std::string, std::shared_ptr<Slot>> slots_;
};

struct LoadedAnswers {
  std::shared_ptr<const LoadedTemplate> tmpl;
  Answers answers;
};

// Parses answers (YAML or JSON text). The template is template_override if given,
// else the file's "vorlage". Reports every problem; nullopt if there was any error.
std::optional<LoadedAnswers> load_answers(const std::string& text, const std::string& file,
                                          const std::string& template_override,
                                          TemplateCache& cache, Diagnostics& diag);

// Reads the answers file from the cache's disk, then load_answers.
std::optional<LoadedAnswers> load_answers_file(const std::string& path,
                                               const std::string& template_override,
                                               TemplateCache& cache, Diagnostics& diag);

struct Draft {
  std::string markdown;
  Findings findings;
};

Draft make_draft(const LoadedTemplate& t, const Answers& answers, const ComposeOptions& options);

}  // namespace kovgen
