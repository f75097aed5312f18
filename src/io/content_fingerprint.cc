#include "content_fingerprint.h"

#include <xxhash.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace kovgen {

namespace {

constexpr std::string_view kMarkdownSealStart = "<!-- kovgen: ";
constexpr std::string_view kMarkdownSealEnd = " -->\n";

bool is_fingerprint(std::string_view s) {
  if (s.size() != kUnsealedFingerprint.size()) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// The last place of `needle` in `text`, as string_view::rfind, which compares
// the needle at every position from the end: the seal sits near the start of a
// PDF and of a DOCX's zip, so that was tens of thousands of comparisons per file.
// This one jumps from one occurrence of the needle's first byte to the previous.
size_t find_last(std::string_view text, std::string_view needle) {
  if (needle.empty()) return text.size();
  if (needle.size() > text.size()) return std::string_view::npos;
  size_t starts = text.size() - needle.size() + 1;  // the places it may start at: [0, starts)
  while (starts > 0) {
    const void* hit = memrchr(text.data(), needle.front(), starts);
    if (!hit) break;
    const size_t at = size_t(static_cast<const char*>(hit) - text.data());
    if (text.substr(at, needle.size()) == needle) return at;
    starts = at;
  }
  return std::string_view::npos;
}

}  // namespace

std::string content_fingerprint(const std::vector<std::string_view>& parts) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  for (std::string_view part : parts) {
    // Each part's length first, so that moving bytes between parts changes the result.
    const uint64_t size = part.size();
    XXH3_128bits_update(state, &size, sizeof size);
    XXH3_128bits_update(state, part.data(), part.size());
  }
  const XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return buf;
}

bool seal_in_place(std::string& bytes, std::string_view marker) {
  std::string placeholder(marker);
  placeholder += kUnsealedFingerprint;
  const size_t at = find_last(bytes, placeholder);
  if (at == std::string::npos) return false;
  const std::string fingerprint = content_fingerprint({bytes});
  bytes.replace(at + marker.size(), fingerprint.size(), fingerprint);
  return true;
}

std::optional<bool> seal_in_place_matches(std::string_view bytes, std::string_view marker) {
  const size_t at = find_last(bytes, marker);
  if (at == std::string_view::npos) return std::nullopt;
  const size_t value_at = at + marker.size();
  const std::string_view recorded = bytes.substr(value_at, kUnsealedFingerprint.size());
  if (!is_fingerprint(recorded)) return std::nullopt;
  std::string unsealed(bytes);
  unsealed.replace(value_at, kUnsealedFingerprint.size(), kUnsealedFingerprint);
  return content_fingerprint({unsealed}) == recorded;
}

std::string seal_markdown(std::string_view markdown) {
  std::string out = split_markdown_seal(markdown).content;
  // The seal must start a line of its own, or it would join the last paragraph.
  if (!out.empty() && out.back() != '\n') out += '\n';
  const std::string fingerprint = content_fingerprint({out});
  out += kMarkdownSealStart;
  out += fingerprint;
  out += kMarkdownSealEnd;
  return out;
}

MarkdownSeal split_markdown_seal(std::string_view markdown) {
  for (size_t at = markdown.rfind(kMarkdownSealStart); at != std::string_view::npos;
       at = at == 0 ? std::string_view::npos : markdown.rfind(kMarkdownSealStart, at - 1)) {
    if (at > 0 && markdown[at - 1] != '\n') continue;
    const std::string_view recorded = markdown.substr(at + kMarkdownSealStart.size(), kUnsealedFingerprint.size());
    const size_t end_at = at + kMarkdownSealStart.size() + kUnsealedFingerprint.size();
    const std::string_view end = kMarkdownSealEnd.substr(0, kMarkdownSealEnd.size() - 1);  // " -->"
    if (!is_fingerprint(recorded) || markdown.substr(end_at, end.size()) != end) continue;
    size_t after = end_at + end.size();
    if (after < markdown.size() && markdown[after] == '\n') ++after;
    else if (after < markdown.size()) continue;  // the comment shares its line with text: no seal of ours
    const std::string_view before = markdown.substr(0, at);
    const std::string_view rest = markdown.substr(after);
    MarkdownSeal seal{std::string(before) + std::string(rest), std::nullopt};
    seal.matches = rest.empty() && content_fingerprint({before}) == recorded;
    return seal;
  }
  return {std::string(markdown), std::nullopt};
}

}  // namespace kovgen
