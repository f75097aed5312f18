#include "questionnaire.h"

#include <set>

#include "value.h"
#include "yaml_util.h"

namespace kovgen {

namespace {

struct TypeName {
  QuestionType type;
  const char* name;
  const char* label;
};

constexpr TypeName kTypes[] = {
    {QuestionType::text, "text", "Text (eine Zeile)"},
    {QuestionType::longtext, "longtext", "Text (mehrere Zeilen)"},
    {QuestionType::integer, "integer", "ganze Zahl"},
    {QuestionType::decimal, "decimal", "Zahl"},
    {QuestionType::money, "money", "Betrag in Euro"},
    {QuestionType::percent, "percent", "Prozentsatz"},
    {QuestionType::date, "date", "Datum (TT.MM.JJJJ)"},
    {QuestionType::time, "time", "Uhrzeit (HH:MM)"},
    {QuestionType::schoolyear, "schoolyear", "Schuljahr (z. B. 2026/27)"},
    {QuestionType::boolean, "boolean", "ja/nein"},
    {QuestionType::choice, "choice", "Auswahl"},
    {QuestionType::list, "list", "Liste"},
    {QuestionType::records, "records", "Tabelle (Einträge mit Feldern)"},
};

bool valid_identifier(const std::string& s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

const std::vector<std::string> kQuestionKeys = {
    "key", "label", "type", "required", "help", "example", "choices", "min", "max", "when", "fields"};

bool parse_bool(const YAML::Node& n, bool fallback) {
  if (!n) return fallback;
  const std::string s = scalar_text(n);
  return s == "true" || s == "yes" || s == "ja";
}

class TemplateParser {
 public:
  TemplateParser(const std::string& file, Diagnostics& diag) : file_(file), diag_(diag) {}

  std::optional<Question> question(const YAML::Node& n, const std::string& prefix,
                                   bool allow_records) {
    Location where = node_location(n, file_);
    if (!n.IsMap()) {
      diag_.error(where, "a question must be a mapping with key, label and type");
      return std::nullopt;
    }
    check_duplicate_keys(n, file_, diag_);
    check_known_keys(n, kQuestionKeys, "question", file_, diag_);
    Question q;
    q.where = where;
    q.key = scalar_text(n["key"]);
    q.full_key = prefix + "." + q.key;
    q.label = scalar_text(n["label"]);
    q.help = scalar_text(n["help"]);
    q.example = scalar_text(n["example"]);
    q.required = parse_bool(n["required"], false);
    if (!valid_identifier(q.key))
      diag_.error(where, "question key \"" + q.key + "\" must match [a-z][a-z0-9_]*");
    if (q.label.empty()) diag_.error(where, "question " + q.full_key + " has no label");
    const std::string type_name = scalar_text(n["type"]);
    if (auto t = question_type_from_name(type_name)) {
      q.type = *t;
    } else {
      diag_.error(node_location(n["type"] ? n["type"] : n, file_),
                  "question " + q.full_key + ": unknown type \"" + type_name + "\"");
    }
    if (n["choices"]) {
      for (const auto& c : n["choices"]) q.choices.push_back(scalar_text(c));
    }
    if (q.type == QuestionType::choice && q.choices.empty())
      diag_.error(where, "question " + q.full_key + " of type choice needs choices");
    if (n["min"]) q.min = n["min"].as<double>(0);  // bad numbers read as 0
    if (n["max"]) q.max = n["max"].as<double>(0);
    if (n["when"]) {
      std::string error;
      q.when = parse_condition(scalar_text(n["when"]), &error);
      if (!q.when) diag_.error(node_location(n["when"], file_), error);
    }
    if (q.type == QuestionType::records) {
      if (!allow_records) diag_.error(where, "records cannot be nested");
      if (!n["fields"] || !n["fields"].IsSequence() || n["fields"].size() == 0)
        diag_.error(where, "question " + q.full_key + " of type records needs fields");
      else
        for (const auto& f : n["fields"])
          if (auto field = question(f, q.full_key, false)) q.fields.push_back(std::move(*field));
    }
    return q;
  }

  std::optional<Section> section(const YAML::Node& n) {
    Location where = node_location(n, file_);
    if (!n.IsMap()) {
      diag_.error(where, "a section must be a mapping");
      return std::nullopt;
    }
    check_duplicate_keys(n, file_, diag_);
    check_known_keys(n, {"id", "title", "step", "mandatory", "intro", "questions"}, "section",
                     file_, diag_);
    Section s;
    s.where = where;
    s.id = scalar_text(n["id"]);
    s.title = scalar_text(n["title"]);
    s.step = n["step"] ? n["step"].as<int>(0) : 0;
    s.mandatory = parse_bool(n["mandatory"], false);
    s.intro = scalar_text(n["intro"]);
    if (!valid_identifier(s.id)) diag_.error(where, "section id \"" + s.id + "\" must match [a-z][a-z0-9_]*");
    if (s.title.empty()) diag_.error(where, "section " + s.id + " has no title");
    if (s.step < 1 || s.step > 6) diag_.error(where, "section " + s.id + ": step must be 1..6");
    std::set<std::string> keys;
    for (const auto& qn : n["questions"]) {
      auto q = question(qn, s.id, true);
      if (!q) continue;
      if (!keys.insert(q->key).second)
        diag_.error(q->where, "question key \"" + q->full_key + "\" defined twice");
      s.questions.push_back(std::move(*q));
    }
    return s;
  }

 private:
  const std::string& file_;
  Diagnostics& diag_;
};

// A question whose condition leads back to itself would never be decidable.
void check_condition_cycles(const Template& t, Diagnostics& diag) {
  for (const auto& s : t.sections)
    for (const auto& q : s.questions) {
      const Question* at = &q;
      for (int steps = 0; at && at->when; ++steps) {
        at = t.find_question(at->when->key);
        if (at == &q || steps > 64) {
          diag.error(q.where, "question " + q.full_key + ": its condition depends on itself");
          break;
        }
      }
    }
}

// Templates test choices as {{#key_ist.<slug>}}; two choices must not share a slug.
void check_choice_names(const Template& t, Diagnostics& diag) {
  for (const auto& s : t.sections)
    for (const auto& q : s.questions) {
      std::set<std::string> slugs;
      for (const auto& c : q.choices) {
        const std::string slug = choice_slug(c);
        if (slug.empty() || !slugs.insert(slug).second)
          diag.error(q.where, "question " + q.full_key + ": choice \"" + c +
                                  "\" needs letters or digits that tell it apart from the others");
      }
    }
}

}  // namespace

std::optional<QuestionType> question_type_from_name(const std::string& name) {
  for (const auto& t : kTypes)
    if (name == t.name) return t.type;
  return std::nullopt;
}

const char* question_type_name(QuestionType type) {
  for (const auto& t : kTypes)
    if (t.type == type) return t.name;
  return "?";
}

const char* question_type_label(QuestionType type) {
  for (const auto& t : kTypes)
    if (t.type == type) return t.label;
  return "?";
}

const Section* Template::find_section(const std::string& section_id) const {
  for (const auto& s : sections)
    if (s.id == section_id) return &s;
  return nullptr;
}

const Question* Template::find_question(const std::string& full_key) const {
  const size_t dot = full_key.find('.');
  if (dot == std::string::npos) return nullptr;
  const Section* s = find_section(full_key.substr(0, dot));
  if (!s) return nullptr;
  for (const auto& q : s->questions)
    if (q.full_key == full_key) return &q;
  return nullptr;
}

std::optional<Template> parse_template(const std::string& yaml_text, const std::string& file,
                                       const std::string& directory, Diagnostics& diag) {
  const int errors_before = diag.error_count();
  auto root = load_yaml(yaml_text, file, diag);
  if (!root) return std::nullopt;
  if (!root->IsMap()) {
    diag.error({file, 1, 1}, "template.yaml must be a mapping");
    return std::nullopt;
  }
  check_duplicate_keys(*root, file, diag);
  check_known_keys(*root, {"id", "title", "description", "body", "parties", "sections"},
                   "template", file, diag);
  const YAML::Node& doc = *root;
  Template t;
  t.id = scalar_text(doc["id"]);
  t.title = scalar_text(doc["title"]);
  t.description = scalar_text(doc["description"]);
  t.directory = directory;
  const std::string body = scalar_text(doc["body"]);
  t.body_file = directory + "/" + (body.empty() ? "vereinbarung.md.mustache" : body);
  for (const auto& p : doc["parties"]) t.parties.push_back(scalar_text(p));
  TemplateParser parser(file, diag);
  std::set<std::string> ids;
  for (const auto& sn : doc["sections"]) {
    auto s = parser.section(sn);
    if (!s) continue;
    if (!ids.insert(s->id).second) diag.error(s->where, "section id \"" + s->id + "\" defined twice");
    t.sections.push_back(std::move(*s));
  }
  if (t.sections.empty()) diag.error({file, 1, 1}, "template has no sections");
  // Conditions must name questions that exist.
  for (const auto& s : t.sections)
    for (const auto& q : s.questions)
      if (q.when && !t.find_question(q.when->key))
        diag.error(q.where, "question " + q.full_key + ": condition names unknown question \"" +
                                q.when->key + "\"");
  check_condition_cycles(t, diag);
  check_choice_names(t, diag);
  if (diag.error_count() > errors_before) return std::nullopt;
  return t;
}

}  // namespace kovgen
