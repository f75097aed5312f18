#pragma once
// The Nachtrag (Änderungsvereinbarung): the changes between two versions of an
// agreement as amendment instructions in German drafting style, with the
// parties, a Präambel naming the original agreement, Inkrafttreten and the
// signature blocks of the new version.
#include <string>
#include <vector>

#include "agreement_diff.h"

namespace kovgen::diff {

struct NachtragOptions {
  int number = 1;                  // "Erster Nachtrag", "Zweiter Nachtrag", ...
  std::string original_date;       // "30. März 2026"; empty: a placeholder to fill in
  std::string effective_date;      // "1. August 2027"; empty: a placeholder to fill in
};

// "Erster", "Zweiter", ... "Zwölfter"; beyond that "13."
std::string nachtrag_ordinal(int number);

// One amendment instruction: its sentence and, for wording that is replaced or
// inserted, the new wording as Markdown blocks.
struct Instruction {
  std::string sentence;
  std::vector<std::string> wording;
};

// The instructions for every change, in the order of the agreement.
std::vector<Instruction> amendment_instructions(const AgreementDiff& diff);

// The whole Nachtrag as kovgen Markdown (German: it is a document, whatever the
// language of kovgen's messages).
std::string nachtrag_markdown(const AgreementDiff& diff, const NachtragOptions& options);

}  // namespace kovgen::diff
