// Every format recognises its own untouched output, an edited one, and a stranger.
#include <doctest/doctest.h>

#include "content_fingerprint.h"
#include "docx_package.h"
#include "docx_writer.h"
#include "output_formats.h"
#include "output_seal.h"

using namespace kovgen;

namespace {

const char* const kDraft = "# Kooperationsvereinbarung\n\n## § 1 Gegenstand\n\nDer Träger betreut 200 Kinder.\n";

std::string write(const char* format_name, std::string_view markdown = kDraft) {
  Diagnostics diag;
  auto bytes = write_formats(markdown, {find_output_format(format_name)}, WriterOptions{}, diag);
  REQUIRE_MESSAGE(bytes.has_value(), diag.to_string());
  return bytes->front();
}

std::string replaced(std::string bytes, const std::string& from, const std::string& to) {
  const size_t at = bytes.find(from);
  REQUIRE(at != std::string::npos);
  return bytes.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("output_origin: each format's own output is untouched, a changed one edited, others not kovgen's") {
  for (const char* name : {"md", "docx", "xml", "pdf"}) {
    CAPTURE(name);
    const OutputFormat& format = *find_output_format(name);
    const std::string bytes = write(name);
    CHECK(output_origin(format, bytes) == OutputOrigin::untouched);
    CHECK(bytes == write(name));  // still deterministic
    CHECK(output_origin(format, "irgendeine andere Datei\n") == OutputOrigin::not_kovgen);
    CHECK(output_origin(format, "") == OutputOrigin::not_kovgen);
  }
  const OutputFormat& md = *find_output_format("md");
  CHECK(output_origin(md, replaced(write("md"), "200", "250")) == OutputOrigin::edited);
  CHECK(output_origin(md, kDraft) == OutputOrigin::not_kovgen);
  const OutputFormat& xml = *find_output_format("xml");
  CHECK(output_origin(xml, replaced(write("xml"), "200", "250")) == OutputOrigin::edited);
  const OutputFormat& pdf = *find_output_format("pdf");
  std::string pdf_bytes = write("pdf");
  pdf_bytes[pdf_bytes.size() / 2] ^= 1;
  CHECK(output_origin(pdf, pdf_bytes) == OutputOrigin::edited);
  CHECK(output_origin(pdf, write("pdf") + "% appended\n") == OutputOrigin::edited);
}

TEST_CASE("DOCX: the fingerprint covers every other entry of the zip") {
  const std::string docx = write("docx");
  Diagnostics diag;
  auto entries = read_zip(docx, "a.docx", diag);
  REQUIRE(entries.has_value());
  REQUIRE(entries->count(std::string(kDocxFingerprintPart)) == 1);
  const std::string& custom = entries->at(std::string(kDocxFingerprintPart));
  CHECK(custom.find(kUnsealedFingerprint) == std::string::npos);
  std::map<std::string, std::string_view> views(entries->begin(), entries->end());
  CHECK(custom.find(std::string(kDocxFingerprintMarker) + docx_fingerprint(views)) != std::string::npos);
  // One word changed in document.xml: another fingerprint.
  std::string document = entries->at("word/document.xml");
  document.replace(document.find("200"), 3, "250");
  views["word/document.xml"] = document;
  CHECK(custom.find(std::string(kDocxFingerprintMarker) + docx_fingerprint(views)) == std::string::npos);
  // The Markdown's seal is no part of what a converted document shows.
  CHECK(entries->at("word/document.xml").find("kovgen:") == std::string::npos);
  CHECK(entries->at("[Content_Types].xml").find("/docProps/custom.xml") != std::string::npos);
  CHECK(entries->at("_rels/.rels").find("Target=\"docProps/custom.xml\"") != std::string::npos);
}
