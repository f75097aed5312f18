#pragma once
// Small steps that several subcommands share at the edge: loading a named
// template with its errors shown, and writing a result to a file or stdout.
#include <memory>
#include <string>
#include <string_view>

#include "pipeline.h"

namespace kovgen::cli {

// The template, or nullptr after printing why it cannot be loaded.
std::shared_ptr<const LoadedTemplate> load_named_template(TemplateCache& cache, const std::string& id);

// Writes bytes to path atomically, or to standard output when path is empty.
// Returns kExitOk, or kExitOutputError after printing the problem.
int write_output(const std::string& path, std::string_view bytes);

}  // namespace kovgen::cli
