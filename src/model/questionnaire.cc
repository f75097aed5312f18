#include "questionnaire.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "i18n.h"
#include "value.h"
#include "yaml_dom.h"
#include "text_match.h"

namespace kovgen {

namespace {

struct TypeName {
  QuestionType type;
  const char* name;
  const char* label;
};

constexpr TypeName kTypes[] = {
    {QuestionType::text, "text", N_("text (one line)")},
    {QuestionType::longtext, "longtext", N_("text (several lines)")},
    {QuestionType::integer, "integer", N_("whole number")},
    {QuestionType::decimal, "decimal", N_("number")},
    {QuestionType::money, "money", N_("amount in euros")},
    {QuestionType::percent, "percent", N_("percentage")},
    {QuestionType::date, "date", N_("date (DD.MM.YYYY)")},
    {QuestionType::time, "time", N_("time of day (HH:MM)")},
    {QuestionType::schoolyear, "schoolyear", N_("school year (e.g. 2026/27)")},
    {QuestionType::boolean, "boolean", N_("yes/no")},
    {QuestionType::choice, "choice", N_("choice")},
    {QuestionType::list, "list", N_("list")},
    {QuestionType::records, "records", N_("table (entries with fields)")},
};

bool valid_identifier(const std::string& s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

const std::vector<std::string> kQuestionKeys = {
    "key",  "label", "noun_label", "placeholder", "type", "required", "help",
    "example", "choices", "min", "max", "when", "fields"};

const std::string& text_of(const YamlNode& map, std::string_view key) {
  static const std::string empty;
  const YamlNode* n = map.find(key);
  return n ? n->text() : empty;
}

bool parse_bool(const YamlNode& map, std::string_view key, bool fallback) {
  const YamlNode* n = map.find(key);
  if (!n || n->is_null()) return fallback;
  const std::string& s = n->text();
  return s == "true" || s == "yes" || s == "ja";
}

const std::vector<YamlNode>& items_of(const YamlNode& map, std::string_view key) {
  static const std::vector<YamlNode> none;
  const YamlNode* n = map.find(key);
  return n && n->is_sequence() ? n->items : none;
}

class TemplateParser {
 public:
  TemplateParser(const std::string& file, Diagnostics& diag) : file_(file), diag_(diag) {}

  std::optional<double> number(const YamlNode& map, std::string_view key) {
    const YamlNode* n = map.find(key);
    if (!n) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(n->text().c_str(), &end);
    if (n->text().empty() || *end != '\0') {
      diag_.error(n->location(file_), fill(tr("{}: expected a number"), {key}));
      return std::nullopt;
    }
    return v;
  }

  std::optional<Question> question(const YamlNode& n, const std::string& prefix,
                                   bool allow_records) {
    Location where = n.location(file_);
    if (!n.is_mapping()) {
      diag_.error(where, tr("a question must be a mapping with key, label and type"));
      return std::nullopt;
    }
    check_known_keys(n, kQuestionKeys, in_a_question_, file_, diag_);
    Question q;
    q.where = where;
    q.key = text_of(n, "key");
    q.full_key = prefix + "." + q.key;
    q.label = text_of(n, "label");
    q.noun_label = text_of(n, "noun_label");
    q.placeholder = text_of(n, "placeholder");
    q.help = text_of(n, "help");
    q.example = text_of(n, "example");
    q.required = parse_bool(n, "required", false);
    if (!valid_identifier(q.key))
      diag_.error(where, fill(tr("question key \"{}\" must match [a-z][a-z0-9_]*"), {q.key}));
    if (q.label.empty()) diag_.error(where, fill(tr("question {} has no label"), {q.full_key}));
    const std::string& type_name = text_of(n, "type");
    if (auto t = question_type_from_name(type_name)) {
      q.type = *t;
    } else {
      diag_.error((n.find("type") ? *n.find("type") : n).location(file_),
                  fill(tr("question {}: unknown type \"{}\""), {q.full_key, type_name}));
    }
    for (const auto& c : items_of(n, "choices")) q.choices.push_back(c.text());
    if (q.type == QuestionType::choice && q.choices.empty())
      diag_.error(where, fill(tr("question {} of type choice needs choices"), {q.full_key}));
    q.min = number(n, "min");
    q.max = number(n, "max");
    if (const YamlNode* when = n.find("when")) {
      std::string error;
      q.when = parse_condition(when->text(), &error);
      if (!q.when) diag_.error(when->location(file_), error);
    }
    if (q.type == QuestionType::records) {
      if (!allow_records) diag_.error(where, tr("records cannot be nested"));
      if (items_of(n, "fields").empty())
        diag_.error(where, fill(tr("question {} of type records needs fields"), {q.full_key}));
      for (const auto& f : items_of(n, "fields"))
        if (auto field = question(f, q.full_key, false)) q.fields.push_back(std::move(*field));
    }
    return q;
  }

  std::optional<Section> section(const YamlNode& n) {
    Location where = n.location(file_);
    if (!n.is_mapping()) {
      diag_.error(where, tr("a section must be a mapping"));
      return std::nullopt;
    }
    check_known_keys(n, {"id", "title", "step", "mandatory", "intro", "questions"}, tr("in a section"),
                     file_, diag_);
    Section s;
    s.where = where;
    s.id = text_of(n, "id");
    s.title = text_of(n, "title");
    s.step = static_cast<int>(number(n, "step").value_or(0));
    s.mandatory = parse_bool(n, "mandatory", false);
    s.intro = text_of(n, "intro");
    if (!valid_identifier(s.id)) diag_.error(where, fill(tr("section id \"{}\" must match [a-z][a-z0-9_]*"), {s.id}));
    if (s.title.empty()) diag_.error(where, fill(tr("section {} has no title"), {s.id}));
    if (s.step < 1 || s.step > 6) diag_.error(where, fill(tr("section {}: step must be 1..6"), {s.id}));
    std::set<std::string> keys;
    for (const auto& qn : items_of(n, "questions")) {
      auto q = question(qn, s.id, true);
      if (!q) continue;
      if (!keys.insert(q->key).second)
        diag_.error(q->where, fill(tr("question key \"{}\" defined twice"), {q->full_key}));
      s.questions.push_back(std::move(*q));
    }
    return s;
  }

  std::optional<AnswerRule> rule(const YamlNode& n) {
    AnswerRule r;
    r.where = n.location(file_);
    if (!n.is_mapping()) {
      diag_.error(r.where, tr("a rule must be a mapping with check and message, optionally when"));
      return std::nullopt;
    }
    check_known_keys(n, {"when", "check", "message"}, tr("in a rule"), file_, diag_);
    r.message = text_of(n, "message");
    bool ok = true;
    auto condition = [&](const YamlNode& c) -> std::optional<Condition> {
      std::string error;
      auto parsed = parse_condition(c.text(), &error);
      if (!parsed) {
        diag_.error(c.location(file_), error);
        ok = false;
      }
      return parsed;
    };
    if (const YamlNode* when = n.find("when")) {
      if (when->is_sequence()) {
        for (const auto& item : when->items)
          if (auto c = condition(item)) r.when.push_back(std::move(*c));
      } else if (auto c = condition(*when)) {
        r.when.push_back(std::move(*c));
      }
    }
    const YamlNode* check = n.find("check");
    if (!check || r.message.empty()) {
      diag_.error(r.where, tr("a rule must be a mapping with check and message, optionally when"));
      return std::nullopt;
    }
    auto c = condition(*check);
    if (!c || !ok) return std::nullopt;
    r.check = std::move(*c);
    return r;
  }

 private:
  const std::string& file_;
  Diagnostics& diag_;
  // Translated once rather than for each of the template's questions.
  const std::string in_a_question_ = tr("in a question");
};

// A question whose condition leads back to itself would never be decidable.
void check_condition_cycles(const Template& t, Diagnostics& diag) {
  for (const auto& s : t.sections)
    for (const auto& q : s.questions) {
      const Question* at = &q;
      for (int steps = 0; at && at->when; ++steps) {
        at = t.find_question(at->when->key);
        if (at == &q || steps > 64) {
          diag.error(q.where, fill(tr("question {}: its condition depends on itself"), {q.full_key}));
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
          diag.error(q.where, fill(tr("question {}: choice \"{}\" needs letters or digits that tell it apart from the others"),
                                  {q.full_key, c}));
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
    if (t.type == type) return tr(t.label);
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
  auto root = parse_yaml(yaml_text, file, diag);
  if (!root) return std::nullopt;
  if (!root->is_mapping()) {
    diag.error({file, 1, 1}, tr("template.yaml must be a mapping"));
    return std::nullopt;
  }
  const YamlNode& doc = *root;
  check_known_keys(doc, {"id", "title", "description", "body", "parties", "zielgruppe", "sections", "anlagen", "beschlussvorlage", "rules"}, tr("in template.yaml"), file, diag);
  Template t;
  t.id = text_of(doc, "id");
  t.title = text_of(doc, "title");
  t.description = text_of(doc, "description");
  t.directory = directory;
  const std::string body = text_of(doc, "body");
  t.body_file = directory + "/" + (body.empty() ? "vereinbarung.md.mustache" : body);
  if (const std::string& paper = text_of(doc, "beschlussvorlage"); !paper.empty())
    t.council_paper_file = directory + "/" + paper;
  for (const auto& p : items_of(doc, "parties")) t.parties.push_back(p.text());
  const std::string audience = text_of(doc, "zielgruppe");
  if (audience == "Kinder und Jugendliche") t.addresses_youths = true;
  else if (!audience.empty() && audience != "Kinder")
    diag.error({file, 1, 1}, fill(tr("zielgruppe must be \"Kinder\" or \"Kinder und Jugendliche\", not \"{}\""), {audience}));
  TemplateParser parser(file, diag);
  std::set<std::string> ids;
  for (const auto& sn : items_of(doc, "sections")) {
    auto s = parser.section(sn);
    if (!s) continue;
    if (!ids.insert(s->id).second) diag.error(s->where, fill(tr("section id \"{}\" defined twice"), {s->id}));
    t.sections.push_back(std::move(*s));
  }
  if (t.sections.empty()) diag.error({file, 1, 1}, tr("template has no sections"));
  std::set<int> annex_numbers;
  for (const auto& an : items_of(doc, "anlagen")) {
    AnnexDeclaration a;
    a.where = an.location(file);
    if (an.is_mapping()) check_known_keys(an, {"nummer", "titel", "body"}, tr("in an annex"), file, diag);
    // A missing or unreadable nummer reads as 0, which is refused below like any
    // number under 1.
    const double number = an.is_mapping() ? parser.number(an, "nummer").value_or(0) : 0;
    a.title = an.is_mapping() ? text_of(an, "titel") : "";
    a.body = an.is_mapping() ? text_of(an, "body") : "";
    if (number < 1 || number > std::numeric_limits<int>::max() || number != std::floor(number) || a.title.empty() ||
        a.body.empty()) {
      diag.error(a.where, tr("an annex needs a whole number nummer (1 or more), a titel and a body"));
      continue;
    }
    a.number = static_cast<int>(number);
    if (!annex_numbers.insert(a.number).second)
      diag.error(a.where, fill(tr("annex number {} is declared twice"), {std::to_string(a.number)}));
    t.annexes.push_back(std::move(a));
  }
  for (const auto& rn : items_of(doc, "rules"))
    if (auto rule = parser.rule(rn)) t.rules.push_back(std::move(*rule));
  std::sort(t.annexes.begin(), t.annexes.end(),
            [](const AnnexDeclaration& x, const AnnexDeclaration& y) { return x.number < y.number; });
  // Conditions must name questions that exist.
  for (const auto& s : t.sections)
    for (const auto& q : s.questions)
      if (q.when && !t.find_question(q.when->key))
        diag.error(q.where, fill(tr("question {}: condition names unknown question \"{}\""), {q.full_key, q.when->key}));
  for (const auto& rule : t.rules) {
    std::vector<const Condition*> conditions{&rule.check};
    for (const auto& c : rule.when) conditions.push_back(&c);
    for (const Condition* c : conditions)
      for (const auto& key : {std::optional<std::string>(c->key), compared_key(*c)})
        if (key && !t.find_question(*key))
          diag.error(rule.where, fill(tr("rule \"{}\": names unknown question \"{}\""), {rule.check.source, *key}));
  }
  check_condition_cycles(t, diag);
  check_choice_names(t, diag);
  if (diag.error_count() > errors_before) return std::nullopt;
  return t;
}

}  // namespace kovgen
