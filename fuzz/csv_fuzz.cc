// CSV reading: any bytes as a school list (encoding detection, separators,
// quoting, header and row checks).
#include <cstddef>
#include <cstdint>

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
  CsvReader reader(decoded->text, "fuzz.csv");
  CsvRecord record;
  std::optional<CsvHeader> header;
  int last_line = 0;
  size_t records = 0;
  while (reader.next(record, diag)) {
    fuzz::require(record.line >= last_line, "record lines go backwards");
    last_line = record.line;
    fuzz::require(++records <= size + 1, "more records than bytes");
    if (!header) {
      header = make_csv_header(record, "fuzz.csv", diag);
      if (!header) break;
      continue;
    }
    check_row_width(record, *header, "fuzz.csv", diag);
    for (int i = 0; i < static_cast<int>(header->names.size()); ++i) CsvHeader::field(record, i);
  }
  fuzz::require_messages(diag);
  return 0;
}
