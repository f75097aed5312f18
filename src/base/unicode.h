#pragma once
// The few Unicode operations kovgen needs, behind one interface (utf8proc does
// the work). Text from outside may spell "ä" as one code point (NFC, what Windows
// and Linux write) or as "a" + combining diaeresis (NFD, what macOS writes); the
// fonts, the edit distance and every comparison assume NFC, so readers normalise
// once, where the bytes become text (decode_text, src/base/text_decoding.h).
#include <string>
#include <string_view>

namespace kovgen {

// text in Normalization Form C. text must be valid UTF-8 (readers check it
// first); invalid text is returned unchanged.
std::string to_nfc(std::string_view text);
// The same in place, without a copy when the text already is in NFC (the usual case).
void normalize_nfc(std::string& text);
// Whether a code point is in NFC whatever stands around it: it neither decomposes
// nor composes with a neighbour. Text of such code points only needs no utf8proc
// pass. True below U+0300 and for German typography's punctuation and currency
// signs („“ – … €); false where it is unsure.
bool nfc_inert(char32_t cp);

// The case-folded NFC form, for comparisons that ignore case ("JÄHRLICH" and
// "jährlich" fold alike; "ß" folds to "ss"). Never shown to anyone.
std::string case_fold(std::string_view text);

// Whether a and b are the same text up to case (after case folding).
bool equal_ignoring_case(std::string_view a, std::string_view b);

// Columns the text takes in a terminal: East Asian wide characters and most
// emoji take two, combining marks and other zero-width characters none, every
// other character one. Invalid bytes count one column each.
size_t display_width(std::string_view text);

// text padded with spaces on the right to `width` columns (unchanged if wider).
std::string pad_to_width(std::string_view text, size_t width);

}  // namespace kovgen
