#include "process_environment.h"

#include <cerrno>
#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include <libintl.h>

#include "batch_resume.h"
#include "file_io.h"
#include "german_format.h"
#include "i18n.h"
#include "version.h"

namespace kovgen {

namespace {

namespace fs = std::filesystem;

std::string variable(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

fs::path executable_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

// The folder that holds templates/ and fragments/ for this executable.
fs::path data_dir() {
  const fs::path exe_dir = executable_dir();
  if (exe_dir.empty()) return {};
  std::error_code ec;
  for (const fs::path& candidate : {exe_dir / ".." / "share" / "kovgen", exe_dir})
    if (fs::exists(candidate / "templates", ec)) return candidate.lexically_normal();
  return {};
}

// The PDF font subsets made at build time: next to the executable in a build
// folder (build/fonts), in ../share/kovgen/fonts when installed.
std::string font_dir() {
  if (std::string dir = variable("KOVGEN_FONT_DIR"); !dir.empty()) return dir;
  const fs::path exe_dir = executable_dir();
  std::error_code ec;
  for (const fs::path& candidate : {exe_dir / "fonts", exe_dir / ".." / "share" / "kovgen" / "fonts"})
    if (!exe_dir.empty() && fs::exists(candidate / "serif-regular.ttf", ec)) return candidate.lexically_normal().string();
  return "";
}

// SOURCE_DATE_EPOCH in seconds; a malformed value is reported and ignored.
std::optional<int64_t> source_date_epoch(Diagnostics& diag) {
  const std::string epoch = variable("SOURCE_DATE_EPOCH");
  if (epoch.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const long long seconds = std::strtoll(epoch.c_str(), &end, 10);
  // Up to the end of the year 9999: every format writes such a date.
  constexpr long long kLastSecond = 253402300799;
  if (*end != '\0' || errno == ERANGE || seconds < 0 || seconds > kLastSecond) {
    diag.warning({"SOURCE_DATE_EPOCH"}, tr("ignored: not a number of seconds"));
    return std::nullopt;
  }
  return seconds;
}

// The compiled German catalog: build/locale in a build folder, ../share/locale
// when installed.
fs::path locale_dir() {
  const fs::path exe_dir = executable_dir();
  std::error_code ec;
  for (const fs::path& candidate : {exe_dir / "locale", exe_dir / ".." / "share" / "locale"})
    if (!exe_dir.empty() && fs::exists(candidate / "de" / "LC_MESSAGES" / "kovgen.mo", ec))
      return candidate.lexically_normal();
  return {};
}

}  // namespace

std::optional<size_t> serve_handlers_from_environment() {
  const std::string handlers = variable("KOVGEN_SERVE_HANDLERS");
  if (handlers.empty()) return std::nullopt;
  return std::strtoul(handlers.c_str(), nullptr, 10);
}

namespace {
std::string chosen = "de";
}

const std::string& chosen_language() { return chosen; }

std::optional<std::string> choose_language(const std::string& from_command_line) {
  const std::string language = !from_command_line.empty() ? from_command_line : variable("KOVGEN_LANG");
  if (language == "en") {
    chosen = "en";
    return std::nullopt;  // the messages as written in the source
  }
  // glibc's gettext ignores $LANGUAGE in the "C" locale but not in "C.UTF-8",
  // which glibc always has: German then needs no German locale installed.
  std::setlocale(LC_MESSAGES, "C.UTF-8");
  setenv("LANGUAGE", "de", 1);
  bindtextdomain("kovgen", locale_dir().c_str());
  bind_textdomain_codeset("kovgen", "UTF-8");
  bind_textdomain_codeset("libc", "UTF-8");  // strerror's German, whatever LC_CTYPE
  if (language.empty() || language == "de") return std::nullopt;
  return fill(tr("unknown language {}: kovgen speaks de (German, the default) and en (English)"),
              {quoted_value(language)});
}

namespace {
std::vector<std::string>& own_template_folders() {
  static std::vector<std::string> folders;
  return folders;
}
}  // namespace

std::optional<std::string> use_own_template_folders(const std::vector<std::string>& folders) {
  for (const std::string& folder : folders) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
      return fill(tr("--vorlagen {}: there is no such folder (it holds one folder per template, each with a "
                     "template.yaml)"),
                  {quoted_value(folder)});
  }
  own_template_folders() = folders;
  return std::nullopt;
}

Disk& real_disk() {
  static RealDisk disk;
  return disk;
}

TemplateLibrary template_library_from_environment() {
  TemplateLibrary lib;
  if (const std::string dir = variable("KOVGEN_TEMPLATES"); !dir.empty()) {
    lib.templates_dir = dir;
    lib.fragments_dir = (fs::path(dir).parent_path() / "fragments").string();
  } else {
    const fs::path data = data_dir();
    lib.templates_dir = (data / "templates").string();
    lib.fragments_dir = (data / "fragments").string();
  }
  lib.own_templates_dirs = own_template_folders();
  return lib;
}

std::string tool_fingerprint() {
  Diagnostics ignored;
  auto binary = read_file("/proc/self/exe", ignored);
  return content_fingerprint({KOVGEN_VERSION, binary ? std::string_view(*binary) : std::string_view()});
}

RenderSettings render_settings_from_environment(Diagnostics& diag) {
  RenderSettings settings;
  const std::optional<int64_t> seconds = source_date_epoch(diag);
  if (seconds) settings.compose.stand_fallback = date_from_unix_days(*seconds / 86400);
  settings.writer.timestamp = seconds;
  settings.writer.font_dir = font_dir();
  settings.writer.creator = std::string("kovgen ") + KOVGEN_VERSION;
  return settings;
}

}  // namespace kovgen
