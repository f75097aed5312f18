#include "cli_support.h"

#include <cstdio>

#include "file_io.h"

namespace kovgen::cli {

std::shared_ptr<const LoadedTemplate> load_named_template(TemplateCache& cache, const std::string& id) {
  Diagnostics diag;
  auto t = cache.get(id, diag);
  std::fputs(diag.to_string().c_str(), stderr);
  return t;
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
