// kovgen import: the answers of a filled-in Word form (kovgen questions -o x.docx)
// as an answers file, or merged into one.
#include <cstdio>

#include "answer_yaml.h"
#include "args.h"
#include "cli_support.h"
#include "command.h"
#include "docx_form.h"
#include "docx_reader.h"
#include "i18n.h"
#include "pipeline.h"
#include "process_environment.h"
#include "questionnaire_form.h"

namespace kovgen::cli {
namespace {

const char* const kUsage = N_(
    "Usage: kovgen import FRAGEBOGEN.docx [-o ANSWERS.yaml] [--in EXISTING.yaml]\n\n"
    "Reads the answers from a questionnaire form that partners filled in with Word\n"
    "or LibreOffice (made by 'kovgen questions -o FRAGEBOGEN.docx'), checks every\n"
    "value as an answers file is checked and writes them as YAML. With --in, the\n"
    "answers are merged into an existing answers file: the form's values win, and\n"
    "every value that differs from the existing one is listed. Without -o, the\n"
    "YAML goes to standard output. Nothing is written if the form has errors.\n\n"
    "Options:\n"
    "  -o, --output FILE   write the answers to FILE\n"
    "      --in FILE       merge into the answers in FILE (comments are kept)\n"
    "  -q, --quiet         no line about the written file\n\n");

// The form's controls, read within the limits of docs/limits.md.
std::optional<std::vector<FormEntry>> read_form(const std::string& path, Diagnostics& diag) {
  auto bytes = real_disk().read_input(path, diag);
  if (!bytes) return std::nullopt;
  auto parts = read_zip(*bytes, path, diag);
  if (!parts || !check_no_external_relationships(*parts, path, diag)) return std::nullopt;
  return read_form_entries(*parts, path, diag);
}

int fail(const Diagnostics& diag) {
  std::fputs(diag.to_string().c_str(), stderr);
  return kExitInvalidInput;
}

int run(const std::vector<std::string>& argv) {
  Args args(argv, {{"--output", "-o"}, {"--in"}, {"--quiet", "-q", false}});
  if (!args.error().empty()) return usage_error("import", args.error());
  if (args.positionals().size() != 1) return usage_error("import", tr("expects one form, a .docx file"));
  const std::string path = args.positionals()[0];
  Diagnostics diag;
  auto entries = read_form(path, diag);
  if (!entries) return fail(diag);
  const std::string template_id = form_template_id(*entries);
  if (template_id.empty()) {
    diag.error({path}, tr("this is not a kovgen questionnaire form: it lacks the field naming the template. Make "
                          "forms with \u201Ekovgen questions -t TEMPLATE -o FRAGEBOGEN.docx\u201C"));
    return fail(diag);
  }
  TemplateCache cache(real_disk(), template_library_from_environment());
  auto loaded = load_named_template(cache, template_id);
  if (!loaded) return kExitInvalidInput;
  const Template& t = loaded->questionnaire;
  Answers imported = answers_from_form(*entries, t, path, diag);
  if (diag.has_errors()) return fail(diag);

  std::string text = "vorlage: " + template_id + "\n";  // the key every answers file starts with
  std::optional<LoadedAnswers> existing;
  if (args.has("--in")) {
    auto existing_text = real_disk().read_input(args.get("--in"), diag);
    if (existing_text) existing = load_answers(*existing_text, args.get("--in"), template_id, cache, diag);
    if (!existing) return fail(diag);
    text = *existing_text;
  }
  for (const Section& s : t.sections)
    for (const Question& q : s.questions) {
      const Value* v = imported.find(q.full_key);
      if (!v) continue;
      if (existing) {
        const Value* old = existing->answers.find(q.full_key);
        if (old && old->canonical() != v->canonical()) {
          diag.warning({args.get("--in")}, fill(tr("{}: the form says {}, the file said {}; the form's value is taken"),
                                                {describe(q), quoted_value(v->display()), quoted_value(old->display())}));
        }
      }
      std::string error;
      auto updated = set_answer_in_yaml(text, t, q, v, &error);
      if (!updated) {
        diag.error({args.has("--in") ? args.get("--in") : path}, error);
        return fail(diag);
      }
      text = std::move(*updated);
    }
  std::fputs(diag.to_string().c_str(), stderr);  // warnings and conflicts
  if (!args.has("--quiet"))
    std::fprintf(stderr, "%s\n",
                 fill(tr_n("{} answer read from the form", "{} answers read from the form", imported.values.size()),
                      {std::to_string(imported.values.size())})
                     .c_str());
  return write_output(args.get("--output"), text, args.has("--quiet") || !args.has("--output"));
}

CommandRegistration registration({"import", N_("read the answers from a filled-in Word form"), kUsage, run});

}  // namespace
}  // namespace kovgen::cli
