#pragma once
// The terminal interview as a pure state machine: it reads answers line by line
// from an InterviewIO and writes prompts to it, validates each answer with the
// rules render uses (parse_scalar), and after every answer hands the updated
// answers file text to a save callback. Tests drive it with scripted input.
//
// Inputs at any prompt: "?" help, "-" skip, "<" back one question, "x" clear the
// answer, "q" save and quit; an empty line keeps the current answer. The end of
// input saves and quits. Answers the file holds but render would reject are asked
// first, with their old text and the reason.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answers.h"
#include "diagnostics.h"
#include "questionnaire.h"
#include "yaml_dom.h"

namespace kovgen {

class InterviewIO {
 public:
  virtual ~InterviewIO() = default;
  // Shows prompt and returns the next input line without its line break; nullopt
  // at the end of input. A line editor offers edit as the line's starting text,
  // for the person to correct (an invalid old answer); plain input ignores it.
  virtual std::optional<std::string> read_line(std::string_view prompt, std::string_view edit) = 0;
  virtual void write(std::string_view text) = 0;
};

struct InterviewOptions {
  bool all = false;            // ask every question, not only the unanswered ones
  bool only_required = false;  // ask only required questions (--nur-pflicht)
};

// An answer in the file that render rejects: the interview asks it first.
struct InvalidAnswer {
  std::string full_key;
  std::string old_text;            // the scalar as written; "" for a list or a table
  std::vector<Diagnostic> errors;  // what render reports about it
  std::optional<Value> kept;       // of a list or table: the items or entries without errors
};

struct AnswersToFix {
  Answers answers;                     // the valid answers, as read_answers keeps them
  std::vector<InvalidAnswer> invalid;  // in questionnaire order
};

// Reads the answers as read_answers does (diag gets every problem), and keeps for
// each rejected answer its old text and its own errors. A problem found in diag
// but in no InvalidAnswer (an unknown key, a section that is no mapping) is one
// the interview cannot ask away.
AnswersToFix read_answers_to_fix(const YamlNode& root, const Template& t, const std::string& file,
                                 Diagnostics& diag);

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
// its parsed answers; the invalid answers are asked first.
InterviewOutcome run_interview(const Template& t, std::string yaml_text, Answers answers,
                               InterviewIO& io, const SaveAnswers& save,
                               const InterviewOptions& options,
                               const std::vector<InvalidAnswer>& invalid = {});

}  // namespace kovgen
