#pragma once
// Two rendered versions of an agreement compared as a lawyer reads them: first
// by section (§), then within a section by paragraph, list item and table row,
// then within a changed block by words.
#include <string>
#include <string_view>
#include <vector>

#include "agreement_blocks.h"
#include "word_diff.h"

namespace kovgen::diff {

enum class Change { same, added, removed, changed };

struct BlockChange {
  Change change = Change::same;
  const Block* before = nullptr;  // set unless added
  const Block* after = nullptr;   // set unless removed
  std::vector<Piece> words;       // for changed: the word edits
};

struct SectionChange {
  Change change = Change::same;
  const Section* before = nullptr;  // set unless added
  const Section* after = nullptr;   // set unless removed
  std::vector<BlockChange> blocks;  // in reading order, removed before added
  // Same words, only the § number differs (a section before it was added or removed).
  bool renumbered() const;
};

class AgreementDiff {
 public:
  // Keeps copies of both texts' sections; the changes point into them.
  AgreementDiff(std::string_view before, std::string_view after);
  AgreementDiff(const AgreementDiff&) = delete;
  AgreementDiff& operator=(const AgreementDiff&) = delete;

  const std::vector<SectionChange>& sections() const { return changes_; }
  bool has_changes() const;

  // The same comparison of the texts without their strong emphasis ("**"), for
  // outputs in which bold means new wording: sections and blocks stay paired as
  // here, only changed blocks are compared again by words, and a block whose
  // change was its bold alone is the same.
  AgreementDiff without_bold() const { return AgreementDiff(*this, BoldDropped{}); }

 private:
  struct BoldDropped {};
  AgreementDiff(const AgreementDiff& source, BoldDropped);

  std::vector<Section> before_;
  std::vector<Section> after_;
  std::vector<SectionChange> changes_;
};

// "§ 3" or, for unnumbered sections, their title ("Präambel").
std::string section_name(const Section& s);

}  // namespace kovgen::diff
