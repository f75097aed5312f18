#pragma once
// Renders a checked, partial-expanded template body with kainjow mustache.

#include <string>

#include <kainjow/mustache.hpp>

namespace kovgen {

// Renders `body` (as template_check expanded it) against `context`, escaping every
// value with escape_markdown_deferred. The parsed body is kept per thread, so a
// batch that renders one body thousands of times parses it once per thread.
std::string render_body(const std::string& body, const kainjow::mustache::data& context);

// What kainjow is given to parse: the body with every run of literal
// text moved into `literals`, each run replaced with a tag (exposed for tests).
struct FoldedBody {
  std::string tags;
  std::vector<std::string> literals;
};
FoldedBody fold_literal_text(const std::string& body);

}  // namespace kovgen
