// Rules across answers (template.yaml "rules"): when they apply, what they refuse and
// where, and the template errors of a rule that names no question.
#include <doctest/doctest.h>

#include "answers.h"
#include "questionnaire.h"
#include "yaml_dom.h"

using namespace kovgen;

namespace {

const std::string kQuestions = R"(id: t
title: T
sections:
  - id: s
    title: S
    step: 1
    questions:
      - key: gefoerdert
        label: Gefördert
        type: boolean
      - key: umfang
        label: Umfang
        type: decimal
      - key: je_kraft
        label: Je Kraft
        type: integer
      - key: orte
        label: Orte
        type: records
        fields:
          - key: name
            label: Name
            type: text
)";

const std::string kRules = R"(rules:
  - when:
      - s.gefoerdert
      - s.umfang <= 0,5
    check: s.orte <= 1
    message: Nur ein Ort bei einer halben Stelle.
  - check: s.orte <= s.je_kraft
    message: Mehr Orte als je Kraft erlaubt.
)";

// The messages of reading the answers against the template with kRules, "" when accepted.
std::string errors_of(const std::string& answers_yaml) {
  Diagnostics diag;
  auto t = parse_template(kQuestions + kRules, "template.yaml", ".", diag);
  REQUIRE_MESSAGE(t, diag.to_string());
  auto root = parse_yaml(answers_yaml, "answers.yaml", diag);
  REQUIRE(root);
  read_answers(*root, *t, "answers.yaml", diag);
  return diag.to_string();
}

std::string orte(int n) {
  std::string yaml = "  orte:\n";
  for (int i = 0; i < n; ++i) yaml += "    - name: Ort " + std::to_string(i + 1) + "\n";
  return yaml;
}

}  // namespace

TEST_CASE("a rule refuses the checked answer at its place when every condition holds") {
  CHECK(errors_of("s:\n  gefoerdert: true\n  umfang: 0,5\n  je_kraft: 2\n" + orte(2)) ==
        "answers.yaml:6:5: s.orte (\u201EOrte\u201C): Nur ein Ort bei einer halben Stelle.\n");
  CHECK(errors_of("s:\n  gefoerdert: true\n  umfang: 0,5\n  je_kraft: 2\n" + orte(1)).empty());
  // One condition that does not hold, or is unanswered, and the rule does not apply.
  CHECK(errors_of("s:\n  gefoerdert: false\n  umfang: 0,5\n  je_kraft: 2\n" + orte(2)).empty());
  CHECK(errors_of("s:\n  gefoerdert: true\n  umfang: 0,75\n  je_kraft: 2\n" + orte(2)).empty());
  CHECK(errors_of("s:\n  gefoerdert: true\n  je_kraft: 2\n" + orte(2)).empty());
}

TEST_CASE("a rule compares with another answer and leaves unanswered ones to the placeholders") {
  CHECK(errors_of("s:\n  je_kraft: 2\n" + orte(3)) ==
        "answers.yaml:4:5: s.orte (\u201EOrte\u201C): Mehr Orte als je Kraft erlaubt.\n");
  CHECK(errors_of("s:\n  je_kraft: 3\n" + orte(3)).empty());
  CHECK(errors_of("s:\n" + orte(3)).empty());
  CHECK(errors_of("s:\n  je_kraft: 1\n").empty());
}

TEST_CASE("a rule that names an unknown question or lacks its message is a template error") {
  Diagnostics diag;
  CHECK_FALSE(parse_template(kQuestions + "rules:\n  - check: s.orte <= s.fehlt\n    message: x\n", "template.yaml",
                             ".", diag));
  CHECK(diag.to_string().find("rule \"s.orte <= s.fehlt\": names unknown question \"s.fehlt\"") != std::string::npos);
  Diagnostics no_message;
  CHECK_FALSE(parse_template(kQuestions + "rules:\n  - check: s.orte <= 1\n", "template.yaml", ".", no_message));
  CHECK(no_message.to_string().find("a rule must be a mapping with check and message") != std::string::npos);
  Diagnostics bad;
  CHECK_FALSE(parse_template(kQuestions + "rules:\n  - check: s.orte <= viele\n    message: x\n", "template.yaml", ".",
                             bad));
  CHECK(bad.to_string().find("expected a number or a full key after the comparison") != std::string::npos);
}
