#pragma once
// The checklist as a text table for the terminal ("kovgen check"): one row per
// section (by its heading in the draft) with its step, kind, status and the missing items by German label.
#include <string>

#include "checklist.h"

namespace kovgen {

struct TableStyle {
  bool color = false;  // ANSI colours for the status (only on a terminal)
  size_t width = 0;    // wrap the missing items to this many columns; 0 = never wrap
};

std::string checklist_table_text(const Findings& f, const TableStyle& style);

// One line for the terminal: "Checkliste: 24 von 29 Abschnitten vollständig – es fehlen: …".
std::string checklist_line(const Findings& f);

// The verdict for the terminal: ready to sign or not, and why not. Only for
// findings of a composed draft (make_draft), which know the placeholders.
std::string readiness_line(const Findings& f);

}  // namespace kovgen
