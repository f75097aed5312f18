#include "cli_support.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "file_io.h"
#include "i18n.h"
#include "output_seal.h"
#include "process_environment.h"

namespace kovgen::cli {

namespace {

bool is_stdout(const std::string& path) { return path.empty() || path == "-"; }

// Why `path` must not be replaced, or empty when it may be (absent, or kovgen's
// own untouched output).
std::string reason_to_keep(const OutputFile& file) {
  if (!file.format || is_stdout(file.path) || !std::filesystem::exists(file.path)) return {};
  if (!is_regular_file(file.path)) return {};  // writing fails with its own message
  Diagnostics ignored;  // unreadable or huge: not something kovgen wrote
  auto existing = read_file(file.path, ignored);
  const OutputOrigin origin = existing ? output_origin(*file.format, *existing) : OutputOrigin::not_kovgen;
  switch (origin) {
    case OutputOrigin::untouched:
      return {};
    case OutputOrigin::edited:
      return fill(tr("{}: this file was changed after kovgen wrote it, so it is not replaced. "
                     "To replace it anyway, add --force; to keep it, choose another output file name."),
                  {file.path});
    case OutputOrigin::not_kovgen:
      break;
  }
  return fill(tr("{}: this file exists and was not written by this version of kovgen, so it is not replaced. "
                 "To replace it anyway, add --force; to keep it, choose another output file name."),
              {file.path});
}

}  // namespace

std::shared_ptr<const LoadedTemplate> load_named_template(TemplateCache& cache, const std::string& id) {
  Diagnostics diag;
  auto t = cache.get(id, diag);
  std::fputs(diag.to_string().c_str(), stderr);
  return t;
}

bool load_reference_option(const Args& args, const std::vector<const OutputFormat*>& formats, WriterOptions& options,
                           Diagnostics& diag) {
  if (!args.has("--reference-docx") || !reads_reference(formats)) return true;
  options.reference_docx = load_reference_docx(real_disk(), args.get("--reference-docx"), diag);
  return options.reference_docx != nullptr;
}

int write_outputs(const std::vector<OutputFile>& files, const WriteSettings& settings) {
  if (!settings.force) {
    bool refused = false;
    for (const OutputFile& f : files) {
      const std::string reason = reason_to_keep(f);
      if (reason.empty()) continue;
      std::fprintf(stderr, "%s\n", reason.c_str());
      refused = true;
    }
    if (refused) {
      std::fprintf(stderr, "%s\n", tr("kovgen: nothing was written."));
      return kExitOutputError;
    }
  }
  std::vector<FileToWrite> on_disk;
  const OutputFile* to_stdout = nullptr;
  for (const OutputFile& f : files) {
    if (is_stdout(f.path)) to_stdout = &f;
    else on_disk.push_back({f.path, f.bytes});
  }
  Diagnostics diag;
  if (!on_disk.empty() && !write_files_atomically(on_disk, diag)) {
    std::fputs(diag.to_string().c_str(), stderr);
    std::fprintf(stderr, "%s\n", tr("kovgen: nothing was written."));
    return kExitOutputError;
  }
  std::fputs(diag.to_string().c_str(), stderr);
  if (to_stdout) std::fwrite(to_stdout->bytes.data(), 1, to_stdout->bytes.size(), stdout);
  if (!settings.quiet)
    for (const FileToWrite& f : on_disk) report_written(f.path, f.bytes.size());
  return kExitOk;
}

int write_output(const std::string& path, std::string_view bytes, bool quiet) {
  if (is_stdout(path)) {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    return kExitOk;
  }
  Diagnostics diag;
  if (!write_file_atomically(path, bytes, diag)) {
    std::fputs(diag.to_string().c_str(), stderr);
    return kExitOutputError;
  }
  if (!quiet) report_written(path, bytes.size());
  return kExitOk;
}

void report_written(const std::string& path, uint64_t size) {
  std::fprintf(stderr, "%s\n", fill(tr("written: {} ({})"), {path, file_size_text(size)}).c_str());
}

void report_written(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec) report_written(path, size);
}

std::string file_size_text(uint64_t bytes) {
  if (bytes < 1000) return fill(tr_n("{} byte", "{} bytes", bytes), {std::to_string(bytes)});
  // One decimal, rounded; the translation puts the decimal comma.
  const bool mega = bytes >= 999950;
  const uint64_t tenths = (bytes + (mega ? 50000 : 50)) / (mega ? 100000 : 100);
  return fill(mega ? tr("{}.{} MB") : tr("{}.{} kB"), {std::to_string(tenths / 10), std::to_string(tenths % 10)});
}

std::optional<Date> parse_date_option(const std::string& text) {
  Date d;
  char sep1 = 0, sep2 = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d%c%2d%c%2d%n", &d.year, &sep1, &d.month, &sep2, &d.day, &consumed) == 5 &&
      sep1 == '-' && sep2 == '-' && consumed == static_cast<int>(text.size()) && is_valid_date(d))
    return d;
  if (std::sscanf(text.c_str(), "%2d%c%2d%c%4d%n", &d.day, &sep1, &d.month, &sep2, &d.year, &consumed) == 5 &&
      sep1 == '.' && sep2 == '.' && consumed == static_cast<int>(text.size()) && is_valid_date(d))
    return d;
  return std::nullopt;
}

}  // namespace kovgen::cli
