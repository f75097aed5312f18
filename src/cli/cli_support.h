#pragma once
// Small steps that several subcommands share at the edge: loading a named
// template with its errors shown, reading --reference-docx, and writing results to
// files or stdout, all or none, without replacing what someone edited, and saying
// what was written.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "args.h"
#include "german_format.h"
#include "output_formats.h"
#include "pipeline.h"

namespace kovgen::cli {

// The template, or nullptr after printing why it cannot be loaded.
std::shared_ptr<const LoadedTemplate> load_named_template(TemplateCache& cache, const std::string& id);

// --reference-docx into options, read and parsed once, when one of `formats`
// takes its design from it. False after errors (which name the file).
bool load_reference_option(const Args& args, const std::vector<const OutputFormat*>& formats, WriterOptions& options,
                           Diagnostics& diag);

// A date given on the command line: "2026-03-30" or "30.03.2026"; nullopt otherwise.
std::optional<Date> parse_date_option(const std::string& text);

// One file a command writes.
struct OutputFile {
  std::string path;  // "-": standard output
  std::string bytes;
  // The format whose fingerprint tells whether an existing file may be replaced
  // (output_seal.h); nullptr for files nobody edits by hand (the JSON report),
  // which are replaced as they are.
  const OutputFormat* format = nullptr;
};

struct WriteSettings {
  bool force = false;  // replace files even if edited by hand or not written by kovgen
  bool quiet = false;  // no "written: ..." lines
};

// Writes every file or none. An existing file in a kovgen format is replaced only
// when it is kovgen's own, untouched since (or with force): otherwise nothing is
// written and the file is named with what to do. Then the files are written
// atomically together (write_files_atomically), standard output last, and each
// file is reported (report_written). Returns kExitOk, or kExitOutputError after
// printing the problem.
int write_outputs(const std::vector<OutputFile>& files, const WriteSettings& settings);

// Writes bytes to path atomically, or to standard output when path is empty or
// "-"; a file is reported unless quiet. Returns kExitOk, or kExitOutputError
// after printing the problem.
int write_output(const std::string& path, std::string_view bytes, bool quiet = true);

// "written: PATH (SIZE)" on standard error, one line per file a command wrote.
void report_written(const std::string& path, uint64_t size);
// The same for a file written by someone else (batch's summary), sized on disk;
// nothing when it is not there.
void report_written(const std::string& path);

// A file size as people read it: "512 bytes", "48.2 kB", "3.1 MB" (German: "48,2 kB").
std::string file_size_text(uint64_t bytes);

}  // namespace kovgen::cli
