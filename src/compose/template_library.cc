#include "template_library.h"

#include <algorithm>
#include <filesystem>

#include "file_io.h"
#include "template_cache.h"
#include "template_check.h"
#include "text_match.h"

namespace kovgen {

namespace fs = std::filesystem;

std::vector<std::string> list_template_ids(const TemplateLibrary& lib) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(lib.templates_dir, ec))
    if (entry.is_directory() && fs::exists(entry.path() / "template.yaml"))
      ids.push_back(entry.path().filename().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

namespace {

std::optional<LoadedTemplate> load_template_sources(const TemplateLibrary& lib, const std::string& id,
                                                    Diagnostics& diag) {
  const std::vector<std::string> known = list_template_ids(lib);
  if (std::find(known.begin(), known.end(), id) == known.end()) {
    std::string message = "unknown template \"" + id + "\"";
    if (auto n = nearest(id, known); !n.empty()) message += "; did you mean \"" + n + "\"?";
    message += " (run 'kovgen templates' to list them)";
    diag.error({}, message);
    return std::nullopt;
  }
  const std::string dir = lib.templates_dir + "/" + id;
  const std::string yaml_file = dir + "/template.yaml";
  auto yaml_text = read_file(yaml_file, diag);
  if (!yaml_text) return std::nullopt;
  auto questionnaire = parse_template(*yaml_text, yaml_file, dir, diag);
  if (!questionnaire) return std::nullopt;
  auto body = read_file(questionnaire->body_file, diag);
  if (!body) return std::nullopt;

  PartialSource partials = [&](const std::string& name, std::string* path) -> std::optional<std::string> {
    if (name.find('/') != std::string::npos || name.find("..") != std::string::npos) return std::nullopt;
    for (const std::string& candidate :
         {dir + "/" + name + ".md.mustache", lib.fragments_dir + "/" + name + ".md.mustache"}) {
      if (!fs::exists(candidate)) continue;
      *path = candidate;
      Diagnostics ignored;
      return read_file(candidate, ignored);
    }
    return std::nullopt;
  };
  std::vector<std::string> used_names;
  auto expanded =
      check_and_expand_template(*questionnaire, *body, questionnaire->body_file, partials, diag, &used_names);
  if (!expanded) return std::nullopt;
  auto use = variant_use(*questionnaire, used_names);
  return LoadedTemplate{std::move(*questionnaire), fold_literal_text(*expanded), std::move(use)};
}

}  // namespace

std::optional<LoadedTemplate> load_template(const TemplateLibrary& lib, const std::string& id,
                                            Diagnostics& diag) {
  // Only valid ids reach the cache, so a typo is reported the usual way.
  const std::vector<std::string> known = list_template_ids(lib);
  const bool is_known = std::find(known.begin(), known.end(), id) != known.end();
  const std::string cache_path = is_known ? template_cache_path(lib, id) : "";
  if (!cache_path.empty()) {
    Diagnostics missing;  // no cache entry yet is not worth a word
    if (auto bytes = read_file(cache_path, missing))
      if (auto cached = deserialize_template(*bytes)) return cached;
  }
  auto loaded = load_template_sources(lib, id, diag);
  if (loaded && !cache_path.empty()) {
    // A cache that cannot be written only costs time.
    Diagnostics ignored;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(cache_path).parent_path(), ec);
    if (!ec && write_file_atomically(cache_path, serialize_template(*loaded), ignored)) {
      // Entries for earlier versions of this template are dead weight now.
      const std::string prefix = id + "-";
      const fs::path current = fs::path(cache_path).filename();
      for (const auto& e : fs::directory_iterator(fs::path(cache_path).parent_path(), ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && e.path().extension() == ".bin" && e.path().filename() != current &&
            name.find('-', prefix.size()) == std::string::npos)
          fs::remove(e.path(), ec);
      }
    }
  }
  return loaded;
}

}  // namespace kovgen
