#pragma once
// Whether an existing output is kovgen's own and untouched since, so that it may
// be replaced without asking: every format carries a fingerprint of its content
// (the Markdown's last line, the DOCX's and Flat OPC's custom document property,
// the PDF's document info), which a hand edit no longer matches.
#include <string_view>

#include "output_formats.h"

namespace kovgen {

enum class OutputOrigin {
  untouched,   // kovgen wrote it, and its fingerprint still matches
  edited,      // kovgen wrote it, but it was changed since
  not_kovgen,  // no fingerprint: another program, a person, or a kovgen before fingerprints
};

// Judged by the fingerprint `format` writes.
OutputOrigin output_origin(const OutputFormat& format, std::string_view bytes);

}  // namespace kovgen
