#include "batch_summary.h"

#include <algorithm>

#include "markdown_escape.h"

namespace kovgen {

namespace {

constexpr size_t kMaxMessagesPerRow = 20;
constexpr size_t kMaxLabelsPerRow = 10;  // the school's own draft lists every item

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

  std::vector<std::string> titles, labels, files, messages;
  for (size_t i = 0; i < r.missing.size() && i < section_missing_.size(); ++i)
    if (r.missing[i]) {
      ++section_missing_[i];
      titles.push_back(template_->sections[i].title);
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
      out += "| " + std::to_string(r.line) + " | " + cell_text(r.label) + " |";
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
      out += "- Zeile " + std::to_string(r.line) + ": " + cell_text(r.label) + "\n";
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
