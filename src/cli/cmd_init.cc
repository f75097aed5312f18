// kovgen init: an answer skeleton to fill in by hand.
#include <cstdio>
#include <filesystem>

#include "args.h"
#include "cli_support.h"
#include "command.h"
#include "i18n.h"
#include "process_environment.h"
#include "report_json.h"
#include "skeleton.h"
#include "yaml_dom.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen init --template NAME [-o ANSWERS.yaml|.json] [--force]\n\n"
    "Writes an answer file to fill in by hand: every question of the template,\n"
    "grouped by development step and checklist section, with its German label,\n"
    "help text, type, whether it is required, the allowed choices and an example\n"
    "as comments, and an empty value. Without -o, it goes to standard output.\n"
    "A FILE ending in .json gets the same keys as JSON, which cannot hold the\n"
    "comments ('kovgen questions' prints them).\n"
    "An existing file is never overwritten unless --force is given.\n\n"
    "Options:\n"
    "  -t, --template NAME   template to use (see 'kovgen templates')\n"
    "  -o, --output FILE     write to FILE instead of standard output\n"
    "      --force           overwrite FILE if it exists\n"
    "  -q, --quiet           do not list the file written\n\n");

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The skeleton's tree as JSON. Its values are empty (null), the template's name,
// or plain defaults, which stay strings: the answers reader reads JSON as YAML,
// and a quoted value is read like the plain one.
void append_json(std::string& out, const YamlNode& node, int depth) {
  const std::string indent(2 * (depth + 1), ' ');
  switch (node.kind) {
    case YamlNode::Kind::null:
      out += "null";
      return;
    case YamlNode::Kind::scalar:
      out += json_string(node.scalar);
      return;
    case YamlNode::Kind::sequence:
    case YamlNode::Kind::mapping: {
      const bool mapping = node.is_mapping();
      if (node.items.empty()) {
        out += mapping ? "{}" : "[]";
        return;
      }
      out += mapping ? "{\n" : "[\n";
      for (size_t i = 0; i < node.items.size(); i += mapping ? 2 : 1) {
        out += indent;
        if (mapping) {
          out += json_string(node.items[i].scalar);
          out += ": ";
        }
        append_json(out, node.items[i + (mapping ? 1 : 0)], depth + 1);
        out += i + (mapping ? 2 : 1) < node.items.size() ? ",\n" : "\n";
      }
      out += std::string(2 * depth, ' ') + (mapping ? "}" : "]");
      return;
    }
  }
}

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--template", "-t"}, {"--output", "-o"}, {"--force", "", false}, {"--quiet", "-q", false}});
  if (!args.error().empty()) return usage_error("init", args.error());
  if (!args.positionals().empty()) return usage_error("init", tr("takes no arguments; name the output file with -o FILE"));
  if (!args.has("--template")) return usage_error("init", tr("which template? Name it with --template NAME"));

  TemplateCache cache(real_disk(), template_library_from_environment());
  auto t = load_named_template(cache, args.get("--template"));
  if (!t) return kExitInvalidInput;
  const std::string path = args.get("--output");
  if (!path.empty() && path != "-" && std::filesystem::exists(path) && !args.has("--force")) {
    std::fprintf(stderr, "%s\n",
                 fill(tr("kovgen init: {} exists and was not overwritten. To replace it, add --force."), {path}).c_str());
    return kExitOutputError;
  }
  std::string text = answer_skeleton(t->questionnaire);
  const bool json = ends_with(path, ".json") || ends_with(path, ".JSON");
  if (json) {
    Diagnostics diag;
    auto tree = parse_yaml(text, path, diag);
    if (!tree) {  // the skeleton is ours; this would be a bug in it
      std::fputs(diag.to_string().c_str(), stderr);
      return kExitInvalidInput;
    }
    text.clear();
    append_json(text, *tree, 0);
    text += '\n';
  }
  if (int rc = write_output(path, text); rc != kExitOk || path.empty() || path == "-") return rc;
  if (json)
    std::fprintf(stderr, "%s\n",
                 fill(tr("{}: JSON cannot hold comments, so the questions' labels and help texts are not in this "
                         "file. 'kovgen questions -t {}' prints them; an answers file ending in .yaml keeps them "
                         "as comments."),
                      {path, t->questionnaire.id})
                     .c_str());
  std::fprintf(stderr, "%s\n",
               fill(tr("{}: answers file for \"{}\" created. Fill it in, then run: kovgen check {}"),
                    {path, t->questionnaire.title, path})
                   .c_str());
  if (!args.has("--quiet")) report_written(path, text.size());
  return kExitOk;
}

CommandRegistration registration({"init", N_("write an answer file to fill in by hand"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
