// Answers parsing and validation, and the checklist: any bytes as an answers file
// (YAML or JSON) for the real templates.
#include <cstddef>
#include <cstdint>

#include "checklist.h"
#include "checklist_table.h"
#include "fuzz_support.h"
#include "report_json.h"

using namespace kovgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Diagnostics diag;
  auto loaded = load_answers(text, "fuzz.yaml", "", fuzz::template_cache(), diag);
  fuzz::require_messages(diag);
  if (!loaded) {
    fuzz::require(diag.has_errors(), "answers refused without an error");
    return 0;
  }
  fuzz::require(!diag.has_errors(), "answers accepted despite errors");
  const Findings findings = evaluate_checklist(loaded->tmpl->questionnaire, loaded->answers);
  checklist_line(findings);
  findings_to_json(findings, "fuzz.yaml");
  return 0;
}
