#pragma once
// The Synopse: the old and the new wording side by side („Bisherige Fassung |
// Neue Fassung“), one table per changed section with a row per changed
// paragraph, list item or table row, the unchanged ones summarised. What the
// Schulausschuss reads next to a Nachtrag.
#include <string>
#include <vector>

#include "agreement_diff.h"

namespace kovgen::diff {

// The sections whose wording changed, by their new names („§ 1“, „Präambel“,
// „Standort- und Platzübersicht“), in the order of the agreement. A new date of
// the draft, checklist notes and the signature blocks are no wording.
std::vector<std::string> changed_section_names(const AgreementDiff& diff);

// „§ 1“, „§ 1 und § 13“, „§ 1, § 4 und § 13“: names joined as German lists them.
std::string german_list(const std::vector<std::string>& names);

// The whole Synopse as kovgen Markdown (German: a document). Changed words are
// ~~struck~~ in the old wording and **bold** in the new one; the agreement's own
// bold is dropped, so that bold means new. Empty when no wording changed.
std::string synopse_markdown(const AgreementDiff& diff);

}  // namespace kovgen::diff
