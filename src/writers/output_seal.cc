#include "output_seal.h"

#include <map>
#include <string>

#include "content_fingerprint.h"
#include "docx_package.h"
#include "docx_writer.h"
#include "pdf_writer.h"

namespace kovgen {

namespace {

OutputOrigin origin(std::optional<bool> matches) {
  if (!matches) return OutputOrigin::not_kovgen;
  return *matches ? OutputOrigin::untouched : OutputOrigin::edited;
}

OutputOrigin docx_origin(std::string_view bytes) {
  Diagnostics ignored;  // a file that is no zip is simply not kovgen's
  auto entries = read_zip(bytes, "", ignored);
  if (!entries) return OutputOrigin::not_kovgen;
  auto custom = entries->find(std::string(kDocxFingerprintPart));
  if (custom == entries->end()) return OutputOrigin::not_kovgen;
  const size_t at = custom->second.find(kDocxFingerprintMarker);
  if (at == std::string::npos) return OutputOrigin::not_kovgen;
  const std::string recorded = custom->second.substr(at + kDocxFingerprintMarker.size(), kUnsealedFingerprint.size());
  std::map<std::string, std::string_view> views(entries->begin(), entries->end());
  return docx_fingerprint(views) == recorded ? OutputOrigin::untouched : OutputOrigin::edited;
}

}  // namespace

OutputOrigin output_origin(const OutputFormat& format, std::string_view bytes) {
  if (format.name == "md") return origin(split_markdown_seal(bytes).matches);
  if (format.name == "docx") return docx_origin(bytes);
  if (format.name == "xml") return origin(seal_in_place_matches(bytes, kDocxFingerprintMarker));
  if (format.name == "pdf") return origin(seal_in_place_matches(bytes, kPdfFingerprintMarker));
  return OutputOrigin::not_kovgen;
}

}  // namespace kovgen
