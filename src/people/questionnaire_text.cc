#include "questionnaire_text.h"

#include <algorithm>

#include "german_format.h"
#include "i18n.h"
#include "utf8.h"
#include "value.h"

namespace kovgen {

namespace {

// The six steps of the NRW framework for developing a cooperation.
constexpr const char* kSeedSteps[] = {
    N_("Planning phase"),
    N_("Developing shared goals"),
    N_("Contents of the cooperation agreement"),
    N_("Coordination & decisions"),
    N_("Implementation & anchoring in the institutions"),
    N_("Evaluation, reflection & further development"),
};

std::string quoted_label(const std::string& key, const Template& t) {
  const Question* q = t.find_question(key);
  return "\u201E" + (q ? q->label : key) + "\u201C";
}

// How a condition value reads: booleans as ja/nein.
std::string value_words(const std::string& key, const std::string& value, const Template& t) {
  const Question* q = t.find_question(key);
  if (q && q->type == QuestionType::boolean) {
    if (value == "true") return "ja";
    if (value == "false") return "nein";
  }
  return value;
}

}  // namespace

const char* seed_step_title(int step) {
  return step >= 1 && step <= 6 ? tr(kSeedSteps[step - 1]) : "";
}

std::vector<const Section*> sections_in_step_order(const Template& t) {
  std::vector<const Section*> out;
  for (const auto& s : t.sections) out.push_back(&s);
  std::stable_sort(out.begin(), out.end(),
                   [](const Section* a, const Section* b) { return a->step < b->step; });
  return out;
}

const char* section_kind(const Section& s) {
  return s.mandatory ? tr("mandatory section") : tr("recommended section");
}

std::string question_facts(const Question& q) {
  std::string facts = question_type_label(q.type);
  facts += " \u00B7 ";
  facts += q.required ? tr("mandatory answer") : tr("optional");
  if (q.min || q.max) {
    std::string range;
    if (q.min && q.max) range = fill(tr("{} to {}"), {format_decimal(*q.min), format_decimal(*q.max)});
    else if (q.min) range = fill(tr("from {}"), {format_decimal(*q.min)});
    else range = fill(tr("up to {}"), {format_decimal(*q.max)});
    facts += " \u00B7 " + fill(tr("allowed: {}"), {range});
  }
  return facts;
}

std::string example_text(const Question& q) {
  if (q.example.empty()) return "";
  std::string error;
  auto v = parse_scalar(q, q.example, &error);
  if (!v) return q.example;
  if (q.type == QuestionType::boolean) return v->boolean ? "ja" : "nein";
  if (q.type == QuestionType::date) return format_date_short(v->date);
  // Numbers in the German form users are asked to type, whatever the template wrote.
  if (q.type == QuestionType::money || q.type == QuestionType::integer || q.type == QuestionType::decimal ||
      q.type == QuestionType::percent)
    return v->display();
  return q.example;
}

std::string condition_text(const Condition& c, const Template& t) {
  const std::string label = quoted_label(c.key, t);
  const Question* q = t.find_question(c.key);
  const bool boolean = q && q->type == QuestionType::boolean;
  std::vector<std::string> values;
  for (const auto& v : c.values) values.push_back(value_words(c.key, v, t));
  switch (c.op) {
    // ja and nein are what the answers file says, in any language.
    case Condition::Op::truthy: return boolean ? label + " = ja" : fill(tr("{} is filled in"), {label});
    case Condition::Op::falsy: return boolean ? label + " = nein" : fill(tr("{} is empty"), {label});
    case Condition::Op::equals: return label + " = " + (values.empty() ? "" : values[0]);
    case Condition::Op::not_equals: return label + " \u2260 " + (values.empty() ? "" : values[0]);
    case Condition::Op::in: return label + " = " + join_german(values, tr("or"));
    case Condition::Op::less:
    case Condition::Op::less_equal:
    case Condition::Op::greater:
    case Condition::Op::greater_equal: {
      const char* sign = c.op == Condition::Op::less         ? " < "
                         : c.op == Condition::Op::less_equal ? " \u2264 "
                         : c.op == Condition::Op::greater    ? " > "
                                                             : " \u2265 ";
      const auto other = compared_key(c);
      return label + sign + (other ? quoted_label(*other, t) : c.values.empty() ? "" : c.values[0]);
    }
  }
  return "";
}

std::vector<std::string> wrap_text(std::string_view text, size_t width) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view paragraph = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    const bool bullet = paragraph.substr(0, 2) == "- ";
    std::string line;
    size_t line_width = 0;
    size_t p = 0;
    bool any = false;
    while (p < paragraph.size()) {
      while (p < paragraph.size() && paragraph[p] == ' ') ++p;
      if (p >= paragraph.size()) break;
      size_t end = paragraph.find(' ', p);
      if (end == std::string_view::npos) end = paragraph.size();
      std::string_view word = paragraph.substr(p, end - p);
      const size_t w = display_width(word);
      if (line_width > 0 && line_width + 1 + w > width) {
        lines.push_back(line);
        line = bullet ? " " : "";
        line_width = line.size();
      }
      if (line_width > 0) {
        line += ' ';
        ++line_width;
      }
      line += word;
      line_width += w;
      any = true;
      p = end;
    }
    if (any || !line.empty()) lines.push_back(line);
    else lines.emplace_back();
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

}  // namespace kovgen
