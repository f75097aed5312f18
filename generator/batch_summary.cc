#include "batch_summary.h"

#include <algorithm>

#include "markdown_escape.h"

namespace kovgen {

namespace {

constexpr size_t kMaxMessagesPerRow = 20;
constexpr int kMaxLabelsPerRow = 10;  // the school's own draft lists every item

const char* status_text(SchoolStatus s) {
  switch (s) {
    case SchoolStatus::complete: return "ok";
    case SchoolStatus::incomplete: return "unvollständig";
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

void BatchSummary::add(const SchoolResult& r, const std::vector<const OutputFormat*>& formats) {
  Row row{r.row_line, r.id, r.name, r.folder, r.status, r.missing, "", {}, {}};
  int labels = 0;
  for (const auto& m : r.missing_items) {
    if (++labels <= kMaxLabelsPerRow) row.missing_labels += (row.missing_labels.empty() ? "" : "; ") + m.label;
    auto it = std::find_if(items_.begin(), items_.end(), [&](const ItemCount& c) { return c.item.key == m.key; });
    if (it == items_.end()) it = items_.insert(items_.end(), {m, 0});
    ++it->schools;
  }
  if (labels > kMaxLabelsPerRow)
    row.missing_labels += "; … und " + std::to_string(labels - kMaxLabelsPerRow) + " weitere";
  if (r.status != SchoolStatus::error)
    for (const auto& name : school_file_names(r.folder, formats)) row.files.push_back(r.folder + "/" + name);
  for (const auto& d : r.diag.items()) {
    if (d.severity != Severity::error || row.messages.size() >= kMaxMessagesPerRow) continue;
    row.messages.push_back(format_diagnostic(d));
  }
  ++counts_.total;
  if (r.status == SchoolStatus::complete) ++counts_.complete;
  else if (r.status == SchoolStatus::incomplete) ++counts_.incomplete;
  else ++counts_.error;
  if (r.up_to_date) ++counts_.up_to_date;
  if (r.output_failed) ++counts_.output_failed;
  rows_.push_back(std::move(row));
}

std::string BatchSummary::section_list(const Row& r) const {
  std::vector<std::string> titles;
  for (size_t i = 0; i < r.missing.size() && i < template_->sections.size(); ++i)
    if (r.missing[i]) titles.push_back(template_->sections[i].title);
  return join(titles, "; ");
}

std::string BatchSummary::csv() const {
  std::string out = "\xEF\xBB\xBF" "Zeile;Kennung;Schule;Status;Anzahl fehlender Abschnitte;Fehlende Abschnitte;"
                    "Fehlende Angaben;Ordner;Dateien;Meldungen\r\n";
  for (const auto& r : rows_) {
    const auto missing = std::count(r.missing.begin(), r.missing.end(), true);
    const std::vector<std::string> cells = {std::to_string(r.line), r.id, r.name, status_text(r.status),
                                            r.status == SchoolStatus::error ? "" : std::to_string(missing),
                                            section_list(r), r.missing_labels,
                                            r.status == SchoolStatus::error ? "" : r.folder,
                                            join(r.files, "; "), join(r.messages, "\n")};
    for (size_t i = 0; i < cells.size(); ++i) out.append(i ? ";" : "").append(csv_cell(cells[i]));
    out += "\r\n";
  }
  return out;
}

std::string BatchSummary::markdown(const SummaryInfo& info) const {
  const auto& sections = template_->sections;
  std::vector<int> missing_count(sections.size(), 0);
  for (const auto& r : rows_)
    for (size_t i = 0; i < r.missing.size() && i < sections.size(); ++i) missing_count[i] += r.missing[i];

  std::string out = "# Übersicht: Kooperationsvereinbarungen für " + std::to_string(counts_.total) +
                    (counts_.total == 1 ? " Schule\n\n" : " Schulen\n\n");
  out += "Vorlage: " + cell_text(info.template_title) + "\\\nSchulliste: " + cell_text(info.schools_file) +
         "\\\nGemeinsame Angaben: " + cell_text(info.base_file) + "\n\n";
  if (info.interrupted)
    out += "> [!WARNING]\n> **Abgebrochen:** nur " + std::to_string(counts_.total) + " von " +
           std::to_string(info.expected) + " Schulen wurden bearbeitet. Mit `--resume` fortsetzen.\n\n";
  out += "| Stand | Schulen |\n| --- | ---: |\n";
  out += "| vollständig | " + std::to_string(counts_.complete) + " |\n";
  out += "| unvollständig (Abschnitte fehlen) | " + std::to_string(counts_.incomplete) + " |\n";
  out += "| fehlerhaft (nicht erzeugt) | " + std::to_string(counts_.error) + " |\n";
  out += "| **gesamt** | **" + std::to_string(counts_.total) + "** |\n";
  if (counts_.up_to_date > 0)
    out.append("\nDavon ").append(std::to_string(counts_.up_to_date)).append(" unverändert aus einem früheren Lauf übernommen.\n");

  std::vector<size_t> columns;
  for (size_t i = 0; i < sections.size(); ++i)
    if (missing_count[i] > 0) columns.push_back(i);
  if (!columns.empty()) {
    out += "\n## Fehlende Abschnitte\n\n| Nr. | Abschnitt | Art | fehlt bei Schulen |\n| ---: | --- | --- | ---: |\n";
    for (size_t i : columns)
      out += "| " + std::to_string(i + 1) + " | " + cell_text(sections[i].title) + " | " +
             (sections[i].mandatory ? "Pflicht" : "empfohlen") + " | " + std::to_string(missing_count[i]) + " |\n";
    out += missing_items_table();
    out += "\n## Fehlende Abschnitte je Schule\n\nEin X heißt: Der Abschnitt fehlt oder ist unvollständig. "
           "Die Spalten sind die Nummern der Abschnitte aus der Tabelle oben.\n\n| Zeile | Schule |";
    std::string rule = "| ---: | --- |";
    for (size_t i : columns) {
      out.append(" ").append(std::to_string(i + 1)).append(" |");
      rule += " :-: |";
    }
    out += "\n" + rule + "\n";
    for (const auto& r : rows_) {
      if (r.status != SchoolStatus::incomplete) continue;
      out += "| " + std::to_string(r.line) + " | " + cell_text(school_label(r.id, r.name)) + " |";
      for (size_t i : columns) out += i < r.missing.size() && r.missing[i] ? " X |" : "   |";
      out += "\n";
    }
    if (counts_.complete == 1) out += "\nDie übrige erzeugte Vereinbarung ist vollständig.\n";
    if (counts_.complete > 1)
      out += "\nDie übrigen " + std::to_string(counts_.complete) + " erzeugten Vereinbarungen sind vollständig.\n";
  }
  if (counts_.error > 0) {
    out += "\n## Fehlerhafte Zeilen\n\nDiese Schulen wurden nicht erzeugt. Bitte die Angaben in der Schulliste "
           "korrigieren und den Lauf wiederholen.\n\n";
    for (const auto& r : rows_) {
      if (r.status != SchoolStatus::error) continue;
      out += "- Zeile " + std::to_string(r.line) + ": " + cell_text(school_label(r.id, r.name)) + "\n";
      for (const auto& m : r.messages) out += "  - " + cell_text(m) + "\n";
    }
  }
  return out;
}

// Each missing item with its key, which is also the column that supplies it.
std::string BatchSummary::missing_items_table() const {
  std::string out = "\n## Fehlende Angaben\n\nDer Schlüssel ist der Name der Spalte, mit der die Schulliste die Angabe "
                    "je Schule liefern kann; eine Tabelle erhält je Feld eine Spalte (Schlüssel.Feld).\n\n| Angabe | Schlüssel | fehlt bei Schulen |\n| --- | --- | ---: |\n";
  for (const auto& c : items_)
    out += "| " + cell_text(c.item.label) + " | " + cell_text(c.item.key) + " | " + std::to_string(c.schools) + " |\n";
  return out;
}

bool write_summary_files(const BatchSummary& summary, const SummaryInfo& info,
                         const std::vector<const OutputFormat*>& formats, WriterOptions options,
                         const std::string& out_dir, BatchDisk& disk, Diagnostics& diag) {
  if (!disk.write_atomically(out_dir + "/summary.csv", summary.csv(), diag)) return false;
  const std::string markdown = summary.markdown(info);
  std::vector<const OutputFormat*> all{find_output_format("md")};
  for (const OutputFormat* f : formats)
    if (std::find(all.begin(), all.end(), f) == all.end()) all.push_back(f);
  MarkdownTree tree = parse_markdown_for(all, markdown);
  options.source_name = out_dir + "/summary.md";
  for (const OutputFormat* f : all) {
    auto bytes = f->write(markdown, tree.get(), options, diag);
    if (!bytes || !disk.write_atomically(out_dir + "/summary" + f->extension, *bytes, diag)) return false;
  }
  return true;
}

}  // namespace kovgen
