#pragma once
// A Markdown text cut into pieces that each parse on their own to exactly the
// blocks they are in the whole text, so that a reader of one edited draft after
// another (the serve preview) parses again only the pieces that changed.
#include <string_view>
#include <vector>

namespace kovgen {

// The text cut before every heading of level 1 or 2 that starts a line, at its
// first column, after a blank line: such a line ends every open list, block quote,
// paragraph and table, so nothing before it reaches past it. Three things can:
// a link reference definition ("[x]: …") applies to the whole text, and a code
// fence or an HTML block that only ends at its own end marker (<pre>, <script>,
// <style>, <textarea>, a comment over several lines, <? or <!) may hold the
// heading line as its content. A text with any of them is one piece. The pieces
// are consecutive and together the whole text.
std::vector<std::string_view> independent_sections(std::string_view markdown);

}  // namespace kovgen
