#include "checklist_markdown.h"

#include "german_format.h"
#include "i18n.h"
#include "markdown_escape.h"

namespace kovgen {

namespace {

std::string quoted(const std::string& s) { return fill(tr("“{}”"), {escape_markdown(s)}); }

std::string labels_of(const std::vector<MissingItem>& items) {
  std::vector<std::string> labels;
  for (const auto& m : items) labels.push_back(escape_markdown(m.label));
  return join_german(labels, tr("and"));
}

std::string names_of(const Findings& f, bool mandatory) {
  std::vector<std::string> names;
  for (const auto& s : f.sections)
    if (!s.complete && s.mandatory == mandatory) names.push_back(quoted(s.name()));
  return join_german(names, tr("and"));
}

}  // namespace

std::string section_flag_markdown(const SectionFinding& s) {
  if (s.complete) return "";
  const std::string pattern =
      s.mandatory ? tr_n("**Mandatory section {} is incomplete.** Missing: {}.",
                         "**Mandatory section {} is incomplete.** Missing: {}.", s.missing.size())
                  : tr_n("**Recommended section {} is incomplete.** Missing: {}.",
                         "**Recommended section {} is incomplete.** Missing: {}.", s.missing.size());
  return std::string(s.mandatory ? "> [!CAUTION]\n> " : "> [!WARNING]\n> ") +
         fill(pattern, {quoted(s.name()), labels_of(s.missing)}) + "\n";
}

std::string checklist_summary_markdown(const Findings& f) {
  const int total = static_cast<int>(f.sections.size());
  const std::string count = fill(tr("{} of {} sections complete"), {std::to_string(f.complete_count()), std::to_string(total)});
  if (is_ready_to_sign(f)) {
    std::string out = "> [!NOTE]\n> " + fill(tr("**Draft (marked on request).** Checklist: {}; the draft is ready to sign."), {count});
    if (f.recommended_missing_count() > 0)
      out += "\\\n> " + fill(tr("Recommended sections not yet filled in (they do not block signing): {}."), {names_of(f, false)});
    return out + "\n";
  }
  std::vector<std::string> lines;
  lines.push_back(fill(tr("**Draft – not yet ready to sign.** Checklist: {}."), {count}));
  if (f.mandatory_missing_count() > 0)
    lines.push_back(fill(tr_n("Mandatory section incomplete: {}.", "Mandatory sections incomplete: {}.",
                              f.mandatory_missing_count()),
                         {names_of(f, true)}));
  if (!f.placeholders.empty())
    lines.push_back(fill(tr_n("{} placeholder is still in the text (highlighted).",
                              "{} placeholders are still in the text (highlighted).", f.placeholders.size()),
                         {std::to_string(f.placeholders.size())}));
  if (f.recommended_missing_count() > 0)
    lines.push_back(fill(tr("Recommended sections not yet filled in (they do not block signing): {}."), {names_of(f, false)}));
  lines.push_back(tr("Complete the answers file and render the draft again."));
  std::string out = "> [!CAUTION]\n";
  for (size_t i = 0; i < lines.size(); ++i) out += "> " + lines[i] + (i + 1 < lines.size() ? "\\\n" : "\n");
  return out;
}

std::string checklist_table_markdown(const Findings& f, bool draft) {
  // For machines (convert reads it back): whether the draft was ready, in words
  // that do not depend on the language the table is written in.
  std::string out = "<!-- kovgen:checklist " + std::string(draft ? "draft" : "final") +
                    " mandatory-missing=" + std::to_string(f.mandatory_missing_count()) +
                    " placeholders=" + std::to_string(f.placeholders.size()) + " -->\n\n";
  out += std::string("| ") + tr("Section") + " | " + tr("Kind") + " | " + tr("Status") + " | " + tr("Missing") +
         " |\n| --- | --- | --- | --- |\n";
  for (const auto& s : f.sections) {
    out += "| " + escape_markdown(s.name()) + " | " + (s.mandatory ? tr("mandatory") : tr("recommended")) + " | " +
           (s.complete ? std::string(tr("complete")) : std::string("**") + tr("incomplete") + "**") + " | " +
           (s.complete ? std::string("\u2013") : labels_of(s.missing)) + " |\n";
  }
  return out;
}

}  // namespace kovgen
