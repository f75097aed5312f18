#pragma once
// Renders a checked, partial-expanded template body with kainjow mustache.

#include <string>

#include <kainjow/mustache.hpp>

#include "folded_body.h"

namespace kovgen {

// Renders a folded body against `context`, escaping every value with
// escape_markdown_deferred. Parses are kept and shared by all threads, one for each
// render of the body at the same time, so a batch or a server that renders one
// body thousands of times parses it once per render running at once.
std::string render_body(const FoldedBody& body, const kainjow::mustache::data& context);

// The same for a body as template_check expanded it (folds it first).
std::string render_body(const std::string& body, const kainjow::mustache::data& context);

}  // namespace kovgen
