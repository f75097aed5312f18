// How the questionnaire reads for people: facts, examples, conditions, wrapping.
#include <doctest/doctest.h>

#include "questionnaire_text.h"

using namespace kovgen;

TEST_CASE("questionnaire text: examples as a person types them, in German") {
  Question money{.key = "m", .full_key = "s.m", .label = "Betrag", .type = QuestionType::money};
  money.example = "1105.00";
  CHECK(example_text(money) == "1.105,00\u00A0€");
  Question date{.key = "d", .full_key = "s.d", .label = "Datum", .type = QuestionType::date};
  date.example = "2026-08-01";
  CHECK(example_text(date) == "01.08.2026");
  Question yes{.key = "b", .full_key = "s.b", .label = "Ja", .type = QuestionType::boolean};
  yes.example = "true";
  CHECK(example_text(yes) == "ja");
  Question share{.key = "v", .full_key = "s.v", .label = "VZÄ", .type = QuestionType::decimal};
  share.example = "0.5";
  CHECK(example_text(share) == "0,5");
  Question text{.key = "t", .full_key = "s.t", .label = "Text", .type = QuestionType::text};
  CHECK(example_text(text).empty());
  text.example = "Stadt Musterhausen";
  CHECK(example_text(text) == "Stadt Musterhausen");
}

TEST_CASE("questionnaire text: the facts line names type, duty and range") {
  Question q{.key = "p", .full_key = "s.p", .label = "Plätze", .type = QuestionType::integer};
  q.required = true;
  q.min = 0;
  q.max = 10000;
  CHECK(question_facts(q).find("mandatory answer \u00B7 allowed: 0 to 10.000") != std::string::npos);
  q.required = false;
  q.max.reset();
  CHECK(question_facts(q).find("optional \u00B7 allowed: from 0") != std::string::npos);
}

TEST_CASE("questionnaire text: wrapping keeps words whole and hangs list items") {
  CHECK(wrap_text("eins zwei drei vier", 9) == std::vector<std::string>{"eins zwei", "drei vier"});
  CHECK(wrap_text("- Punkt eins zwei", 10) == std::vector<std::string>{"- Punkt", "  eins", "  zwei"});
  CHECK(wrap_text("Donaudampfschifffahrt kurz", 5) == std::vector<std::string>{"Donaudampfschifffahrt", "kurz"});
  CHECK(display_width("Plätze") == 6);
}
