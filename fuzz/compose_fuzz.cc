// Composing: answers accepted by the loader, merged with the real OGS or
// Schulsozialarbeit template into the Markdown draft.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "markdown_tree.h"
#include "utf8.h"

using namespace kovgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Diagnostics diag;
  auto loaded = load_answers(text, "fuzz.yaml", "", fuzz::template_cache(), diag);
  if (!loaded) return 0;
  ComposeOptions options;
  options.stand_fallback = Date{2026, 2, 10};
  const Draft draft = make_draft(*loaded->tmpl, loaded->answers, options);
  fuzz::require(!draft.markdown.empty(), "empty draft");
  fuzz::require(find_invalid_utf8(draft.markdown) == std::string::npos, "draft is not valid UTF-8");
  MarkdownTree tree = parse_markdown(draft.markdown);
  fuzz::require(tree != nullptr, "draft does not parse");
  return 0;
}
