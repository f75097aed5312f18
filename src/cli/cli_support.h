#pragma once
// Small steps that several subcommands share at the edge: loading a named
// template with its errors shown, reading --reference-docx, and writing a result
// to a file or stdout.
#include <memory>
#include <string>
#include <string_view>

#include "args.h"
#include "output_formats.h"
#include "pipeline.h"

namespace kovgen::cli {

// The template, or nullptr after printing why it cannot be loaded.
std::shared_ptr<const LoadedTemplate> load_named_template(TemplateCache& cache, const std::string& id);

// --reference-docx into options, read and parsed once, when one of `formats`
// takes its design from it. False after errors (which name the file).
bool load_reference_option(const Args& args, const std::vector<const OutputFormat*>& formats, WriterOptions& options,
                           Diagnostics& diag);

// Writes bytes to path atomically, or to standard output when path is empty.
// Returns kExitOk, or kExitOutputError after printing the problem.
int write_output(const std::string& path, std::string_view bytes);

}  // namespace kovgen::cli
