// Markdown -> DOCX and Flat OPC: any bytes as a Markdown draft. Every XML part
// the writer produces must be well-formed, and the zip must read back.
#include <cstddef>
#include <cstdint>

#include <pugixml.hpp>

#include "docx_writer.h"
#include "fuzz_support.h"

using namespace kovgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::MarkdownInput in = fuzz::markdown_input(data, size);
  Diagnostics& diag = in.diag;
  auto parts = docx_parts(in.tree.get(), in.options, diag);
  if (!fuzz::written(parts, diag, "DOCX refused without an error")) return 0;
  for (const auto& part : *parts) {
    if (part.name.size() < 4 || part.name.compare(part.name.size() - 4, 4, ".xml") != 0) continue;
    pugi::xml_document doc;
    const auto result = doc.load_buffer(part.bytes.data(), part.bytes.size());
    if (!result) std::fprintf(stderr, "%s: %s at %td\n", part.name.c_str(), result.description(), result.offset);
    fuzz::require(bool(result), "a DOCX part is not well-formed XML");
  }
  auto zip = zip_package(*parts, diag);
  fuzz::require(zip.has_value(), "zip failed");
  auto entries = read_zip(*zip, "fuzz.docx", diag);
  fuzz::require(entries && entries->size() == parts->size() + 1, "zip does not read back");
  pugi::xml_document flat;
  const std::string flat_opc = flat_opc_package(*parts);
  fuzz::require(bool(flat.load_buffer(flat_opc.data(), flat_opc.size())), "Flat OPC is not well-formed XML");
  return 0;
}
