// The package: deterministic zip bytes, the expected parts, content types and
// relationships; errors from broken input.
#include <doctest/doctest.h>

#include <cstdlib>

#include "docx_package.h"
#include "docx_test_support.h"
#include "docx_writer.h"

using namespace kovgen::docx_test;

namespace {

std::optional<std::string> docx_of(const std::string& markdown, kovgen::Diagnostics& diag,
                                   const kovgen::WriterOptions& options = {}) {
  kovgen::MarkdownTree tree = kovgen::parse_markdown(markdown);
  return kovgen::write_docx(tree.get(), options, diag);
}

}  // namespace

TEST_CASE("docx package: two runs give byte-identical files") {
  const std::string md = slurp(source_path("tests/data/docx/constructs.md"));
  kovgen::Diagnostics diag;
  kovgen::WriterOptions options;
  options.creator = "kovgen " KOVGEN_VERSION;  // as the command line names itself
  auto first = docx_of(md, diag, options);
  auto second = docx_of(md, diag, options);
  REQUIRE(first);
  REQUIRE(second);
  CHECK(*first == *second);
  CHECK(!diag.has_errors());
  // And through the command line, as separate processes.
  const std::string dir = temp_dir("docx_determinism");
  const std::string cmd = quote(KOVGEN_BINARY) + " convert " + quote(source_path("tests/data/docx/constructs.md"));
  REQUIRE(run(cmd + " -o " + quote(dir + "/1.docx")) == 0);
  REQUIRE(run(cmd + " -o " + quote(dir + "/2.docx")) == 0);
  CHECK(slurp(dir + "/1.docx") == slurp(dir + "/2.docx"));
  CHECK(slurp(dir + "/1.docx") == *first);
}

TEST_CASE("docx package: entries in fixed order, stamped 1980-01-01 00:00") {
  kovgen::Diagnostics diag;
  auto bytes = docx_of("# T\n\n[x](https://example.org)\n", diag);
  REQUIRE(bytes);
  const std::string dir = temp_dir("docx_entries");
  spit(dir + "/t.docx", *bytes);
  std::string listing;
  REQUIRE(run("unzip -Z -T " + quote(dir + "/t.docx") + " | grep -v '^Archive\\|^Zip file\\|files,'", &listing) == 0);
  // unzip -Z -T: permissions, version, os, size, type, method, date-time, name
  std::vector<std::string> names, stamps;
  std::istringstream lines(listing);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    std::string f[8];
    for (auto& x : f) fields >> x;
    stamps.push_back(f[6]);
    names.push_back(f[7]);
  }
  CHECK(names == std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
                                          "docProps/app.xml", "docProps/custom.xml", "word/document.xml",
                                          "word/_rels/document.xml.rels", "word/styles.xml",
                                          "word/numbering.xml", "word/settings.xml", "word/header1.xml",
                                          "word/footer1.xml", "word/comments.xml"});
  for (const std::string& s : stamps) CHECK(s == "19800101.000000");
}

TEST_CASE("docx package: content types and relationships name every part") {
  kovgen::Diagnostics diag;
  kovgen::MarkdownTree tree = kovgen::parse_markdown("# T\n\n[x](https://example.org/?a=1&b=2)\n");
  auto parts = kovgen::docx_parts(tree.get(), {}, diag);
  REQUIRE(parts);
  std::map<std::string, std::string> by_name;
  for (const auto& p : *parts) by_name[p.name] = p.bytes;
  CHECK(by_name["_rels/.rels"] ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rIdDocument\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        "<Relationship Id=\"rIdCore\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        "<Relationship Id=\"rIdApp\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
        "<Relationship Id=\"rIdCustom\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>"
        "</Relationships>");
  const std::string rels = by_name["word/_rels/document.xml.rels"];
  for (const char* target : {"styles.xml", "numbering.xml", "settings.xml", "header1.xml", "footer1.xml", "comments.xml"})
    CHECK(rels.find(std::string("Target=\"") + target + "\"") != std::string::npos);
  CHECK(rels.find("<Relationship Id=\"rIdLink1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
                  "Target=\"https://example.org/?a=1&amp;b=2\" TargetMode=\"External\"/>") != std::string::npos);
  const std::string types = kovgen::content_types_xml(*parts);
  CHECK(types.find("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>") != std::string::npos);
  CHECK(types.find("<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>") != std::string::npos);
  for (const auto& p : *parts)
    if (p.name.find(".rels") == std::string::npos)
      CHECK_MESSAGE(types.find("PartName=\"/" + p.name + "\"") != std::string::npos, p.name);
  // The section refers to the header and footer and sets up A4.
  CHECK(by_name["word/document.xml"].find(
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
            "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            "<w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"709\" "
            "w:footer=\"709\" w:gutter=\"0\"/><w:cols w:space=\"708\"/></w:sectPr></w:body></w:document>") !=
        std::string::npos);
}

TEST_CASE("docx package: read_zip reads back what zip_package wrote, and rejects non-zips") {
  kovgen::Diagnostics diag;
  auto bytes = kovgen::zip_package({{"a/b.xml", "application/xml", "<a/>"}}, diag);
  REQUIRE(bytes);
  auto entries = kovgen::read_zip(*bytes, "x.docx", diag);
  REQUIRE(entries);
  CHECK(entries->size() == 2);
  CHECK((*entries)["a/b.xml"] == "<a/>");
  CHECK(!kovgen::read_zip("not a zip", "x.docx", diag));
  REQUIRE(diag.items().size() == 1);
  CHECK(diag.items()[0].message.rfind("not a Word document", 0) == 0);
  CHECK(diag.items()[0].where.file == "x.docx");
}

TEST_CASE("docx package: invalid UTF-8 is rejected by convert, naming file and line") {
  const std::string dir = temp_dir("docx_utf8");
  // UTF-8 elsewhere ("ä"), so the broken byte is not read as Windows-1252.
  spit(dir + "/bad.md", "# T\n\n\xC3\xA4\n\nbad \xC3\x28 byte\n");
  std::string out;
  const int status = run(quote(KOVGEN_BINARY) + " convert " + quote(dir + "/bad.md") + " -o " +
                             quote(dir + "/bad.docx") + " 2>&1",
                         &out);
  CHECK(status == 1);
  CHECK(out.find(dir + "/bad.md:5:") != std::string::npos);
  CHECK(!std::filesystem::exists(dir + "/bad.docx"));
}

TEST_CASE("docx package: control characters are dropped and reported by convert") {
  const std::string dir = temp_dir("docx_control");
  spit(dir + "/c.md", "# T\n\nvor\x0b" "nach\n");
  std::string out;
  CHECK(run(quote(KOVGEN_BINARY) + " convert " + quote(dir + "/c.md") + " -o " + quote(dir + "/c.docx") + " -q 2>&1", &out) == 0);
  CHECK(out == dir + "/c.md:3: Warnung: 1 Steuerzeichen (U+000B) entfernt, das ein Word-Dokument nicht aufnehmen kann\n");
  std::string document;
  REQUIRE(run("unzip -p " + quote(dir + "/c.docx") + " word/document.xml", &document) == 0);
  CHECK(document.find("<w:t>vornach</w:t>") != std::string::npos);
}
