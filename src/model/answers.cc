#include "answers.h"

#include "i18n.h"
#include "text_match.h"
#include "unicode.h"

namespace kovgen {

namespace {

constexpr const char* kTemplateKey = "vorlage";

bool is_empty_answer(const YamlNode* n) {
  return !n || n->is_null() || (n->is_sequence() && n->items.empty());
}

std::vector<std::string> keys_of(const std::vector<Question>& questions) {
  std::vector<std::string> keys;
  for (const auto& q : questions) keys.push_back(q.key);
  return keys;
}

class AnswerReader {
 public:
  AnswerReader(const std::string& file, Diagnostics& diag) : file_(file), diag_(diag) {}

  void error(const YamlNode& at, const Question& q, const std::string& message) {
    diag_.error(at.location(file_), describe(q) + ": " + message);
  }

  std::optional<Value> scalar(const YamlNode& n, const Question& q) {
    if (!n.is_scalar()) {
      const char* pattern = n.is_sequence()  ? tr("expected {}, got a list")
                            : n.is_mapping() ? tr("expected {}, got a mapping (keys with values)")
                                             : tr("expected {}, got nothing");
      error(n, q, fill(pattern, {question_type_label(q.type)}));
      return std::nullopt;
    }
    std::string message;
    auto v = parse_scalar(q, n.scalar, &message);
    if (!v) {
      error(n, q, message);
      return std::nullopt;
    }
    v->where = n.location(file_);
    return v;
  }

  std::optional<Value> list(const YamlNode& n, const Question& q) {
    if (!n.is_sequence()) {
      error(n, q, tr("expected a list (one item per line, each starting with \"- \")"));
      return std::nullopt;
    }
    if (n.size() > kMaxListItems) {
      error(n, q, fill(tr("too many items (at most {})"), {std::to_string(kMaxListItems)}));
      return std::nullopt;
    }
    Value v;
    v.type = QuestionType::list;
    v.where = n.location(file_);
    Question item_question = q;
    item_question.type = QuestionType::text;
    bool ok = true;
    for (const auto& item : n.items) {
      if (item.is_null()) continue;
      auto iv = scalar(item, item_question);
      if (iv) {
        if (!iv->text.empty()) v.items.push_back(iv->text);
      } else {
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return v;
  }

  std::optional<Value> records(const YamlNode& n, const Question& q) {
    if (!n.is_sequence()) {
      error(n, q, fill(tr("expected a list of entries, each with the fields {}"), {join_german(keys_of(q.fields))}));
      return std::nullopt;
    }
    if (n.size() > kMaxListItems) {
      error(n, q, fill(tr("too many entries (at most {})"), {std::to_string(kMaxListItems)}));
      return std::nullopt;
    }
    Value v;
    v.type = QuestionType::records;
    v.where = n.location(file_);
    bool ok = true;
    const std::vector<std::string> field_keys = keys_of(q.fields);
    const std::string in_entries = fill(tr("in the entries of {}"), {q.full_key});
    for (const auto& row_node : n.items) {
      if (!row_node.is_mapping()) {
        error(row_node, q, fill(tr("expected an entry with the fields {}"), {join_german(field_keys)}));
        ok = false;
        continue;
      }
      check_known_keys(row_node, field_keys, in_entries, file_, diag_);
      std::vector<std::pair<std::string, Value>> row;
      for (const auto& field : q.fields) {
        const YamlNode* fn = row_node.find(field.key);
        if (is_empty_answer(fn)) continue;
        auto fv = field.type == QuestionType::list ? list(*fn, field) : scalar(*fn, field);
        if (fv) row.emplace_back(field.key, std::move(*fv));
        else ok = false;
      }
      v.rows.push_back(std::move(row));
    }
    if (!ok) return std::nullopt;
    return v;
  }

  std::optional<Value> value(const YamlNode& n, const Question& q) {
    switch (q.type) {
      case QuestionType::list: return list(n, q);
      case QuestionType::records: return records(n, q);
      default: return scalar(n, q);
    }
  }

 private:
  const std::string& file_;
  Diagnostics& diag_;
};

}  // namespace

const Value* Answers::find(const std::string& full_key) const {
  auto it = values.find(full_key);
  return it == values.end() ? nullptr : &it->second;
}

bool Answers::applies(const Question& q) const { return applies(q, 0); }

bool Answers::applies(const Question& q, int depth) const {
  if (!q.when) return true;
  // Template loading rejects cycles; the bound only keeps a bad template finite.
  if (depth > 16) return false;
  return evaluate_condition(
      *q.when, [this, depth](const std::string& key) { return condition_value(key, depth + 1); });
}

std::optional<std::string> Answers::condition_value(const std::string& full_key) const {
  return condition_value(full_key, 0);
}

std::optional<std::string> Answers::condition_value(const std::string& full_key, int depth) const {
  const Value* v = find(full_key);
  if (!v) return std::nullopt;
  if (questionnaire)
    if (const Question* named = questionnaire->find_question(full_key); named && !applies(*named, depth))
      return std::nullopt;
  return v->canonical();
}

bool check_answer_rules(const Answers& answers, Diagnostics& diag) {
  if (!answers.questionnaire) return true;
  const AnswerLookup lookup = [&](const std::string& key) { return answers.condition_value(key); };
  bool kept = true;
  for (const AnswerRule& rule : answers.questionnaire->rules) {
    const Value* checked = answers.find(rule.check.key);
    // An unanswered value is the placeholder's business, not a rule's.
    if (!checked || !answers.condition_value(rule.check.key)) continue;
    if (const auto other = compared_key(rule.check); other && !answers.condition_value(*other)) continue;
    bool applies = true;
    for (const Condition& c : rule.when) applies = applies && evaluate_condition(c, lookup);
    if (!applies || evaluate_condition(rule.check, lookup)) continue;
    const Question* q = answers.questionnaire->find_question(rule.check.key);
    diag.error(checked->where, (q ? describe(*q) : rule.check.key) + ": " + rule.message);
    kept = false;
  }
  return kept;
}

bool Answers::is_open(const Question& q) const { return q.required && applies(q) && !find(q.full_key); }

std::string describe(const Question& q) {
  return q.full_key + " (\u201E" + q.label + "\u201C)";
}

std::string template_id_in(const YamlNode& root) {
  const YamlNode* n = root.find(kTemplateKey);
  return n ? n->text() : std::string();
}

Answers read_answers(const YamlNode& root, const Template& t, const std::string& file,
                     Diagnostics& diag) {
  Answers answers;
  answers.file = file;
  answers.questionnaire = &t;
  if (root.is_null()) return answers;  // an empty file: nothing answered yet
  if (!root.is_mapping()) {
    diag.error(root.location(file), tr("answers must be a mapping of sections (e.g. \"meta:\")"));
    return answers;
  }
  std::vector<std::string> section_ids{kTemplateKey};
  for (const auto& s : t.sections) section_ids.push_back(s.id);
  check_known_keys(root, section_ids, fill(tr("in the answers of template {}"), {t.id}), file, diag);

  AnswerReader reader(file, diag);
  for (const auto& section : t.sections) {
    const YamlNode* sn = root.find(section.id);
    if (!sn || sn->is_null()) continue;
    if (!sn->is_mapping()) {
      diag.error(sn->location(file), fill(tr("section {}: expected the answers of the section as a mapping (each "
                                             "question's key, a colon and the answer)"),
                                          {section.id + " (\u201E" + section.title + "\u201C)"}));
      continue;
    }
    check_known_keys(*sn, keys_of(section.questions), fill(tr("in section {}"), {section.id}), file, diag);
    for (const auto& q : section.questions) {
      const YamlNode* qn = sn->find(q.key);
      if (is_empty_answer(qn)) continue;
      if (auto v = reader.value(*qn, q)) answers.values[q.full_key] = std::move(*v);
    }
  }
  check_answer_rules(answers, diag);
  return answers;
}

bool set_answer_from_text(Answers& answers, const Template& t, const std::string& full_key,
                          std::string_view typed, const Location& where, Diagnostics& diag) {
  // What the interview reads from a terminal (a macOS one may send NFD) becomes
  // text here; CSV cells are NFC already and pass unchanged.
  const std::string text = to_nfc(typed);
  const Question* q = t.find_question(full_key);
  if (!q) {
    std::vector<std::string> keys;
    for (const auto& s : t.sections)
      for (const auto& qq : s.questions) keys.push_back(qq.full_key);
    std::string message = fill(tr("unknown question \"{}\""), {full_key});
    if (auto n = nearest(full_key, keys); !n.empty()) message = fill(tr("{}; did you mean \"{}\"?"), {message, n});
    diag.error(where, message);
    return false;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    answers.values.erase(full_key);
    return true;
  }
  if (q->type == QuestionType::records) {
    diag.error(where, describe(*q) + ": " + tr("a table cannot be given in one cell; put it in the base file"));
    return false;
  }
  std::string message;
  std::optional<Value> v;
  if (q->type == QuestionType::list) {
    Question item = *q;
    item.type = QuestionType::text;
    Value list;
    list.type = QuestionType::list;
    for (const auto& piece : split_list_cell(text)) {
      auto iv = parse_scalar(item, piece, &message);
      if (!iv) break;
      list.items.push_back(iv->text);
    }
    if (message.empty()) v = std::move(list);
  } else {
    v = parse_scalar(*q, text, &message);
  }
  if (!v) {
    diag.error(where, describe(*q) + ": " + message);
    return false;
  }
  v->where = where;
  answers.values[full_key] = std::move(*v);
  return true;
}

}  // namespace kovgen
