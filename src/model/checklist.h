#pragma once
// The checklist: per section, whether every required question that applies is
// answered, and which items are missing (by key and German label); and the one
// verdict every front-end and output shares: whether the draft is ready to sign
// (unterschriftsreif).
#include <string>
#include <vector>

#include "answers.h"
#include "questionnaire.h"

namespace kovgen {

struct MissingItem {
  std::string key;    // full key, e.g. "finanzierung.eigenanteil_je_platz"
  std::string label;  // German noun phrase; for table fields "Gremien (Eintrag 2): Datum"
};

struct SectionFinding {
  std::string id;
  std::string title;    // the questionnaire's section title
  // Where the agreement deals with it, as the rendered draft heads it („§ 10 Personal“);
  // empty until the draft is composed.
  std::string heading;
  int step = 0;
  bool mandatory = false;
  bool complete = true;  // this section alone; the document's verdict is ready_to_sign()
  std::vector<MissingItem> missing;

  // The heading when known, else the title: how people are told about the section.
  const std::string& name() const { return heading.empty() ? title : heading; }
};

struct Findings {
  std::string template_id;
  std::string template_title;
  // In questionnaire order; once the draft is composed, in the document's order.
  std::vector<SectionFinding> sections;
  // The placeholders („[offen: …]“) left in the composed draft, in document order.
  std::vector<std::string> placeholders;
  // The draft's "Stand" date as the status line shows it ("" until composed).
  std::string stand;

  int complete_count() const;
  int mandatory_missing_count() const;
  int recommended_missing_count() const;
  const SectionFinding* find(const std::string& id) const;
};

// The one meaning of "complete": a draft is ready to sign (unterschriftsreif) when
// every mandatory section is complete and no placeholder is left in it. Missing
// recommended sections are listed but do not block. check's exit code, render
// --strict, the ENTWURF watermark, the status line, the report and batch's
// summary all ask this.
bool is_ready_to_sign(const Findings& f);

// The questions' answers against the questionnaire. placeholders, stand and the
// headings stay empty: composing the draft fills them (compose_markdown).
Findings evaluate_checklist(const Template& t, const Answers& answers);

// How a question is named in lists of what is missing: its noun phrase
// (noun_label in template.yaml) when it has one, else its label.
const std::string& missing_label(const Question& q);

}  // namespace kovgen
