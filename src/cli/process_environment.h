#pragma once
// What kovgen takes from the process around it: environment variables and where
// its executable lies. Read here, by the command line, and handed down as plain
// values, so that no stage below src/cli reads the environment.
#include <cstdint>
#include <optional>

#include "compose.h"
#include "diagnostics.h"
#include "markdown_conventions.h"
#include "template_library.h"

namespace kovgen {

// Templates from $KOVGEN_TEMPLATES (fragments beside it in ../fragments); else
// the data installed next to the executable (../share/kovgen), else the links
// to the source's templates/ and fragments/ that the build folder holds.
TemplateLibrary template_library_from_environment();

// This kovgen: its version and the bytes of its executable, so that batch --resume
// redoes the schools a different build wrote.
std::string tool_fingerprint();

// SOURCE_DATE_EPOCH in seconds; a malformed value is reported once and ignored.
std::optional<int64_t> source_date_epoch(Diagnostics& diag);

// The Stand fallback from SOURCE_DATE_EPOCH (never the clock).
ComposeOptions compose_options_from_environment(Diagnostics& diag);

// The document date from SOURCE_DATE_EPOCH, the PDF fonts from $KOVGEN_FONT_DIR or
// next to the executable, and kovgen's name and version as the documents' creator.
WriterOptions writer_options_from_environment(Diagnostics& diag);

}  // namespace kovgen
