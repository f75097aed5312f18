#pragma once
// What a question offers a template: its value under its key and its variants
// under the key and a suffix ("_kurz", "_zahl", ...). The one description that
// the template check (which names exist, and of which kind), the variant pruning
// (which of them a template's tags reach) and the composer's context (what each
// holds) all derive from. A new variant is one row of kRepresentations
// (representations.cc) and, for a new kind of value, one case in each consumer.
#include <cstdint>
#include <string>
#include <vector>

#include "questionnaire.h"
#include "value.h"

namespace kovgen {

struct VariantUse {
  enum : uint16_t {
    value = 1, offen = 2, ist = 4, text = 8, kurz = 16, hm = 32, zahl = 64, wort = 128, eins = 256, mehrere = 512,
    all = 0xFFFF
  };
  uint16_t bits = all;
  std::vector<VariantUse> fields;  // of a records question, per field

  bool has(uint16_t variant) const { return (bits & variant) != 0; }
};

// How a representation appears in the Mustache context.
enum class Shape {
  text,        // German text of the answer; "[offen: Label]" while a placeholder shows
  flag,        // true or false: whether a boolean answer is "ja" (or the row's own test holds)
  open_flag,   // true while the question is unanswered and its placeholder shows
  items,       // the items of a list, for {{#key}}{{.}}{{/key}}
  rows,        // the rows of a table, each an object of its fields' representations
  choice_set,  // an object with one true/false member per choice (choice_slug)
};

struct Representation {
  const char* suffix;  // "" for the value itself
  uint16_t bit;        // its VariantUse bit
  Shape shape;
  // The text of an answered value, for Shape::text.
  std::string (*text)(const Value&) = nullptr;
  // Whether an answered value makes a Shape::flag true; without it, the boolean answer.
  bool (*holds)(const Value&) = nullptr;
};

// The representations of a question of this type, the value itself first.
const std::vector<Representation>& representations(QuestionType type);

// What the draft shows while a question is unanswered: „[offen: …]“ with its
// placeholder text, or its label.
std::string placeholder_of(const Question& q);

// Every suffix with its bit, once (for the variant pruning).
const std::vector<std::pair<std::string, uint16_t>>& representation_suffixes();

}  // namespace kovgen
