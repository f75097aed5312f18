#pragma once
// Helpers shared by the tests of the DOCX writer (tests/docx_*_test.cc).
#include <array>
#include <map>
#include <vector>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "docx_document.h"
#include "docx_package.h"
#include "docx_xml.h"
#include "markdown_tree.h"

namespace kovgen::docx_test {

// The body's blocks (without w:sectPr) as raw XML, for exact comparisons.
inline std::string body_xml(std::string_view markdown, Diagnostics* diag_out = nullptr,
                            DocxBody* body_out = nullptr) {
  MarkdownTree tree = parse_markdown(markdown);
  DocxBody local;
  DocxBody& body = body_out ? *body_out : local;
  Diagnostics local_diag;
  Diagnostics& diag = diag_out ? *diag_out : local_diag;
  WriterOptions options;
  options.source_name = "test.md";
  render_docx_body(tree.get(), options, {}, body, diag);
  std::string out;
  for (pugi::xml_node n : body.document.child("w:document").child("w:body").children())
    if (std::string_view(n.name()) != "w:sectPr") out += xml_fragment(n);
  return out;
}

// A fresh, empty folder for one test below the build folder.
inline std::string temp_dir(const std::string& name) {
  std::filesystem::path dir = std::filesystem::path(KOVGEN_TEST_TMP) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void spit(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Runs a shell command; returns its exit status and puts its standard output in `out`.
inline int run(const std::string& command, std::string* out = nullptr) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 65536> buf;
  std::string text;
  for (size_t n; (n = fread(buf.data(), 1, buf.size(), pipe)) > 0;) text.append(buf.data(), n);
  int status = pclose(pipe);
  if (out) *out = std::move(text);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string quote(const std::string& s) { return "'" + s + "'"; }

inline std::string source_path(const std::string& relative) {
  return std::string(KOVGEN_SOURCE_DIR) + "/" + relative;
}

// templates/reference.docx as a municipality's letterhead: a logo (an image part)
// and a line of text in the header above kovgen's bookmarked paragraph, and a footer
// of its own with a page number. Written to `path`.
inline void write_letterhead_reference(const std::string& path) {
  Diagnostics diag;
  auto entries = read_zip(slurp(source_path("templates/reference.docx")), "reference.docx", diag);
  REQUIRE(entries);
  const std::string ns =
      " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
      " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
      " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
      " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
      " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";
  const std::string logo =
      "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"1080000\" cy=\"360000\"/>"
      "<wp:docPr id=\"1\" name=\"Logo\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
      "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"1\" name=\"logo.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
      "<pic:blipFill><a:blip r:embed=\"rIdLogo\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
      "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"1080000\" cy=\"360000\"/></a:xfrm>"
      "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
  std::string header = (*entries)["word/header1.xml"];
  const size_t body = header.find("<w:p>");
  REQUIRE(body != std::string::npos);
  header = "<w:hdr" + ns + "><w:p>" + logo + "<w:r><w:t xml:space=\"preserve\"> Stadt Musterstadt · Der Bürgermeister</w:t></w:r></w:p>" +
           header.substr(body);
  std::vector<DocxPart> parts;
  for (const auto& [name, bytes] : *entries) {
    if (name == "[Content_Types].xml") continue;
    if (name == "word/header1.xml")
      parts.push_back({name, "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml", header});
    else if (name == "word/footer1.xml")
      parts.push_back({name, "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
                       "<w:ftr" + ns + "><w:p><w:r><w:t xml:space=\"preserve\">Stadtverwaltung Musterstadt – Blatt </w:t></w:r>"
                       "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"});
    else
      parts.push_back({name, "application/xml", bytes});
  }
  parts.push_back({"word/_rels/header1.xml.rels", "application/vnd.openxmlformats-package.relationships+xml",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rIdLogo\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" "
                   "Target=\"media/logo.png\"/></Relationships>"});
  parts.push_back({"word/media/logo.png", "image/png", slurp(source_path("tests/data/docx/logo.png"))});
  auto zip = zip_package(parts, diag);
  REQUIRE(zip);
  spit(path, *zip);
}

}  // namespace kovgen::docx_test
