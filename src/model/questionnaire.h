#pragma once
// A template's questionnaire: the single source of truth for every question
// (label, help, type, checklist section). Prompts, validation, init skeletons,
// the checklist and error messages all come from it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "condition.h"
#include "diagnostics.h"

namespace kovgen {

enum class QuestionType {
  text, longtext, integer, decimal, money, percent, date, time, schoolyear,
  boolean, choice, list, records  // records stays last: kQuestionTypeCount
};
constexpr size_t kQuestionTypeCount = static_cast<size_t>(QuestionType::records) + 1;

// "money" etc.; nullopt for an unknown name.
std::optional<QuestionType> question_type_from_name(const std::string& name);
const char* question_type_name(QuestionType t);
// The type as a person reads it (translated), e.g. "amount in euros" (German "Betrag in Euro").
const char* question_type_label(QuestionType t);

struct Question {
  std::string key;        // local key, e.g. "eigenanteil_je_platz"
  std::string full_key;   // "finanzierung.eigenanteil_je_platz" (records fields: "sec.rec.field")
  std::string label;      // German label
  // A noun phrase for lists of what is missing, where a label written as a
  // question or sentence („Es werden Elternbeiträge erhoben“) reads wrong:
  // „Erhebung von Elternbeiträgen“. Optional; the label serves without it.
  std::string noun_label;
  // What the draft shows while the answer is missing, inside „[offen: …]“: what is
  // needed and where it usually comes from. Optional; the label serves without it.
  std::string placeholder;
  std::string help;
  QuestionType type = QuestionType::text;
  bool required = false;
  std::string example;    // shown in init/interview, never used as an answer
  std::vector<std::string> choices;  // type choice
  std::optional<double> min, max;    // numeric bounds
  std::optional<Condition> when;
  std::vector<Question> fields;      // type records
  Location where;                    // in template.yaml
};

struct Section {
  std::string id;        // checklist id, e.g. "finanzierung"
  std::string title;     // German title
  int step = 0;          // seed step 1..6
  bool mandatory = false;
  std::string intro;
  std::vector<Question> questions;
  Location where;
};

// An Anlage the template drafts itself (docs/annexes.md): its number in the
// agreement's list of Anlagen, its German title and its Mustache body.
struct AnnexDeclaration {
  int number = 0;
  std::string title;
  std::string body;  // partial name: templates/<id>/<body>.md.mustache
  Location where;
};

// A check across answers (template.yaml "rules", docs/template-format.md): when every
// condition of `when` holds, `check` must hold too; otherwise the answer `check` names
// is refused with `message`. Rules carry what a guideline demands of several answers
// together, which a single question's bounds cannot.
struct AnswerRule {
  std::vector<Condition> when;
  Condition check;
  std::string message;  // German, as the template writes it
  Location where;
};

struct Template {
  std::string id;
  std::string title;
  std::string description;
  std::vector<std::string> parties;
  // Whether its shared clauses speak of "Kinder und Jugendliche" or of children only
  // (template.yaml "zielgruppe"; the built-in kovgen.jugendliche).
  bool addresses_youths = false;
  std::string directory;  // templates/<id>
  std::string body_file;  // full path of the Mustache body
  std::vector<Section> sections;
  std::vector<AnswerRule> rules;
  // The Anlagen the template drafts, in order of number; empty when it declares
  // none ("anlagen: []" states that it has none).
  std::vector<AnnexDeclaration> annexes;
  // The Beschlussvorlage's Mustache body (full path); empty when the template has none.
  std::string council_paper_file;

  const Section* find_section(const std::string& id) const;
  // "section.key" -> question (top-level questions only).
  const Question* find_question(const std::string& full_key) const;
};

// Parses template.yaml text (file is used for messages; directory for body paths).
std::optional<Template> parse_template(const std::string& yaml_text, const std::string& file,
                                       const std::string& directory, Diagnostics& diag);

}  // namespace kovgen
