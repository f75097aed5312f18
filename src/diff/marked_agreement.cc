#include "marked_agreement.h"

#include "critic_markup.h"
#include "synopse.h"

// The summary is the document's own text, German like the agreement.
namespace kovgen::diff {

std::string marked_agreement_markdown(const AgreementDiff& comparison) {
  const AgreementDiff diff = comparison.without_bold();
  const auto changed = changed_section_names(diff);
  std::string md = "## Übersicht der Änderungen\n\n";
  md += changed.empty() ? std::string("Der Wortlaut der Vereinbarung ist unverändert.")
                        : "Gegenüber der bisherigen Fassung geändert: " + german_list(changed) + ".";
  md += " Neue Worte sind blau unterstrichen, entfallene Worte rot durchgestrichen; ein Strich am linken Rand "
        "kennzeichnet jede geänderte Zeile.\n\n---\n\n";
  MarkStyle style{"**", "**", "~~", "~~", false, "", ""};
  style.space_outside = true;
  return md + marked_markdown(diff, style);
}

}  // namespace kovgen::diff
