#pragma once
// A compiled-template cache: a checked template (questionnaire + expanded body)
// serialized to one small file, so that later runs skip YAML parsing and template
// checking, which otherwise dominate a single render. The key covers every source
// file of the template and the fragments (by its stat data, or by its content while
// it is freshly changed), plus the kovgen binary's identity, so an edited template
// or a rebuilt kovgen never sees a stale entry. One exception: a network file
// system may answer stat from its attribute cache (NFS: up to a minute), so an
// edit made on another machine can go unseen that long; KOVGEN_CACHE=off there.
#include <optional>
#include <string>
#include <string_view>

#include <time.h>

#include "compose.h"
#include "template_library.h"

namespace kovgen {

std::string serialize_template(const LoadedTemplate& t);
// nullopt for anything malformed (a truncated or foreign file is simply a miss).
std::optional<LoadedTemplate> deserialize_template(std::string_view bytes);

// The cache file for a template's current sources, or "" when caching is off
// (KOVGEN_CACHE=off) or no cache folder is known ($XDG_CACHE_HOME or $HOME/.cache).
std::string template_cache_path(const TemplateLibrary& lib, const std::string& id);
// The same, as if the clock showed `now` (tests look at settled and fresh files).
std::string template_cache_path(const TemplateLibrary& lib, const std::string& id, const timespec& now);

}  // namespace kovgen
