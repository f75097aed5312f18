// kovgen templates: the available templates with their titles.
#include <cstdio>

#include "args.h"
#include "command.h"
#include "process_environment.h"
#include "pipeline.h"

namespace kovgen::cli {
namespace {

const char* const kUsage =
    "Usage: kovgen templates [--verbose]\n\n"
    "Lists the agreement templates: id, title and number of checklist sections.\n"
    "With --verbose, also every section and whether it is mandatory.\n"
    "Templates are read from $KOVGEN_TEMPLATES if set.\n\n";

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--verbose", "-v", false}});
  if (args.help()) {
    std::printf("%s%s", kUsage, kExitCodeHelp);
    return kExitOk;
  }
  if (!args.error().empty()) return usage_error("templates", args.error());
  TemplateCache cache(real_disk(), template_library_from_environment());
  Diagnostics diag;
  const std::vector<std::string> ids = list_template_ids(cache.disk(), cache.library());
  if (ids.empty()) {
    // An empty list would look like success to a script and to the IT setting it up.
    diag.error({}, "no templates in " + cache.library().templates_dir +
                       " (a folder per template with a template.yaml; set KOVGEN_TEMPLATES to the folder)");
    std::fputs(diag.to_string().c_str(), stderr);
    return kExitInvalidInput;
  }
  for (const auto& id : ids) {
    auto t = cache.get(id, diag);
    if (!t) continue;
    const Template& q = t->questionnaire;
    std::printf("%-20s %s (%zu Abschnitte)\n", id.c_str(), q.title.c_str(), q.sections.size());
    if (!args.has("--verbose")) continue;
    for (const auto& s : q.sections)
      std::printf("    %-24s Schritt %d  %-9s %s\n", s.id.c_str(), s.step, s.mandatory ? "Pflicht" : "empfohlen",
                  s.title.c_str());
  }
  std::fputs(diag.to_string().c_str(), stderr);
  return diag.has_errors() ? kExitInvalidInput : kExitOk;
}

CommandRegistration registration({"templates", "list the agreement templates", kUsage, run});

}  // namespace
}  // namespace kovgen::cli
