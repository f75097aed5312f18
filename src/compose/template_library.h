#pragma once
// Where templates and fragments live, and loading one template through a Disk.
#include <optional>
#include <string>
#include <vector>

#include "compose.h"
#include "diagnostics.h"
#include "disk.h"

namespace kovgen {

struct TemplateLibrary {
  std::string templates_dir;  // holds <id>/template.yaml
  std::string fragments_dir;  // holds <name>.md.mustache
  // A user's own template folders (kovgen --vorlagen DIR), each laid out like
  // templates_dir and searched before it, in order: an own template of the same
  // id replaces the shipped one. Their partials come from the template's own
  // folder, else from fragments_dir.
  std::vector<std::string> own_templates_dirs = {};
};

// Template ids (folder names with a template.yaml) of all the library's folders,
// sorted, each once.
std::vector<std::string> list_template_ids(Disk& disk, const TemplateLibrary& lib);

// Reads, parses and checks a template with its fragments. Reports every problem.
std::optional<LoadedTemplate> load_template(Disk& disk, const TemplateLibrary& lib, const std::string& id,
                                            Diagnostics& diag);

}  // namespace kovgen
