#include "answer_yaml.h"

#include "questionnaire_text.h"

namespace kovgen {

YamlValue answer_yaml_value(const Question& q, const Value& v) {
  switch (v.type) {
    case QuestionType::boolean: return YamlValue::scalar(v.boolean ? "ja" : "nein");
    case QuestionType::date: return YamlValue::scalar(format_date_short(v.date));
    case QuestionType::list: {
      YamlValue seq = YamlValue::sequence();
      for (const auto& item : v.items) seq.items.push_back(YamlValue::scalar(item));
      return seq;
    }
    case QuestionType::records: {
      YamlValue seq = YamlValue::sequence();
      for (const auto& row : v.rows) {
        YamlValue entry = YamlValue::mapping();
        for (const auto& field : q.fields)
          for (const auto& [key, value] : row)
            if (key == field.key) entry.fields.emplace_back(key, answer_yaml_value(field, value));
        seq.items.push_back(std::move(entry));
      }
      return seq;
    }
    default: return YamlValue::scalar(v.canonical());
  }
}

std::optional<std::string> set_answer_in_yaml(std::string_view text, const Template& t,
                                              const Question& q, const Value* v, std::string* error) {
  const std::string section_id = q.full_key.substr(0, q.full_key.find('.'));
  YamlInsertHints hints;
  bool after = false;
  for (const Section* s : sections_in_step_order(t)) {
    if (after) hints.sections_after.push_back(s->id);
    if (s->id == section_id) {
      after = true;
      bool later = false;
      for (const auto& other : s->questions) {
        if (later) hints.keys_after.push_back(other.key);
        later = later || other.key == q.key;
      }
    }
  }
  return yaml_set_value(text, section_id, q.key, v ? answer_yaml_value(q, *v) : YamlValue{}, hints, error);
}

}  // namespace kovgen
