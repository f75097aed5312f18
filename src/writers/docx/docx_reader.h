#pragma once
// The one way kovgen reads a .docx that someone else made (--reference-docx, a
// filled-in form for `kovgen import`, uploads to a server): a zip read within
// limits, so that a small file cannot make kovgen inflate gigabytes (a zip bomb)
// or hold thousands of parts. docs/limits.md lists the limits for users.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostics.h"

namespace kovgen {

struct DocxLimits {
  // The .docx file as it lies on disk.
  size_t file_bytes = 64u << 20;
  // Entries in the zip; Word writes about twenty, a document with many images a few hundred.
  size_t parts = 1000;
  // One part, unpacked: styles.xml of a large corporate design is well under a megabyte.
  uint64_t part_bytes = 32u << 20;
  // All parts together, unpacked.
  uint64_t total_bytes = 128u << 20;
  // Unpacked size over packed size, checked for parts above ratio_from bytes: XML
  // packs ten- to twentyfold, a bomb a thousandfold.
  uint64_t ratio = 100;
  uint64_t ratio_from = 1u << 20;
};

// Every entry of the zip by name, or nullopt with an error naming `name`: not a
// zip, a broken entry, or a limit passed (the error says which and by how much).
// Nothing beyond a limit is unpacked.
std::optional<std::map<std::string, std::string>> read_zip(std::string_view bytes, const std::string& name,
                                                           Diagnostics& diag, const DocxLimits& limits = {});

// Relationships (in any *.rels part) that make a client fetch something from
// outside the document when it opens it: linked images, templates, frames, OLE
// links. Hyperlinks, which are only followed when a person clicks, are not
// counted. An error per such relationship, naming part and target; false if any.
bool check_no_external_relationships(const std::map<std::string, std::string>& entries, const std::string& name,
                                     Diagnostics& diag);

}  // namespace kovgen
