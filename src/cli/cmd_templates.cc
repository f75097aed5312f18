// kovgen templates: the available templates with their titles.
#include <cstdio>

#include "args.h"
#include "command.h"
#include "i18n.h"
#include "process_environment.h"
#include "pipeline.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen templates [--verbose]\n\n"
    "Lists the agreement templates: id, title and number of checklist sections.\n"
    "With --verbose, also every section and whether it is mandatory.\n"
    "Templates are read from $KOVGEN_TEMPLATES if set.\n\n");

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--verbose", "-v", false}});
  if (!args.error().empty()) return usage_error("templates", args.error());
  if (!args.positionals().empty())
    return usage_error("templates", fill(tr("unexpected argument {}"), {quoted_value(args.positionals()[0])}));
  TemplateCache cache(real_disk(), template_library_from_environment());
  Diagnostics diag;
  const std::vector<std::string> ids = list_template_ids(cache.disk(), cache.library());
  if (ids.empty()) {
    // An empty list would look like success to a script and to the IT setting it up.
    diag.error({}, fill(tr("no templates in {} (a folder per template with a template.yaml; set KOVGEN_TEMPLATES "
                           "to the folder)"),
                        {cache.library().templates_dir}));
    std::fputs(diag.to_string().c_str(), stderr);
    return kExitInvalidInput;
  }
  for (const auto& id : ids) {
    auto t = cache.get(id, diag);
    if (!t) continue;
    const Template& q = t->questionnaire;
    const std::string count =
        fill(tr_n("{} section", "{} sections", q.sections.size()), {std::to_string(q.sections.size())});
    std::printf("%-20s %s (%s)\n", id.c_str(), q.title.c_str(), count.c_str());
    if (!args.has("--verbose")) continue;
    for (const auto& s : q.sections) {
      const std::string step = fill(tr("step {}"), {std::to_string(s.step)});
      std::printf("    %-24s %-10s %-10s %s\n", s.id.c_str(), step.c_str(),
                  s.mandatory ? tr("mandatory") : tr("recommended"), s.title.c_str());
    }
  }
  std::fputs(diag.to_string().c_str(), stderr);
  return diag.has_errors() ? kExitInvalidInput : kExitOk;
}

CommandRegistration registration({"templates", N_("list the agreement templates"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
