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
};

// Template ids (folder names with a template.yaml), sorted.
std::vector<std::string> list_template_ids(Disk& disk, const TemplateLibrary& lib);

// Reads, parses and checks a template with its fragments. Reports every problem.
std::optional<LoadedTemplate> load_template(Disk& disk, const TemplateLibrary& lib, const std::string& id,
                                            Diagnostics& diag);

}  // namespace kovgen
