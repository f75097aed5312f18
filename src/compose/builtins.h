#pragma once
// What kovgen itself offers a template under "kovgen.": one row per name, with its
// kind and how its value is made. The template check (which names exist, of which
// kind) and the composer (what each holds) both read this one table, so a new
// built-in is one row here and one line in docs/template-format.md.
#include <string>
#include <utility>
#include <vector>

#include "answers.h"
#include "checklist.h"
#include "compose.h"

namespace kovgen {

enum class BuiltinKind {
  text,           // a string, inserted escaped
  flag,           // true or false, for {{#…}} sections
  markdown,       // Markdown, for {{{…}}}: checklist marks, computed Anlagen
  section_flags,  // one Markdown member per checklist section id
};

// Everything a built-in's value may depend on.
struct BuiltinInputs {
  const LoadedTemplate& t;
  const Answers& answers;
  const Findings& findings;
  const ComposeOptions& options;
  bool draft;  // the composer's current verdict: not ready to sign, or --draft
};

struct BuiltinValue {
  std::string text;                                          // text, markdown
  bool flag = false;                                         // flag
  std::vector<std::pair<std::string, std::string>> members;  // section_flags
};

struct Builtin {
  const char* name;
  BuiltinKind kind;
  BuiltinValue (*value)(const BuiltinInputs&);
};

const std::vector<Builtin>& kovgen_builtins();

// Where the checklist's boxes and table go: private-use marks (user text never
// contains them) that compose_markdown replaces once it knows the sections'
// headings and whether the draft is ready to sign. `what` is "summary", "table" or
// "flag:<section id>".
std::string checklist_mark(const std::string& what);
inline constexpr const char* kChecklistMarkOpen = "\uE010";
inline constexpr const char* kChecklistMarkClose = "\uE011";

// The draft's "Stand": meta.stand, else the fallback date, else a placeholder.
std::string stand_text(const Template& t, const Answers& answers, const ComposeOptions& options, bool short_form);

}  // namespace kovgen
