#include "template_library.h"

#include <algorithm>

#include "annex_tables.h"
#include "i18n.h"
#include "template_check.h"
#include "text_match.h"

namespace kovgen {

namespace {

// The library's template folders, in the order an id is looked up.
std::vector<std::string> template_folders(const TemplateLibrary& lib) {
  std::vector<std::string> folders = lib.own_templates_dirs;
  folders.push_back(lib.templates_dir);
  return folders;
}

bool holds_template(Disk& disk, const std::string& folder, const std::string& id) {
  return disk.is_file(folder + "/" + id + "/template.yaml");
}

}  // namespace

std::vector<std::string> list_template_ids(Disk& disk, const TemplateLibrary& lib) {
  std::vector<std::string> ids;
  for (const std::string& folder : template_folders(lib))
    for (const std::string& name : disk.list_folders(folder))
      if (holds_template(disk, folder, name)) ids.push_back(name);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::optional<LoadedTemplate> load_template(Disk& disk, const TemplateLibrary& lib, const std::string& id,
                                            Diagnostics& diag) {
  const std::vector<std::string> known = list_template_ids(disk, lib);
  if (std::find(known.begin(), known.end(), id) == known.end()) {
    const std::string n = nearest(id, known);
    const std::string message =
        n.empty() ? fill(tr("unknown template \"{}\" (run 'kovgen templates' to list them)"), {id})
                  : fill(tr("unknown template \"{}\"; did you mean \"{}\"? (run 'kovgen templates' to list them)"),
                         {id, n});
    diag.error({}, message);
    return std::nullopt;
  }
  std::string dir;
  for (const std::string& folder : template_folders(lib))
    if (dir.empty() && holds_template(disk, folder, id)) dir = folder + "/" + id;
  const std::string yaml_file = dir + "/template.yaml";
  auto yaml_text = disk.read_input(yaml_file, diag);
  if (!yaml_text) return std::nullopt;
  auto questionnaire = parse_template(*yaml_text, yaml_file, dir, diag);
  if (!questionnaire) return std::nullopt;
  auto body = disk.read_input(questionnaire->body_file, diag);
  if (!body) return std::nullopt;

  PartialSource partials = [&](const std::string& name, std::string* path) -> std::optional<std::string> {
    if (name.find('/') != std::string::npos || name.find("..") != std::string::npos) return std::nullopt;
    if (name == kAnnexesPartial) {
      // Declared in template.yaml rather than written: each annex's page break,
      // heading and body.
      *path = yaml_file;
      return annexes_partial_text(*questionnaire);
    }
    for (const std::string& candidate :
         {dir + "/" + name + ".md.mustache", lib.fragments_dir + "/" + name + ".md.mustache"}) {
      if (!disk.is_file(candidate)) continue;
      *path = candidate;
      return disk.read(candidate);
    }
    return std::nullopt;
  };
  TemplateChecker checker(*questionnaire, partials);
  std::vector<std::string> used_names;
  auto expanded = checker.check_and_expand(*body, questionnaire->body_file, diag, &used_names);
  if (!expanded) return std::nullopt;
  std::optional<FoldedBody> council_paper;
  if (const std::string& file = questionnaire->council_paper_file; !file.empty()) {
    auto paper = disk.read_input(file, diag);
    if (!paper) return std::nullopt;
    std::vector<std::string> paper_names;
    auto paper_expanded = checker.check_and_expand(*paper, file, diag, &paper_names, false);
    if (!paper_expanded) return std::nullopt;
    // One context serves both documents: it holds what either of them reaches.
    used_names.insert(used_names.end(), paper_names.begin(), paper_names.end());
    std::sort(used_names.begin(), used_names.end());
    council_paper = fold_literal_text(*paper_expanded);
  }
  std::vector<FoldedBody> annex_bodies;
  for (const AnnexDeclaration& a : questionnaire->annexes) {
    auto alone =
        checker.check_and_expand(annexes_partial_text(*questionnaire, a.number), yaml_file, diag, nullptr, false);
    if (!alone) return std::nullopt;
    annex_bodies.push_back(fold_literal_text(*alone));
  }
  auto use = variant_use(*questionnaire, used_names);
  return LoadedTemplate{std::move(*questionnaire), fold_literal_text(*expanded), std::move(use), std::move(council_paper),
                        std::move(annex_bodies)};
}


}  // namespace kovgen
