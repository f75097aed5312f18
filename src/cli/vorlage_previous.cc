#include "vorlage_previous.h"

#include "agreement_diff.h"
#include "change_summary.h"
#include "synopse.h"

namespace kovgen::cli {

std::optional<PreviousAgreement> compare_with_previous(const std::string& previous_path, const LoadedAnswers& current,
                                                       TemplateCache& cache, const ComposeOptions& options,
                                                       Diagnostics& diag) {
  auto previous = load_answers_file(previous_path, current.tmpl->questionnaire.id, cache, diag);
  if (!previous || diag.has_errors()) return std::nullopt;
  ComposeOptions agreement = options;
  agreement.council_paper_for.clear();
  agreement.without_checklist = true;
  agreement.previous_changes.clear();
  const diff::AgreementDiff comparison(make_draft(*previous->tmpl, previous->answers, agreement).markdown,
                                       make_draft(*current.tmpl, current.answers, agreement).markdown);
  PreviousAgreement out{diff::change_summary_markdown(comparison), diff::synopse_markdown(comparison)};
  // The document's own words, German like the rest of the Vorlage.
  if (out.changes.empty())
    out.changes = "Der Wortlaut der Vereinbarung ist gegenüber der bisherigen Fassung unverändert.";
  return out;
}

}  // namespace kovgen::cli
