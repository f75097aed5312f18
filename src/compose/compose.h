#pragma once
// Compose: answers + checklist findings + a checked template -> the Markdown
// draft. Pure: no file or clock access.
#include <cstdint>
#include <optional>
#include <string>

#include "answers.h"
#include "checklist.h"
#include "folded_body.h"
#include "german_format.h"
#include "questionnaire.h"
#include "representations.h"

namespace kovgen {

// Which of a question's representations (docs/template-format.md) some tag of the
// template reaches; the composer builds only those. A records question has one
// entry per field.
struct LoadedTemplate {
  Template questionnaire;
  FoldedBody body;  // the Mustache text with partials expanded and checked, folded
  // Per section and question, what the body's tags reach; left empty, every
  // representation is built.
  std::vector<std::vector<VariantUse>> variant_use;
};

// The variant use per section and question, from the context paths that
// check_and_expand_template found the tags reaching.
std::vector<std::vector<VariantUse>> variant_use(const Template& t, const std::vector<std::string>& used_names);

struct ComposeOptions {
  // The "Stand" date when the answers give none (meta.stand): from SOURCE_DATE_EPOCH.
  std::optional<Date> stand_fallback;
};

// What an unanswered question shows where its answer would be: "[offen: Label]".
std::string open_placeholder(const std::string& label);

std::string compose_markdown(const LoadedTemplate& t, const Answers& answers,
                             const Findings& findings, const ComposeOptions& options);

// The Markdown flag of one incomplete section ("" when complete).
std::string section_flag_markdown(const SectionFinding& s);
// The alert at the top ("" when every section is complete).
std::string checklist_summary_markdown(const Findings& f);
// The appendix table of every section with its status.
std::string checklist_table_markdown(const Findings& f);

// Numbers "## § Titel" headings and "(#) " paragraphs, and tidies blank lines.
std::string number_paragraphs(const std::string& markdown);

}  // namespace kovgen
