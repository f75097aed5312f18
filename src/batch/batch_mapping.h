#pragma once
// How the columns of a school list become answers (docs/batch.md):
// - a column named with a full key ("gegenstand.plaetze") sets that question;
// - a mapping file (--map) maps other headers to keys ("spalten"), builds values
//   from several columns ("werte", e.g. "{Schulbezeichnung_1} {Schulbezeichnung_2}"),
//   and says which columns give the school's id and name ("kennung", "name").
// Values from a row override the base answers; an empty cell keeps the base value.
// A table question (type records) gets one entry from columns naming its fields
// ("vertragspartner.schulen.name"); that entry replaces the base's table.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "answers.h"
#include "batch_pattern.h"
#include "csv_reader.h"
#include "diagnostics.h"
#include "questionnaire.h"

namespace kovgen {

// A mapping file as written, before it is checked against a CSV header.
struct MappingFile {
  struct Entry {
    std::string from;  // spalten: the column; werte: the pattern
    std::string key;   // the question's full key
    Location where;
  };
  std::string file;
  std::optional<Entry> id;    // kennung (pattern in `from`)
  std::optional<Entry> name;  // name (pattern in `from`)
  std::vector<Entry> columns;
  std::vector<Entry> values;
};

std::optional<MappingFile> parse_mapping(const std::string& yaml_text, const std::string& file,
                                         Diagnostics& diag);

// A mapping checked against one CSV header and one template.
class RowMapper {
 public:
  // map may be null: then only full-key columns count, and the id and name come from
  // columns "id" (or "Schulnummer") and "name" when present.
  static std::optional<RowMapper> make(const MappingFile* map, const CsvHeader& header, const Template& t,
                                       const std::string& csv_file, Diagnostics& diag);

  std::string id_of(const CsvRecord& r) const;
  std::string name_of(const CsvRecord& r) const;

  // Sets the row's answers over `answers`. Every problem is reported as
  // "file:row:column: column „X“: key („Label“): message"; false if there was one.
  bool apply(const CsvRecord& r, Answers& answers, Diagnostics& diag) const;

  // Columns that are neither keys nor used by the mapping (for a note).
  const std::vector<std::string>& unused_columns() const { return unused_; }

 private:
  struct Binding {
    std::string key;
    ColumnPattern value;
    const Question* table = nullptr;          // for a field of a table question
    std::shared_ptr<const Template> scratch;  // that field as the only question
  };
  bool set_table_field(const Binding& b, const std::string& text, const Location& where, Answers& answers,
                       std::vector<std::string>& tables_set, Diagnostics& cell) const;
  const Template* template_ = nullptr;
  CsvHeader header_;
  std::string csv_file_;
  std::optional<ColumnPattern> id_, name_;
  std::vector<Binding> bindings_;
  std::vector<std::string> unused_;
};

}  // namespace kovgen
