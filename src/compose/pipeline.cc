#include "pipeline.h"

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
  if (!check_utf8(text, file, diag)) return std::nullopt;
  auto root = parse_yaml(text, file, diag);
  if (!root) return std::nullopt;
  const std::string named_in_file = template_id_in(*root);
  if (!template_override.empty() && !named_in_file.empty() && named_in_file != template_override) {
    // Read against the wrong template, every answer would be an "unknown key".
    const YamlNode* named = root->find(kTemplateKeyName);
    diag.error(named ? named->location(file) : Location{file, 1, 1},
               "the file is for template \"" + named_in_file + "\", not \"" + template_override +
                   "\" (--template); leave out --template or change \"vorlage:\"");
    return std::nullopt;
  }
  std::string id = template_override.empty() ? named_in_file : template_override;
  if (id.empty()) {
    diag.error({file, 1, 1}, "which template? Name it in the file (\"vorlage: ogs\") or pass --template");
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
  Draft d;
  d.findings = evaluate_checklist(t.questionnaire, answers);
  d.markdown = compose_markdown(t, answers, d.findings, options);
  return d;
}


}  // namespace kovgen
