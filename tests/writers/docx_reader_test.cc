// The one reader of other people's .docx files: its limits and its refusal of
// documents that fetch things from outside.
#include <doctest/doctest.h>

#include "docx_package.h"
#include "docx_reader.h"

using namespace kovgen;

namespace {

std::string zipped(const std::vector<DocxPart>& parts) {
  Diagnostics diag;
  auto bytes = zip_package(parts, diag);
  REQUIRE(bytes);
  return *bytes;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("docx reader: a zip bomb is refused before it is unpacked") {
  // 40 MB of zeros pack to some 40 kB: the ratio, and the part size, give it away.
  const std::string bomb = zipped({{"word/styles.xml", "application/xml", std::string(40u << 20, '\0')}});
  CHECK(bomb.size() < (1u << 20));
  Diagnostics diag;
  CHECK_FALSE(read_zip(bomb, "bombe.docx", diag));
  CHECK(contains(diag.to_string(), "bombe.docx: the part word/styles.xml unpacks to 40 MB, more than the 32 MB"));

  DocxLimits roomy;
  roomy.part_bytes = roomy.total_bytes = 64u << 20;
  Diagnostics ratio;
  CHECK_FALSE(read_zip(bomb, "bombe.docx", ratio, roomy));
  CHECK(contains(ratio.to_string(), "the part word/styles.xml is packed "));
  CHECK(contains(ratio.to_string(), "-fold, more than the 100-fold"));
}

TEST_CASE("docx reader: the number of parts, the total size and the file size are bounded") {
  std::vector<DocxPart> parts;
  for (int i = 0; i < 12; ++i) parts.push_back({"word/p" + std::to_string(i) + ".xml", "application/xml", std::string(1000, 'x')});
  const std::string bytes = zipped(parts);
  Diagnostics ok;
  CHECK(read_zip(bytes, "a.docx", ok));

  DocxLimits few;
  few.parts = 10;
  Diagnostics d1;
  CHECK_FALSE(read_zip(bytes, "a.docx", d1, few));
  CHECK(contains(d1.to_string(), "a.docx: the document has 13 parts, more than the 10 kovgen reads"));

  DocxLimits small;
  small.total_bytes = 5000;
  Diagnostics d2;
  CHECK_FALSE(read_zip(bytes, "a.docx", d2, small));
  CHECK(contains(d2.to_string(), "the parts unpack to more than the 1 MB kovgen reads from one document"));

  DocxLimits tiny_file;
  tiny_file.file_bytes = 100;
  Diagnostics d3;
  CHECK_FALSE(read_zip(bytes, "a.docx", d3, tiny_file));
  CHECK(contains(d3.to_string(), "MB kovgen reads as a Word document"));
}

TEST_CASE("docx reader: relationships that fetch from outside are refused, hyperlinks are not") {
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
      "Target=\"https://example.org/\" TargetMode=\"External\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
      "Target=\"http://tracker.example/pixel.png\" TargetMode=\"External\"/></Relationships>";
  std::map<std::string, std::string> parts = {{"word/_rels/document.xml.rels", rels}};
  Diagnostics diag;
  CHECK_FALSE(check_no_external_relationships(parts, "x.docx", diag));
  CHECK(diag.error_count() == 1);
  CHECK(contains(diag.to_string(), "\"http://tracker.example/pixel.png\""));
  CHECK(contains(diag.to_string(), "word/_rels/document.xml.rels"));

  parts["word/_rels/document.xml.rels"] = rels.substr(0, rels.find("<Relationship Id=\"rId2\"")) + "</Relationships>";
  Diagnostics fine;
  CHECK(check_no_external_relationships(parts, "x.docx", fine));
}

TEST_CASE("docx reader: a part whose bytes were changed, and a cut-off file, are refused with a message") {
  const std::string text(3000, 'k');
  const std::string bytes = zipped({{"word/document.xml", "application/xml", text}});
  Diagnostics ok;
  auto entries = read_zip(bytes, "a.docx", ok);
  REQUIRE(entries);
  CHECK(entries->at("word/document.xml") == text);
  CHECK(entries->count("[Content_Types].xml") == 1);

  // The part is stored, so one of its bytes can be changed in place: the CRC tells.
  std::string changed = bytes;
  const size_t at = changed.find(std::string(100, 'k'));
  REQUIRE(at != std::string::npos);
  changed[at + 50] = 'x';
  Diagnostics crc;
  CHECK_FALSE(read_zip(changed, "a.docx", crc));
  CHECK(contains(crc.to_string(), "a.docx: cannot read word/document.xml"));

  // Without its end (the central directory) it is no zip any more.
  Diagnostics cut;
  CHECK_FALSE(read_zip(bytes.substr(0, bytes.size() - 30), "a.docx", cut));
  CHECK(contains(cut.to_string(), "a.docx: not a Word document: a .docx file is a zip archive, and this file is none"));
}

TEST_CASE("docx writer: German file names in a zip are marked as UTF-8, ASCII names are left unmarked") {
  const std::vector<DocxPart> files = {{"Grundschule Am Bärenbrunnen.pdf", "", "x"}, {"plain.pdf", "", "y"}};
  Diagnostics diag;
  auto bytes = zip_files(files, diag);
  REQUIRE(bytes);
  // The general purpose flags of each local header (offset 6 after "PK\3\4").
  std::vector<int> flags;
  for (size_t at = bytes->find("PK\3\4"); at != std::string::npos; at = bytes->find("PK\3\4", at + 4))
    flags.push_back(static_cast<unsigned char>((*bytes)[at + 7]) << 8 | static_cast<unsigned char>((*bytes)[at + 6]));
  REQUIRE(flags.size() == 2);
  CHECK(flags[0] == 1 << 11);
  CHECK(flags[1] == 0);
  auto entries = read_zip(*bytes, "stapel.zip", diag);
  REQUIRE(entries);
  CHECK(entries->at("Grundschule Am Bärenbrunnen.pdf") == "x");
}
