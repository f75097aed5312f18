#pragma once
// What kovgen takes from the process around it: environment variables and where
// its executable lies. Read here, by the command line, and handed down as plain
// values, so that no stage below src/cli reads the environment.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compose.h"
#include "diagnostics.h"
#include "disk.h"
#include "markdown_conventions.h"
#include "template_library.h"

namespace kovgen {

// The real file system: created once, handed to every stage that reads or writes
// files (templates, answers, the reference DOCX, batch outputs).
Disk& real_disk();

// Templates from $KOVGEN_TEMPLATES (fragments beside it in ../fragments); else
// the data installed next to the executable (../share/kovgen), else the links
// to the source's templates/ and fragments/ that the build folder holds. The
// folders given with --vorlagen come first (use_own_template_folders).
TemplateLibrary template_library_from_environment();

// The user's own template folders from the command line (--vorlagen DIR, which
// main.cc takes for every command), for every later template_library_from_environment.
// Returns an error message for a folder that is not there.
std::optional<std::string> use_own_template_folders(const std::vector<std::string>& folders);

// This kovgen: its version and the bytes of its executable, so that batch --resume
// redoes the schools a different build wrote.
std::string tool_fingerprint();

// What composing and writing take from the environment, read once, so that the
// Stand date and the documents' date come from one reading of SOURCE_DATE_EPOCH
// (never the clock) and a malformed value is reported once.
struct RenderSettings {
  ComposeOptions compose;  // the Stand fallback
  // The documents' date, the PDF fonts from $KOVGEN_FONT_DIR or next to the
  // executable, and kovgen's name and version as the documents' creator.
  WriterOptions writer;
};
RenderSettings render_settings_from_environment(Diagnostics& diag);

// The size of kovgen-serve's admission gate from $KOVGEN_SERVE_HANDLERS (0: no
// gate), or nullopt when it is not set: a knob for bench/serve-gate-ab.sh, not
// for users.
std::optional<size_t> serve_handlers_from_environment();

// Chooses the language every message is shown in: German, whatever the locale,
// unless the command line (--lang) or else $KOVGEN_LANG asks for English. The
// German catalog is found next to the executable (locale/ in a build folder,
// ../share/locale when installed). Returns an error message for an unknown
// language, which is then shown in German.
std::optional<std::string> choose_language(const std::string& from_command_line);
// The language choose_language chose: "de" or "en", for a helper program
// (kovgen-serve) that must speak the same.
const std::string& chosen_language();

}  // namespace kovgen
