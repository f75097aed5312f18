#pragma once
// kovgen vorlage --vorher ALT.yaml: the previous agreement compared with the
// new one (src/diff), for the Beschlussvorlage's Sachverhalt and its Synopse.
#include <optional>
#include <string>

#include "compose.h"
#include "pipeline.h"

namespace kovgen::cli {

struct PreviousAgreement {
  std::string changes;  // Markdown for the Sachverhalt
  std::string synopse;  // the Synopse's Markdown; empty when no wording changed
};

// Renders the previous answers with the current answers' template and both as
// agreements without checklist; nullopt after reporting errors in diag.
std::optional<PreviousAgreement> compare_with_previous(const std::string& previous_path, const LoadedAnswers& current,
                                                       TemplateCache& cache, const ComposeOptions& options,
                                                       Diagnostics& diag);

}  // namespace kovgen::cli
