#include "template_library.h"

#include <algorithm>
#include <filesystem>

#include "file_io.h"
#include "i18n.h"
#include "template_check.h"
#include "text_match.h"

namespace kovgen {

namespace fs = std::filesystem;

std::vector<std::string> list_template_ids(const TemplateLibrary& lib) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(lib.templates_dir, ec))
    if (entry.is_directory() && fs::exists(entry.path() / "template.yaml"))
      ids.push_back(entry.path().filename().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::optional<LoadedTemplate> load_template(const TemplateLibrary& lib, const std::string& id,
                                            Diagnostics& diag) {
  const std::vector<std::string> known = list_template_ids(lib);
  if (std::find(known.begin(), known.end(), id) == known.end()) {
    const std::string n = nearest(id, known);
    const std::string message =
        n.empty() ? fill(tr("unknown template \"{}\" (run 'kovgen templates' to list them)"), {id})
                  : fill(tr("unknown template \"{}\"; did you mean \"{}\"? (run 'kovgen templates' to list them)"),
                         {id, n});
    diag.error({}, message);
    return std::nullopt;
  }
  const std::string dir = lib.templates_dir + "/" + id;
  const std::string yaml_file = dir + "/template.yaml";
  auto yaml_text = read_file(yaml_file, diag);
  if (!yaml_text) return std::nullopt;
  auto questionnaire = parse_template(*yaml_text, yaml_file, dir, diag);
  if (!questionnaire) return std::nullopt;
  auto body = read_file(questionnaire->body_file, diag);
  if (!body) return std::nullopt;

  PartialSource partials = [&](const std::string& name, std::string* path) -> std::optional<std::string> {
    if (name.find('/') != std::string::npos || name.find("..") != std::string::npos) return std::nullopt;
    for (const std::string& candidate :
         {dir + "/" + name + ".md.mustache", lib.fragments_dir + "/" + name + ".md.mustache"}) {
      if (!fs::exists(candidate)) continue;
      *path = candidate;
      Diagnostics ignored;
      return read_file(candidate, ignored);
    }
    return std::nullopt;
  };
  std::vector<std::string> used_names;
  auto expanded =
      check_and_expand_template(*questionnaire, *body, questionnaire->body_file, partials, diag, &used_names);
  if (!expanded) return std::nullopt;
  auto use = variant_use(*questionnaire, used_names);
  return LoadedTemplate{std::move(*questionnaire), fold_literal_text(*expanded), std::move(use)};
}


}  // namespace kovgen
