#pragma once
// Helpers shared by the tests of the DOCX writer (tests/docx_*_test.cc).
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "docx_document.h"
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

}  // namespace kovgen::docx_test
