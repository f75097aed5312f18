#pragma once
// The checklist: per section, whether every required question that applies is
// answered, and which items are missing (by key and German label).
#include <string>
#include <vector>

#include "answers.h"
#include "questionnaire.h"

namespace kovgen {

struct MissingItem {
  std::string key;    // full key, e.g. "finanzierung.eigenanteil_je_platz"
  std::string label;  // German label; for table fields "Gremien (Eintrag 2): Datum"
};

struct SectionFinding {
  std::string id;
  std::string title;
  int step = 0;
  bool mandatory = false;
  bool complete = true;
  std::vector<MissingItem> missing;
};

struct Findings {
  std::string template_id;
  std::string template_title;
  std::vector<SectionFinding> sections;  // in questionnaire order

  int complete_count() const;
  bool complete() const { return complete_count() == static_cast<int>(sections.size()); }
  bool mandatory_incomplete() const;
  const SectionFinding* find(const std::string& id) const;
};

Findings evaluate_checklist(const Template& t, const Answers& answers);

}  // namespace kovgen
