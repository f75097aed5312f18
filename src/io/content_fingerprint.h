#pragma once
// Fingerprints of content kovgen wrote: batch's resume manifests, and the seal each
// output carries so that a later run can tell an untouched output (replace it) from
// one edited by hand or written by someone else (keep it).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kovgen {

// xxHash's XXH3 (128 bits) over the parts and their lengths, as 32 hex digits.
// Not cryptographic: it detects changes, it does not resist forgery.
std::string content_fingerprint(const std::vector<std::string_view>& parts);

// What a fingerprint looks like before it is known: 32 zeros, as long as a real one.
constexpr std::string_view kUnsealedFingerprint = "00000000000000000000000000000000";

// Seals bytes that carry `marker` followed by kUnsealedFingerprint (the last such
// place): the zeros become the fingerprint of the whole bytes as they are with
// the zeros. Same length, so offsets (a PDF's cross-reference table) stay right.
// False when the bytes have no such place.
bool seal_in_place(std::string& bytes, std::string_view marker);

// The other side of seal_in_place: nullopt when the bytes carry no `marker` with
// 32 hex digits after it (not written by kovgen, or by an older kovgen); else
// whether that fingerprint matches the bytes.
std::optional<bool> seal_in_place_matches(std::string_view bytes, std::string_view marker);

// Markdown carries its seal as its last line, an HTML comment that no Markdown
// reader shows: "<!-- kovgen: <fingerprint of everything before this line> -->".
std::string seal_markdown(std::string_view markdown);

// The Markdown without its (last) seal line, as it is when it has none, and
// whether that seal matched: nullopt when there was none. Text added after the
// seal counts as an edit and stays in the content.
struct MarkdownSeal {
  std::string content;
  std::optional<bool> matches;
};
MarkdownSeal split_markdown_seal(std::string_view markdown);

}  // namespace kovgen
