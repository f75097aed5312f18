// CSV reading: any bytes as a school list (encoding detection, separators,
// quoting, header and row checks), then what batch does with each row: the
// school's id, name and folder name (which must stay a single safe path
// component) and its answers for the real OGS template.
#include <cstddef>
#include <cstdint>

#include "batch_mapping.h"
#include "batch_naming.h"
#include "csv_reader.h"
#include "fuzz_support.h"
#include "utf8.h"

using namespace kovgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Diagnostics diag;
  auto decoded = decode_csv_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv", diag);
  fuzz::require_messages(diag);
  if (!decoded) {
    fuzz::require(diag.has_errors(), "CSV refused without an error");
    return 0;
  }
  fuzz::require(find_invalid_utf8(decoded->text) == std::string::npos, "decoded CSV is not valid UTF-8");
  static std::shared_ptr<const LoadedTemplate> ogs = [] {
    Diagnostics d;
    return fuzz::template_cache().get("ogs", d);
  }();
  fuzz::require(ogs != nullptr, "the OGS template does not load");
  CsvReader reader(decoded->text, "fuzz.csv");
  CsvRecord record;
  std::optional<CsvHeader> header;
  std::optional<RowMapper> mapper;
  FolderNames folders;
  int last_line = 0;
  size_t records = 0;
  while (reader.next(record, diag)) {
    fuzz::require(record.line >= last_line, "record lines go backwards");
    last_line = record.line;
    fuzz::require(++records <= size + 1, "more records than bytes");
    if (!header) {
      header = make_csv_header(record, "fuzz.csv", diag);
      if (!header) break;
      mapper = RowMapper::make(nullptr, *header, ogs->questionnaire, "fuzz.csv", diag);
      if (!mapper) break;
      continue;
    }
    check_row_width(record, *header, "fuzz.csv", diag);
    for (int i = 0; i < static_cast<int>(header->names.size()); ++i) CsvHeader::field(record, i);
    const std::string folder = folders.assign(mapper->id_of(record), mapper->name_of(record), record.line);
    fuzz::require(!folder.empty() && folder.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") ==
                                         std::string::npos,
                  "unsafe folder name");
    fuzz::require(!is_windows_reserved_name(folder), "folder name reserved on Windows");
    Answers answers;
    answers.questionnaire = &ogs->questionnaire;
    mapper->apply(record, answers, diag);
  }
  fuzz::require_messages(diag);
  return 0;
}
