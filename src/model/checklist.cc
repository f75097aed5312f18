#include "checklist.h"

#include "i18n.h"

namespace kovgen {

namespace {

bool row_has(const std::vector<std::pair<std::string, Value>>& row, const std::string& key) {
  for (const auto& [k, v] : row)
    if (k == key) return true;
  return false;
}

}  // namespace

int Findings::complete_count() const {
  int n = 0;
  for (const auto& s : sections) n += s.complete ? 1 : 0;
  return n;
}

int Findings::mandatory_missing_count() const {
  int n = 0;
  for (const auto& s : sections) n += s.mandatory && !s.complete ? 1 : 0;
  return n;
}

int Findings::recommended_missing_count() const {
  int n = 0;
  for (const auto& s : sections) n += !s.mandatory && !s.complete ? 1 : 0;
  return n;
}

bool is_ready_to_sign(const Findings& f) { return f.mandatory_missing_count() == 0 && f.placeholders.empty(); }

const std::string& missing_label(const Question& q) { return q.noun_label.empty() ? q.label : q.noun_label; }

const SectionFinding* Findings::find(const std::string& id) const {
  for (const auto& s : sections)
    if (s.id == id) return &s;
  return nullptr;
}

Findings evaluate_checklist(const Template& t, const Answers& answers) {
  Findings f;
  f.template_id = t.id;
  f.template_title = t.title;
  for (const auto& section : t.sections) {
    SectionFinding sf;
    sf.id = section.id;
    sf.title = section.title;
    sf.step = section.step;
    sf.mandatory = section.mandatory;
    for (const auto& q : section.questions) {
      if (!answers.applies(q)) continue;
      const Value* v = answers.find(q.full_key);
      if (!v) {
        if (q.required) sf.missing.push_back({q.full_key, missing_label(q)});
        continue;
      }
      // A table row counts only when its required fields are filled in.
      for (size_t r = 0; r < v->rows.size(); ++r)
        for (const auto& field : q.fields)
          if (field.required && !row_has(v->rows[r], field.key))
            sf.missing.push_back({field.full_key, fill(tr("{} (entry {}): {}"), {missing_label(q), std::to_string(r + 1),
                                                                                 missing_label(field)})});
    }
    sf.complete = sf.missing.empty();
    f.sections.push_back(std::move(sf));
  }
  return f;
}

}  // namespace kovgen
