#include "pipeline.h"

#include "i18n.h"
#include "text_decoding.h"
#include "utf8.h"

namespace kovgen {

namespace {
constexpr const char* kTemplateKeyName = "vorlage";
}  // namespace

std::shared_ptr<const LoadedTemplate> TemplateCache::get(const std::string& id, Diagnostics& diag) {
  std::shared_ptr<Slot> slot;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    std::shared_ptr<Slot>& entry = slots_[id];
    if (!entry) entry = std::make_shared<Slot>();
    slot = entry;
  }
  std::lock_guard<std::mutex> loading(slot->loading);
  if (slot->loaded) return slot->loaded;
  auto t = load_template(disk_, lib_, id, diag);
  if (!t) {
    // Not kept: the next caller tries again and hears why, and ids that name no
    // template do not pile up.
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = slots_.find(id); it != slots_.end() && it->second == slot) slots_.erase(it);
    return nullptr;
  }
  slot->loaded = std::make_shared<const LoadedTemplate>(std::move(*t));
  return slot->loaded;
}

std::optional<LoadedAnswers> load_answers(const std::string& text, const std::string& file,
                                          const std::string& template_override,
                                          TemplateCache& cache, Diagnostics& diag) {
  // Where the answers' bytes become text: UTF-16 and Windows-1252 files are
  // converted and NFD (macOS) is composed, so "jährlich" matches its choice.
  auto decoded = decode_text(text, file, diag);
  if (!decoded) return std::nullopt;
  auto root = parse_yaml(decoded->text, file, diag);
  if (!root) return std::nullopt;
  const std::string named_in_file = template_id_in(*root);
  if (!template_override.empty() && !named_in_file.empty() && named_in_file != template_override) {
    // Read against the wrong template, every answer would be an "unknown key".
    const YamlNode* named = root->find(kTemplateKeyName);
    diag.error(named ? named->location(file) : Location{file, 1, 1},
               fill(tr("the file is for template \"{}\", not \"{}\" (--template); leave out --template or "
                       "change \"vorlage:\""),
                    {named_in_file, template_override}));
    return std::nullopt;
  }
  std::string id = template_override.empty() ? named_in_file : template_override;
  if (id.empty()) {
    diag.error({file, 1, 1}, tr("which template? Name it in the file (\"vorlage: ogs\") or pass --template"));
    return std::nullopt;
  }
  const int errors_before = diag.error_count();
  Diagnostics template_diag;
  auto t = cache.get(id, template_diag);
  if (!t) {
    // An unknown template has no place of its own: it is this file's "vorlage:".
    for (Diagnostic d : template_diag.items()) {
      if (d.where.file.empty() && template_override.empty())
        if (const YamlNode* named = root->find(kTemplateKeyName)) d.where = named->location(file);
      diag.add(std::move(d));
    }
    return std::nullopt;
  }
  Diagnostics found;
  Answers answers = read_answers(*root, t->questionnaire, file, found);
  found.sort_by_location();
  diag.append(found);
  if (diag.error_count() > errors_before) return std::nullopt;
  return LoadedAnswers{t, std::move(answers)};
}

std::optional<LoadedAnswers> load_answers_file(const std::string& path,
                                               const std::string& template_override,
                                               TemplateCache& cache, Diagnostics& diag) {
  auto text = cache.disk().read_input(path, diag);
  if (!text) return std::nullopt;
  return load_answers(*text, path, template_override, cache, diag);
}

Draft make_draft(const LoadedTemplate& t, const Answers& answers, const ComposeOptions& options) {
  // The Stand date that SOURCE_DATE_EPOCH gives a draft without meta.stand counts
  // as its answer, so the checklist does not call missing what the status line shows.
  const Question* stand = t.questionnaire.find_question("meta.stand");
  if (options.stand_fallback && stand && stand->type == QuestionType::date && !answers.find("meta.stand")) {
    Answers dated = answers;
    Value v;
    v.type = QuestionType::date;
    v.date = *options.stand_fallback;
    dated.values.emplace("meta.stand", std::move(v));
    return make_draft(t, dated, options);
  }
  Draft d;
  d.findings = evaluate_checklist(t.questionnaire, answers);
  d.markdown = compose_markdown(t, answers, d.findings, options);
  return d;
}


}  // namespace kovgen
