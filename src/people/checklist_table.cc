#include "checklist_table.h"

#include <algorithm>

#include "german_format.h"
#include "i18n.h"
#include "questionnaire_text.h"

namespace kovgen {

namespace {

constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kRed = "\x1b[31m";
constexpr const char* kYellow = "\x1b[33m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

std::string padded(const std::string& s, size_t width) {
  const size_t w = display_width(s);
  return s + std::string(w < width ? width - w : 0, ' ');
}

std::string missing_text(const SectionFinding& s) {
  if (s.missing.empty()) return "\u2013";
  std::string text;
  for (const auto& m : s.missing) text += (text.empty() ? "" : ", ") + m.label;
  return text;
}

}  // namespace

std::string checklist_table_text(const Findings& f, const TableStyle& style) {
  const std::vector<std::string> head = {tr("Section"), tr("Step"), tr("Kind"), tr("Status")};
  std::vector<std::vector<std::string>> rows;
  for (const SectionFinding& s : f.sections)
    rows.push_back({s.name(), std::to_string(s.step), s.mandatory ? tr("mandatory") : tr("recommended"),
                    s.complete ? tr("complete") : tr("incomplete")});
  std::vector<size_t> widths;
  for (size_t c = 0; c < head.size(); ++c) {
    size_t w = display_width(head[c]);
    for (const auto& r : rows) w = std::max(w, display_width(r[c]));
    widths.push_back(w);
  }
  size_t indent = 0;  // where the last column starts
  for (size_t w : widths) indent += w + 2;

  auto colored = [&](const std::string& text, const char* code) {
    return style.color ? code + text + kReset : text;
  };
  std::string out;
  std::string line;
  for (size_t c = 0; c < head.size(); ++c) line += padded(head[c], widths[c] + 2);
  out += colored(line + tr("Missing"), kBold) + "\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    const SectionFinding& s = f.sections[i];
    line.clear();
    for (size_t c = 0; c + 1 < head.size(); ++c) line += padded(rows[i][c], widths[c] + 2);
    const char* code = s.complete ? kGreen : s.mandatory ? kRed : kYellow;
    line += colored(rows[i].back(), code) + padded("", widths.back() + 2 - display_width(rows[i].back()));
    const std::string missing = missing_text(s);
    std::vector<std::string> parts{missing};
    if (style.width > indent + 20) parts = wrap_text(missing, style.width - indent);
    for (size_t p = 0; p < parts.size(); ++p)
      out += (p == 0 ? line : std::string(indent, ' ')) + parts[p] + "\n";
  }
  return out;
}

std::string checklist_line(const Findings& f) {
  std::string line = fill(tr("Checklist: {} of {} sections complete"),
                          {std::to_string(f.complete_count()), std::to_string(f.sections.size())});
  std::vector<std::string> missing;
  for (const auto& s : f.sections)
    if (!s.complete) missing.push_back(fill(tr("“{}”"), {s.name()}));
  if (missing.empty()) return line;
  return fill(tr("{} – missing: {}"), {line, join_german(missing, tr("and"))});
}

std::string readiness_line(const Findings& f) {
  if (is_ready_to_sign(f)) {
    if (f.recommended_missing_count() == 0) return tr("Ready to sign (final version): every section is complete.");
    return fill(tr_n("Ready to sign (final version); {} recommended section is not filled in, which does not block signing.",
                     "Ready to sign (final version); {} recommended sections are not filled in, which does not block signing.",
                     f.recommended_missing_count()),
                {std::to_string(f.recommended_missing_count())});
  }
  std::vector<std::string> reasons;
  if (f.mandatory_missing_count() > 0)
    reasons.push_back(fill(tr_n("{} mandatory section is incomplete", "{} mandatory sections are incomplete",
                                f.mandatory_missing_count()),
                           {std::to_string(f.mandatory_missing_count())}));
  if (!f.placeholders.empty())
    reasons.push_back(fill(tr_n("{} placeholder “[offen: …]” is left in the text", "{} placeholders “[offen: …]” are left in the text",
                                f.placeholders.size()),
                           {std::to_string(f.placeholders.size())}));
  return fill(tr("Draft, not yet ready to sign: {}."), {join_german(reasons, tr("and"))});
}

}  // namespace kovgen
