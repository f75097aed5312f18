#pragma once
// The terminal interview as a pure state machine: it reads answers line by line
// from an InterviewIO and writes German prompts to it, validates each answer with
// the rules render uses (parse_scalar), and after every answer hands the updated
// answers file text to a save callback. Tests drive it with scripted input.
//
// Inputs at any prompt: "?" help, "-" skip, "<" back one question, "x" clear the
// answer, "q" save and quit; an empty line keeps the current answer. The end of
// input saves and quits.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "answers.h"
#include "questionnaire.h"

namespace kovgen {

class InterviewIO {
 public:
  virtual ~InterviewIO() = default;
  // The next input line without its line break; nullopt at the end of input.
  virtual std::optional<std::string> read_line() = 0;
  virtual void write(std::string_view text) = 0;
};

struct InterviewOptions {
  bool all = false;  // ask every question, not only the unanswered ones
};

// Stores the whole answers text (atomically); false after telling the user why.
using SaveAnswers = std::function<bool(const std::string& yaml_text)>;

struct InterviewOutcome {
  enum class End { finished, quit, input_closed, save_failed };
  End end = End::finished;
  int answered = 0;       // answers given and saved in this run
  std::string yaml_text;  // the answers text as last saved
  Answers answers;        // the answers as they are now
};

// Runs the interview over t's questions, starting from the answers file text and
// its parsed answers.
InterviewOutcome run_interview(const Template& t, std::string yaml_text, Answers answers,
                               InterviewIO& io, const SaveAnswers& save,
                               const InterviewOptions& options);

}  // namespace kovgen
