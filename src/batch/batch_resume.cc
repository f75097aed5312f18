#include "batch_resume.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace kovgen {

namespace {

constexpr std::string_view kManifestHeader = "kovgen-batch-manifest 1";

bool is_temp_of(const std::string& file, const std::string& name) {
  // write_file_atomically: name + ".tmp-" + six characters from mkstemp.
  return file.size() == name.size() + 11 && file.compare(0, name.size(), name) == 0 &&
         file.compare(name.size(), 5, ".tmp-") == 0;
}

}  // namespace

std::string manifest_text(const Manifest& m) {
  std::string out(kManifestHeader);
  out += "\nfingerprint " + m.fingerprint + "\n";
  for (const auto& [name, size] : m.files) out += "file " + std::to_string(size) + " " + name + "\n";
  return out;
}

std::optional<Manifest> parse_manifest(std::string_view text) {
  Manifest m;
  size_t pos = 0;
  bool first = true;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return std::nullopt;  // cut short
    const std::string line(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (first) {
      if (line != kManifestHeader) return std::nullopt;
      first = false;
    } else if (line.rfind("fingerprint ", 0) == 0) {
      m.fingerprint = line.substr(12);
    } else if (line.rfind("file ", 0) == 0) {
      const size_t space = line.find(' ', 5);
      if (space == std::string::npos) return std::nullopt;
      try {
        m.files.emplace_back(line.substr(space + 1), std::stoull(line.substr(5, space - 5)));
      } catch (const std::exception&) {
        return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
  }
  if (first || m.fingerprint.empty()) return std::nullopt;
  return m;
}

bool outputs_up_to_date(Disk& disk, const std::string& folder, const std::string& fingerprint,
                        const std::vector<std::string>& file_names) {
  auto text = disk.read(folder + "/" + kManifestName);
  if (!text) return false;
  auto m = parse_manifest(*text);
  if (!m || m->fingerprint != fingerprint || m->files.size() != file_names.size()) return false;
  for (const auto& [name, size] : m->files) {
    if (std::find(file_names.begin(), file_names.end(), name) == file_names.end()) return false;
    if (disk.file_size(folder + "/" + name) != size) return false;
  }
  return true;
}

void clear_for_rewrite(Disk& disk, const std::string& folder, const std::vector<std::string>& file_names) {
  disk.remove(folder + "/" + kManifestName);
  for (const auto& file : disk.list(folder)) {
    const bool temp = is_temp_of(file, kManifestName) ||
                      std::any_of(file_names.begin(), file_names.end(),
                                  [&](const std::string& name) { return is_temp_of(file, name); });
    if (temp) disk.remove(folder + "/" + file);
  }
}

}  // namespace kovgen
