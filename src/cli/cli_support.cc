#include "cli_support.h"

#include <cstdio>

#include "file_io.h"
#include "process_environment.h"

namespace kovgen::cli {

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

int write_output(const std::string& path, std::string_view bytes) {
  if (path.empty()) {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    return kExitOk;
  }
  Diagnostics diag;
  if (write_file_atomically(path, bytes, diag)) return kExitOk;
  std::fputs(diag.to_string().c_str(), stderr);
  return kExitOutputError;
}

}  // namespace kovgen::cli
