// Markdown -> PDF: any bytes as a Markdown draft, through the typography, the
// layout engine and libharu drawing.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "pdf_writer.h"

using namespace kovgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::MarkdownInput in = fuzz::markdown_input(data, size);
  auto pdf = write_pdf(in.tree.get(), in.options, in.diag);
  if (!fuzz::written(pdf, in.diag, "PDF refused without an error")) return 0;
  fuzz::require(pdf->rfind("%PDF-", 0) == 0, "not a PDF");
  fuzz::require(pdf->find("%%EOF") != std::string::npos, "PDF without %%EOF");
  return 0;
}
