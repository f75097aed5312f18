#pragma once
// Shared by the libFuzzer targets: the real templates of the source tree, loaded
// once, and a check that aborts (so libFuzzer saves the input) when an invariant
// of the code under test does not hold.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "markdown_conventions.h"
#include "markdown_tree.h"
#include "pipeline.h"
#include "template_library.h"

namespace kovgen::fuzz {

inline TemplateCache& template_cache() {
  // The real OGS and Schulsozialarbeit templates with the shared fragments.
  static RealDisk disk;
  static TemplateCache cache(disk, TemplateLibrary{std::string(KOVGEN_SOURCE_DIR) + "/templates",
                                             std::string(KOVGEN_SOURCE_DIR) + "/fragments"});
  return cache;
}

// Like assert, but also in release builds, with a message.
inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
  std::abort();
}

// Every error must say what is wrong (a non-empty message).
inline void require_messages(const Diagnostics& diag) {
  for (const auto& d : diag.items()) require(!d.message.empty(), "diagnostic without a message");
}

// Fuzz bytes as a Markdown draft for a writer; odd sizes also test --draft.
struct MarkdownInput {
  MarkdownTree tree;
  WriterOptions options;
  Diagnostics diag;
};

inline MarkdownInput markdown_input(const uint8_t* data, size_t size) {
  MarkdownInput in;
  in.tree = parse_markdown(std::string_view(reinterpret_cast<const char*>(data), size));
  in.options.source_name = "fuzz.md";
  in.options.force_draft = size % 2 == 1;
  return in;
}

// A writer's result: every message says something, and a refusal says why.
// True when there are bytes to check further.
template <typename Result>
bool written(const Result& result, const Diagnostics& diag, const char* what) {
  require_messages(diag);
  if (!result) require(diag.has_errors(), what);
  return bool(result);
}

}  // namespace kovgen::fuzz
