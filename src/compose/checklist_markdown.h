#pragma once
// The checklist as the draft shows it: a box per incomplete section, the box at the
// top and the appendix table. Sections are named as the draft heads them („§ 10
// Personal“), so compose fills the findings' headings before it asks for these.
#include <string>

#include "checklist.h"

namespace kovgen {

// The box of one incomplete section ("" when complete): CAUTION for a mandatory
// section (it keeps the draft from being signed), WARNING for a recommended one.
std::string section_flag_markdown(const SectionFinding& s);

// The box at the top of a draft: CAUTION with what keeps it from being ready to
// sign; NOTE when it is ready but marked as a draft on request (--draft).
std::string checklist_summary_markdown(const Findings& f);

// The appendix table of every section with its status, after a line for machines
// ("<!-- kovgen:checklist draft … -->", read back by convert).
std::string checklist_table_markdown(const Findings& f, bool draft);

}  // namespace kovgen
