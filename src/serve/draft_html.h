#pragma once
// The draft as HTML for the preview: cmark-gfm's HTML renderer over the tree every
// writer reads, raw HTML left out (user text stays text), alerts as titled boxes
// and each placeholder („[offen: …]“) marked.
#include <string>
#include <string_view>

namespace kovgen::serve {

std::string draft_html(std::string_view markdown);

// Text for HTML element content and attribute values.
std::string escape_html(std::string_view text);

}  // namespace kovgen::serve
