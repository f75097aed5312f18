#pragma once
// The answers to one template's questionnaire, typed and validated, each value
// with the place it came from (file:line:col or CSV row/column).
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostics.h"
#include "questionnaire.h"
#include "value.h"
#include "yaml_dom.h"

namespace kovgen {

struct Answers {
  std::string file;
  std::map<std::string, Value> values;  // by full key "section.key"
  // The questionnaire the answers belong to; lets conditions chain (a question
  // whose condition names a question that does not apply does not apply either).
  const Template* questionnaire = nullptr;

  const Value* find(const std::string& full_key) const;
  // Whether the question counts: it has no condition, or its condition holds.
  bool applies(const Question& q) const;
  // Whether a required question that applies is still unanswered.
  bool is_open(const Question& q) const;
  // The answer as conditions see it: canonical text, nullopt when unanswered or
  // when its question does not apply.
  std::optional<std::string> condition_value(const std::string& full_key) const;

 private:
  bool applies(const Question& q, int depth) const;
  std::optional<std::string> condition_value(const std::string& full_key, int depth) const;
};

// The template id named in the answers ("vorlage: ogs"), or "".
std::string template_id_in(const YamlNode& root);

// Reads answers from a parsed YAML/JSON document. Every problem is reported (file,
// line, column, key and German label); values with errors are left out.
Answers read_answers(const YamlNode& root, const Template& t, const std::string& file,
                     Diagnostics& diag);

// Sets one answer from text (a CSV cell or a typed answer). Lists are split at ";".
// Empty text removes the answer. Returns false after reporting an error at where.
bool set_answer_from_text(Answers& answers, const Template& t, const std::string& full_key,
                          std::string_view text, const Location& where, Diagnostics& diag);

// Reports each of the template's rules (AnswerRule) that the answers break, at the
// answer the rule checks. Returns false when one is broken.
bool check_answer_rules(const Answers& answers, Diagnostics& diag);

// "finanzierung.eigenanteil_je_platz („Kommunaler Eigenanteil je Platz“)"
std::string describe(const Question& q);

}  // namespace kovgen
