// --reference-docx: styles, page setup, fonts and theme come from a user's .docx;
// style ids that Word localised are matched by style name.
#include <doctest/doctest.h>

#include "disk.h"
#include "docx_package.h"
#include "docx_test_support.h"
#include "docx_writer.h"
#include "output_formats.h"

using namespace kovgen::docx_test;

namespace {

std::map<std::string, std::string> parts_of(const std::string& markdown, const std::string& reference,
                                             kovgen::Diagnostics& diag) {
  kovgen::MarkdownTree tree = kovgen::parse_markdown(markdown);
  kovgen::WriterOptions options;
  if (!reference.empty()) {
    kovgen::RealDisk disk;
    options.reference_docx = kovgen::load_reference_docx(disk, reference, diag);
    if (!options.reference_docx) return {};
  }
  auto parts = kovgen::docx_parts(tree.get(), options, diag);
  std::map<std::string, std::string> out;
  if (parts)
    for (const auto& p : *parts) out[p.name] = p.bytes;
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

// Our reference document as German Word saves it: localised style ids, another
// font, US Letter landscape, no alert styles, and a theme and font table.
std::string german_word_reference() {
  kovgen::Diagnostics diag;
  auto entries = kovgen::read_zip(slurp(source_path("templates/reference.docx")), "reference.docx", diag);
  REQUIRE(entries);
  std::string styles = (*entries)["word/styles.xml"];
  replace_all(styles, "w:styleId=\"Heading1\"", "w:styleId=\"berschrift1\"");
  replace_all(styles, "w:styleId=\"Normal\"", "w:styleId=\"Standard\"");
  replace_all(styles, "w:basedOn w:val=\"Normal\"", "w:basedOn w:val=\"Standard\"");
  replace_all(styles, "w:styleId=\"BodyText\"", "w:styleId=\"Textkrper\"");
  replace_all(styles, "w:val=\"BodyText\"", "w:val=\"Textkrper\"");
  replace_all(styles, "w:ascii=\"Times New Roman\"", "w:ascii=\"Arial\"");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(styles.c_str()));
  for (pugi::xml_node s = doc.child("w:styles").child("w:style"); s;) {
    pugi::xml_node next = s.next_sibling("w:style");
    if (std::string(s.attribute("w:styleId").value()).rfind("Alert", 0) == 0) doc.child("w:styles").remove_child(s);
    s = next;
  }
  std::vector<kovgen::DocxPart> parts;
  for (const auto& [name, bytes] : *entries) {
    if (name == "[Content_Types].xml") continue;
    std::string b = bytes;
    if (name == "word/styles.xml") b = kovgen::xml_part_bytes(doc);
    if (name == "word/document.xml")
      replace_all(b, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>", "<w:pgSz w:w=\"15840\" w:h=\"12240\" w:orient=\"landscape\"/>");
    if (name == "word/_rels/document.xml.rels")
      replace_all(b, "</Relationships>",
                  "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\"/>"
                  "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/></Relationships>");
    parts.push_back({name, "application/xml", b});
  }
  parts.push_back({"word/theme/theme1.xml", "application/xml",
                   "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Stadt\"/>"});
  parts.push_back({"word/fontTable.xml", "application/xml",
                   "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                   "<w:font w:name=\"Arial\"/></w:fonts>"});
  auto zip = kovgen::zip_package(parts, diag);
  REQUIRE(zip);
  return *zip;
}

}  // namespace

TEST_CASE("docx reference: templates/reference.docx is what scripts/make-reference-docx.sh makes") {
  const std::string dir = temp_dir("docx_reference_script");
  std::string log;
  INFO(log);
  REQUIRE(run("KOVGEN=" + quote(KOVGEN_BINARY) + " " + quote(source_path("scripts/make-reference-docx.sh")) + " " +
                  quote(dir + "/reference.docx") + " 2>&1",
              &log) == 0);
  CHECK_MESSAGE(slurp(dir + "/reference.docx") == slurp(source_path("templates/reference.docx")),
                "run scripts/make-reference-docx.sh to update templates/reference.docx");
}

TEST_CASE("docx reference: the shipped reference reproduces the default output exactly") {
  const std::string markdown = slurp(source_path("tests/data/docx/constructs.md"));
  kovgen::Diagnostics diag;
  const auto plain = parts_of(markdown, "", diag);
  const auto with_reference = parts_of(markdown, source_path("templates/reference.docx"), diag);
  CHECK(!diag.has_errors());
  CHECK(plain == with_reference);
}

TEST_CASE("docx reference: localised style ids, fonts, page setup and theme are taken over") {
  const std::string dir = temp_dir("docx_reference_german");
  spit(dir + "/stadt.docx", german_word_reference());
  kovgen::Diagnostics diag;
  auto parts = parts_of("# T\n\n## § 1 A\n\nText\n\n> [!CAUTION]\n> fehlt\n", dir + "/stadt.docx", diag);
  INFO(diag.to_string());
  REQUIRE(!diag.has_errors());
  const std::string& document = parts["word/document.xml"];
  CHECK(document.find("<w:pStyle w:val=\"berschrift1\"/></w:pPr><w:r><w:t>§ 1 A</w:t>") != std::string::npos);
  CHECK(document.find("<w:pStyle w:val=\"Textkrper\"/></w:pPr><w:r><w:t>Text</w:t>") != std::string::npos);
  CHECK(document.find("<w:pgSz w:w=\"15840\" w:h=\"12240\" w:orient=\"landscape\"/>") != std::string::npos);
  const std::string& styles = parts["word/styles.xml"];
  CHECK(styles.find("w:ascii=\"Arial\"") != std::string::npos);
  CHECK(styles.find("w:styleId=\"Heading1\"") == std::string::npos);
  CHECK(styles.find("w:styleId=\"Normal\"") == std::string::npos);
  // The alert styles the reference lacks are added, based on its body text style.
  CHECK(styles.find("<w:style w:type=\"paragraph\" w:styleId=\"AlertCaution\"><w:name w:val=\"Kasten Achtung\"/>"
                    "<w:basedOn w:val=\"Textkrper\"/>") != std::string::npos);
  CHECK(parts["word/theme/theme1.xml"] ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Stadt\"/>");
  CHECK(parts.count("word/fontTable.xml") == 1);
  CHECK(parts["word/_rels/document.xml.rels"].find("Target=\"theme/theme1.xml\"") != std::string::npos);
  // Tables are sized to the reference's wider text area.
  auto wide = parts_of("| a | b |\n| - | - |\n| 1 | 2 |\n", dir + "/stadt.docx", diag);
  CHECK(wide["word/document.xml"].find("<w:tblW w:w=\"13004\" w:type=\"dxa\"/>") != std::string::npos);
}

TEST_CASE("docx reference: a missing or broken reference is an error naming the file") {
  const std::string dir = temp_dir("docx_reference_errors");
  spit(dir + "/text.docx", "just text");
  kovgen::Diagnostics empty_zip_diag;
  auto empty_zip = kovgen::zip_package({{"word/document.xml", "application/xml", "<w:document/>"}}, empty_zip_diag);
  REQUIRE(empty_zip);
  spit(dir + "/nostyles.docx", *empty_zip);
  struct Case {
    std::string file;
    std::string message;
  };
  for (const Case& c : {Case{dir + "/missing.docx", "Datei kann nicht geöffnet werden"},
                        Case{dir + "/text.docx", "kein Word-Dokument: Eine .docx-Datei ist ein ZIP-Archiv, diese Datei ist keines"},
                        Case{dir + "/nostyles.docx", "kein Word-Dokument: word/styles.xml fehlt"}}) {
    std::string out;
    const int status = run(quote(KOVGEN_BINARY) + " convert " + quote(source_path("tests/data/docx/constructs.md")) +
                               " -o " + quote(dir + "/out.docx") + " --reference-docx " + quote(c.file) + " 2>&1",
                           &out);
    INFO(out);
    CHECK(status == 1);
    CHECK(out.rfind(c.file + ": " + c.message, 0) == 0);
    CHECK(!std::filesystem::exists(dir + "/out.docx"));
  }
}

TEST_CASE("docx reference: the letterhead's logo and text stay, kovgen's header line is set into it") {
  const std::string dir = temp_dir("docx_reference_letterhead");
  write_letterhead_reference(dir + "/briefkopf.docx");
  kovgen::Diagnostics diag;
  auto parts = parts_of("# Vereinbarung Lindenhof\n\n> [!CAUTION]\n> fehlt\n", dir + "/briefkopf.docx", diag);
  INFO(diag.to_string());
  REQUIRE(!diag.has_errors());
  const std::string& header = parts["word/header1.xml"];
  CHECK(header.find("<a:blip r:embed=\"rIdLogo\"/>") != std::string::npos);
  CHECK(header.find("Stadt Musterstadt · Der Bürgermeister") != std::string::npos);
  // The bookmarked paragraph now holds this document's title, not the reference's.
  CHECK(header.find("<w:bookmarkStart w:id=\"900001\" w:name=\"kovgen_kopfzeile\"/><w:r><w:rPr><w:b/>"
                    "<w:color w:val=\"C00000\"/></w:rPr><w:t>ENTWURF</w:t></w:r><w:r><w:t xml:space=\"preserve\"> – </w:t>"
                    "</w:r><w:r><w:t>Vereinbarung Lindenhof</w:t></w:r><w:bookmarkEnd w:id=\"900001\"/></w:p>") !=
        std::string::npos);
  CHECK(header.find("Formatvorlage") == std::string::npos);
  CHECK(parts["word/_rels/header1.xml.rels"] ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rIdLogo\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
        "Target=\"media/logo.png\"/></Relationships>");
  CHECK(parts["word/media/logo.png"] == slurp(source_path("tests/data/docx/logo.png")));
  // A footer that counts pages itself stays as it is.
  CHECK(parts["word/footer1.xml"].find("Stadtverwaltung Musterstadt – Blatt ") != std::string::npos);
  CHECK(parts["word/footer1.xml"].find("kovgen_fusszeile") == std::string::npos);
  CHECK(parts.count("word/_rels/footer1.xml.rels") == 0);
}

TEST_CASE("docx reference: images reach the .docx with their content type, and the Flat OPC as base64") {
  const std::string dir = temp_dir("docx_reference_letterhead_package");
  write_letterhead_reference(dir + "/briefkopf.docx");
  const std::string md = source_path("tests/data/docx/constructs.md");
  for (const char* ext : {".docx", ".xml"})
    REQUIRE(run(quote(KOVGEN_BINARY) + " convert " + quote(md) + " -o " + quote(dir + "/out" + ext) +
                " --reference-docx " + quote(dir + "/briefkopf.docx")) == 0);
  std::string types, png;
  REQUIRE(run("unzip -p " + quote(dir + "/out.docx") + " '[[]Content_Types].xml'", &types) == 0);
  CHECK(types.find("<Override PartName=\"/word/media/logo.png\" ContentType=\"image/png\"/>") != std::string::npos);
  REQUIRE(run("unzip -p " + quote(dir + "/out.docx") + " word/media/logo.png", &png) == 0);
  CHECK(png == slurp(source_path("tests/data/docx/logo.png")));
  std::string decoded;
  REQUIRE(run("sed -n '/pkg:name=\"\\/word\\/media\\/logo.png\"/,/<\\/pkg:binaryData>/p' " + quote(dir + "/out.xml") +
                  " | sed -e 's/.*<pkg:binaryData>//' -e 's/<\\/pkg:binaryData>.*//' | base64 -d",
              &decoded) == 0);
  CHECK(decoded == png);
}
