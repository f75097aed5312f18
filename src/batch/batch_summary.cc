#include "batch_summary.h"

#include <algorithm>

#include "i18n.h"
#include "markdown_escape.h"

namespace kovgen {

namespace {

constexpr size_t kMaxMessagesPerRow = 20;
constexpr size_t kMaxLabelsPerRow = 10;  // the school's own draft lists every item

// summary.csv is read by spreadsheets and scripts: its header and status words
// stay the same whatever language the messages are in.
const char* status_text(SchoolStatus s) {
  switch (s) {
    case SchoolStatus::complete: return "unterschriftsreif";
    case SchoolStatus::incomplete: return "Entwurf";
    default: return "fehlerhaft";
  }
}

std::string csv_cell(std::string_view text) {
  const std::string cell = neutralize_formula(text);
  if (cell.find_first_of(";\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

// One line of user text in a table cell.
std::string cell_text(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return escape_markdown(text);
}

// The school-list columns that can supply a missing item: its key, except for a
// table, which batch fills only from columns naming its fields (batch_mapping.h);
// of those, the required ones, since they are what the checklist asks for.
std::string supplying_columns(const Template& t, const std::string& key) {
  const Question* q = t.find_question(key);
  if (!q || q->type != QuestionType::records || q->fields.empty()) return key;
  std::vector<std::string> columns;
  for (const auto& f : q->fields)
    if (f.required) columns.push_back(key + "." + f.key);
  if (columns.empty())
    for (const auto& f : q->fields) columns.push_back(key + "." + f.key);
  return join(columns, ", ");
}

std::string school_label(const std::string& id, const std::string& name) {
  if (id.empty()) return name;
  return name.empty() ? id : id + " " + name;
}

}  // namespace

std::string neutralize_formula(std::string_view cell) {
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos)
    return std::string("'").append(cell);
  return std::string(cell);
}

std::string BatchSummary::csv_header() {
  return "\xEF\xBB\xBF" "Zeile;Kennung;Schule;Status;Anzahl fehlender Abschnitte;Fehlende Abschnitte;"
         "Fehlende Angaben;Ordner;Dateien;Meldungen\r\n";
}

std::string BatchSummary::add(const SchoolResult& r, const std::vector<const OutputFormat*>& formats) {
  ++counts_.total;
  if (r.status == SchoolStatus::complete) ++counts_.complete;
  else if (r.status == SchoolStatus::incomplete) ++counts_.incomplete;
  else ++counts_.error;
  if (r.up_to_date) ++counts_.up_to_date;
  if (r.output_failed) ++counts_.output_failed;

  if (headings_.empty() && r.headings.size() == section_missing_.size()) {
    headings_ = r.headings;
    order_ = r.document_order;
  }
  std::vector<std::string> titles, labels, files, messages;
  for (size_t i = 0; i < r.missing.size() && i < section_missing_.size(); ++i)
    if (r.missing[i]) {
      ++section_missing_[i];
      titles.push_back(i < r.headings.size() ? r.headings[i] : template_->sections[i].title);
    }
  for (const auto& m : r.missing_items) {
    if (labels.size() < kMaxLabelsPerRow) labels.push_back(m.label);
    auto it = std::find_if(items_.begin(), items_.end(), [&](const ItemCount& c) { return c.item.key == m.key; });
    if (it == items_.end()) it = items_.insert(items_.end(), {m, 0});
    ++it->schools;
  }
  if (r.missing_items.size() > kMaxLabelsPerRow)
    labels.push_back("… und " + std::to_string(r.missing_items.size() - kMaxLabelsPerRow) + " weitere");
  for (const auto& d : r.diag.items())
    if (d.severity == Severity::error && messages.size() < kMaxMessagesPerRow) messages.push_back(format_diagnostic(d));
  const bool error = r.status == SchoolStatus::error;
  if (!error)
    for (const auto& name : school_file_names(r.folder, formats)) files.push_back(r.folder + "/" + name);
  if (r.status != SchoolStatus::complete)
    rows_.push_back({r.row_line, school_label(r.id, r.name), r.status, r.missing, messages});

  const std::vector<std::string> cells = {std::to_string(r.row_line), r.id, r.name, status_text(r.status),
                                          error ? "" : std::to_string(titles.size()), join(titles, "; "),
                                          join(labels, "; "), error ? "" : r.folder, join(files, "; "),
                                          join(messages, "\n")};
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) line.append(i ? ";" : "").append(csv_cell(cells[i]));
  return line + "\r\n";
}

std::string BatchSummary::markdown(const SummaryInfo& info) const {
  const auto& sections = template_->sections;
  const std::vector<int>& missing_count = section_missing_;

  const auto total = static_cast<unsigned long>(counts_.total);
  std::string out = "# " +
                    fill(tr_n("Summary: cooperation agreements for {} school",
                              "Summary: cooperation agreements for {} schools", total),
                         {std::to_string(counts_.total)}) +
                    "\n\n";
  out += fill(tr("Template: {}"), {cell_text(info.template_title)}) + "\\\n" +
         fill(tr("School list: {}"), {cell_text(info.schools_file)}) + "\\\n" +
         fill(tr("Shared answers: {}"), {cell_text(info.base_file)}) + "\n\n";
  if (info.interrupted)
    out += "> [!WARNING]\n> " +
           fill(tr_n("**Stopped:** only {} of {} school was processed. Run the batch again with `--resume` to "
                     "continue.",
                     "**Stopped:** only {} of {} schools were processed. Run the batch again with `--resume` to "
                     "continue.",
                     static_cast<unsigned long>(info.expected)),
                {std::to_string(counts_.total), std::to_string(info.expected)}) +
           "\n\n";
  out += std::string(tr("| Status | Schools |")) + "\n| --- | ---: |\n";
  out += "| " + std::string(tr("ready to sign")) + " | " + std::to_string(counts_.complete) + " |\n";
  out += "| " + std::string(tr("draft (not ready to sign)")) + " | " + std::to_string(counts_.incomplete) + " |\n";
  out += "| " + std::string(tr("with errors (not produced)")) + " | " + std::to_string(counts_.error) + " |\n";
  out += "| " + std::string(tr("**total**")) + " | **" + std::to_string(counts_.total) + "** |\n";
  if (counts_.up_to_date > 0)
    out += "\n" +
           fill(tr_n("Of these, {} was taken over unchanged from an earlier run.",
                     "Of these, {} were taken over unchanged from an earlier run.",
                     static_cast<unsigned long>(counts_.up_to_date)),
                {std::to_string(counts_.up_to_date)}) +
           "\n";

  // The sections as the drafts head and order them („§ 10 Personal“), numbered
  // in that order for the matrix below.
  std::vector<size_t> order = order_;
  for (size_t i = 0; i < sections.size(); ++i)
    if (std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
  std::vector<size_t> columns;
  std::vector<int> number(sections.size(), 0);
  for (size_t n = 0; n < order.size(); ++n) {
    number[order[n]] = static_cast<int>(n + 1);
    if (missing_count[order[n]] > 0) columns.push_back(order[n]);
  }
  if (!columns.empty()) {
    out += "\n## " + std::string(tr("Missing sections")) + "\n\n" +
           tr("| No. | Section | Kind | missing at schools |") + "\n| ---: | --- | --- | ---: |\n";
    for (size_t i : columns)
      out += "| " + std::to_string(number[i]) + " | " + cell_text(i < headings_.size() ? headings_[i] : sections[i].title) +
             " | " + (sections[i].mandatory ? tr("mandatory") : tr("recommended")) + " | " +
             std::to_string(missing_count[i]) + " |\n";
    out += missing_items_table();
    out += "\n## " + std::string(tr("Missing sections per school")) + "\n\n" +
           tr("An X means: the section is missing or incomplete. The columns are the numbers of the sections in "
              "the table above.") +
           "\n\n" + tr("| Row | School |");
    std::string rule = "| ---: | --- |";
    for (size_t i : columns) {
      out.append(" ").append(std::to_string(number[i])).append(" |");
      rule += " :-: |";
    }
    out += "\n" + rule + "\n";
    for (const auto& r : rows_) {
      if (r.status != SchoolStatus::incomplete) continue;
      out += "| " + std::to_string(r.line) + " | " + cell_text(r.label) + " |";
      for (size_t i : columns) out += i < r.missing.size() && r.missing[i] ? " X |" : "   |";
      out += "\n";
    }
    if (counts_.complete == 1) out += "\n" + std::string(tr("The other agreement produced is ready to sign.")) + "\n";
    if (counts_.complete > 1)
      out += "\n" +
             fill(tr("The other {} agreements produced are ready to sign."), {std::to_string(counts_.complete)}) + "\n";
  }
  if (counts_.error > 0) {
    out += "\n## " + std::string(tr("Rows with errors")) + "\n\n" +
           tr("These schools were not produced. Correct their data in the school list and run the batch again.") +
           "\n\n";
    for (const auto& r : rows_) {
      if (r.status != SchoolStatus::error) continue;
      out += "- " + fill(tr("Row {}: {}"), {std::to_string(r.line), cell_text(r.label)}) + "\n";
      for (const auto& m : r.messages) out += "  - " + cell_text(m) + "\n";
    }
  }
  return out;
}

// Each missing item with its key, which is also the column that supplies it.
std::string BatchSummary::missing_items_table() const {
  std::string out = "\n## " + std::string(tr("Missing details")) + "\n\n" +
                    tr("The key is the name of the column with which the school list can supply the detail for each "
                       "school; a table gets one column per field (key.field).") +
                    "\n\n" + tr("| Detail | Key | missing at schools |") + "\n| --- | --- | ---: |\n";
  for (const auto& c : items_)
    out += "| " + cell_text(c.item.label) + " | " + cell_text(supplying_columns(*template_, c.item.key)) + " | " +
           std::to_string(c.schools) + " |\n";
  return out;
}

bool write_summary_files(const BatchSummary& summary, const SummaryInfo& info,
                         const std::vector<const OutputFormat*>& formats, WriterOptions options,
                         const std::string& out_dir, Disk& disk, Diagnostics& diag) {
  const std::string markdown = summary.markdown(info);
  std::vector<const OutputFormat*> all{find_output_format("md")};
  for (const OutputFormat* f : formats)
    if (std::find(all.begin(), all.end(), f) == all.end()) all.push_back(f);
  options.source_name = out_dir + "/summary.md";
  auto bytes = write_formats(markdown, all, options, diag);
  if (!bytes) return false;
  for (size_t i = 0; i < all.size(); ++i)
    if (!disk.write_atomically(out_dir + "/summary" + all[i]->extension, (*bytes)[i], diag)) return false;
  return true;
}

}  // namespace kovgen
