// Integration: LibreOffice converts every sample and fixture DOCX to PDF (one
// soffice run for all, as it takes seconds); pdftotext shows that the pages are
// A4, carry the § headings, „Seite 1 von“, ENTWURF on drafts, and that every
// keep-together group (signature blocks) ends up on a single page.
#include <doctest/doctest.h>

#include <vector>

#include "docx_test_support.h"
#include "markdown_tree.h"

using namespace kovgen::docx_test;

namespace {

// Runs of white space (including no-break spaces, as in „§ 1“) as one space.
std::string normalized(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      c = ' ';
      ++i;
    }
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Plain text of every top-level block of a Markdown snippet (or only its headings).
std::vector<std::string> block_texts(const std::string& markdown, bool headings_only = false) {
  kovgen::MarkdownTree tree = kovgen::parse_markdown(markdown);
  std::vector<std::string> out;
  for (cmark_node* n = cmark_node_first_child(tree.get()); n; n = cmark_node_next(n)) {
    const cmark_node_type type = cmark_node_get_type(n);
    if (type != CMARK_NODE_HTML_BLOCK && (!headings_only || type == CMARK_NODE_HEADING))
      out.push_back(normalized(kovgen::plain_text(n)));
  }
  return out;
}

struct Document {
  std::string name;
  std::string markdown;
};

}  // namespace

TEST_CASE("docx libreoffice: samples become A4 PDFs with § headings, page numbers and whole signature blocks" * doctest::test_suite("slow")) {
  const std::string dir = temp_dir("docx_libreoffice");
  std::vector<Document> docs;
  for (const auto& e : std::filesystem::directory_iterator(source_path("tests/data/docx"))) {
    if (e.path().extension() != ".md") continue;
    const std::string name = "fixture-" + e.path().stem().string();
    REQUIRE(run(quote(KOVGEN_BINARY) + " convert " + quote(e.path().string()) + " -o " + quote(dir + "/" + name + ".docx")) == 0);
    docs.push_back({name, slurp(e.path().string())});
  }
  int samples = 0;
  if (std::filesystem::exists(source_path("samples")))
    for (const auto& e : std::filesystem::recursive_directory_iterator(source_path("samples"))) {
      if (e.path().extension() != ".yaml" || e.path().string().find("/batch/") != std::string::npos) continue;
      const std::string name = "sample-" + e.path().stem().string();
      const int status = run(quote(KOVGEN_BINARY) + " render " + quote(e.path().string()) + " --out " + quote(dir) +
                             " --name " + name + " --format md,docx 2>/dev/null");
      INFO(e.path());
      CHECK((status == 0 || status == 3));  // 3: rendered, not ready to sign
      if (!std::filesystem::exists(dir + "/" + name + ".docx")) continue;
      docs.push_back({name, slurp(dir + "/" + name + ".md")});
      ++samples;
    }
  MESSAGE("converting " << docs.size() << " documents (" << samples << " samples) with LibreOffice");
  REQUIRE(!docs.empty());

  std::string files;
  for (const Document& d : docs) files += " " + quote(dir + "/" + d.name + ".docx");
  // Its own profile, so that parallel runs and a user's LibreOffice do not clash.
  std::string log;
  const int status = run("soffice -env:UserInstallation=file://" + dir + "/profile --headless --convert-to pdf --outdir " +
                             quote(dir) + files + " 2>&1",
                         &log);
  INFO(log);
  REQUIRE(status == 0);

  for (const Document& d : docs) {
    INFO(d.name);
    const std::string pdf = dir + "/" + d.name + ".pdf";
    REQUIRE(std::filesystem::exists(pdf));
    std::string info, text;
    REQUIRE(run("pdfinfo " + quote(pdf), &info) == 0);
    CHECK(info.find("(A4)") != std::string::npos);
    REQUIRE(run("pdftotext " + quote(pdf) + " -", &text) == 0);
    const std::string flat = normalized(text);
    CHECK(flat.find("Seite 1 von") != std::string::npos);
    const bool draft = d.markdown.find("[!CAUTION]") != std::string::npos;
    CHECK((flat.find("ENTWURF") != std::string::npos) == draft);

    int headings = 0;
    for (const std::string& block : block_texts(d.markdown, true))
      if (block.rfind("§ ", 0) == 0) {
        ++headings;
        CHECK_MESSAGE(flat.find(block) != std::string::npos, block);
      }
    CHECK(headings >= 2);

    // Every keep-together group lies on one page.
    std::vector<std::string> pages;
    for (size_t start = 0, end; start < text.size(); start = end + 1) {
      end = text.find('\f', start);
      if (end == std::string::npos) end = text.size();
      pages.push_back(normalized(text.substr(start, end - start)));
    }
    const std::string begin = "<!-- kovgen:keep-together -->", finish = "<!-- kovgen:end-keep-together -->";
    int groups = 0;
    for (size_t at = d.markdown.find(begin); at != std::string::npos; at = d.markdown.find(begin, at + 1)) {
      const size_t stop = d.markdown.find(finish, at);
      REQUIRE(stop != std::string::npos);
      const std::vector<std::string> group = block_texts(d.markdown.substr(at, stop - at));
      bool together = false;
      for (const std::string& page : pages) {
        bool all = true;
        for (const std::string& block : group) all = all && page.find(block) != std::string::npos;
        together = together || all;
      }
      CHECK_MESSAGE(together, group.front());
      ++groups;
    }
    CHECK(groups >= 1);
  }
}

TEST_CASE("docx libreoffice: a reference document saved by LibreOffice brings its design" * doctest::test_suite("slow")) {
  const std::string dir = temp_dir("docx_libreoffice_reference");
  std::string log;
  // LibreOffice rewrites every part of our reference, as an office suite does when a
  // municipality saves its restyled copy.
  REQUIRE(run("soffice -env:UserInstallation=file://" + dir + "/profile --headless --convert-to "
              "'docx:MS Word 2007 XML' --outdir " + quote(dir + "/saved") + " " +
              quote(source_path("templates/reference.docx")) + " 2>&1",
              &log) == 0);
  INFO(log);
  const std::string reference = dir + "/saved/reference.docx";
  REQUIRE(std::filesystem::exists(reference));
  const std::string docx = dir + "/out.docx";
  REQUIRE(run(quote(KOVGEN_BINARY) + " convert " + quote(source_path("tests/data/docx/constructs.md")) + " -o " +
              quote(docx) + " --reference-docx " + quote(reference) + " 2>&1", &log) == 0);
  std::string native;
  REQUIRE(run("pandoc -f docx -t native " + quote(docx), &native) == 0);
  // LibreOffice renamed the ids (Heading 1, TextBody, KastenAchtung, …); headings
  // are still headings because styles are matched by name.
  native = normalized(native);
  CHECK(native.find("Header 1 ( \"vertragsgegenstand\"") != std::string::npos);
  CHECK(native.find("Header 2 ( \"zeiten\"") != std::string::npos);
  CHECK(native.find("OrderedList") != std::string::npos);
  std::string styles;
  REQUIRE(run("unzip -p " + quote(docx) + " word/styles.xml", &styles) == 0);
  CHECK(styles.find("<w:name w:val=\"Kasten Achtung\"/>") != std::string::npos);
  std::string rels;
  REQUIRE(run("unzip -p " + quote(docx) + " word/_rels/document.xml.rels", &rels) == 0);
  CHECK(rels.find("Target=\"fontTable.xml\"") != std::string::npos);
  std::string document;
  REQUIRE(run("unzip -p " + quote(docx) + " word/document.xml", &document) == 0);
  CHECK(document.find("<w:pStyle w:val=\"KastenAchtung\"/>") != std::string::npos);
  CHECK(document.find("<w:pStyle w:val=\"AlertCaution\"/>") == std::string::npos);
}

TEST_CASE("docx libreoffice: a letterhead reference prints its logo, its text and kovgen's header line" * doctest::test_suite("slow")) {
  const std::string dir = temp_dir("docx_libreoffice_letterhead");
  write_letterhead_reference(dir + "/briefkopf.docx");
  REQUIRE(run(quote(KOVGEN_BINARY) + " convert " + quote(source_path("tests/data/docx/agreement.md")) + " -o " +
              quote(dir + "/out.docx") + " --reference-docx " + quote(dir + "/briefkopf.docx")) == 0);
  std::string log;
  REQUIRE(run("soffice -env:UserInstallation=file://" + dir + "/profile --headless --convert-to pdf --outdir " +
                  quote(dir) + " " + quote(dir + "/out.docx") + " 2>&1",
              &log) == 0);
  INFO(log);
  std::string text, images;
  REQUIRE(run("pdftotext " + quote(dir + "/out.pdf") + " -", &text) == 0);
  const std::string flat = normalized(text);
  CHECK(flat.find("Stadt Musterstadt · Der Bürgermeister") != std::string::npos);
  CHECK(flat.find("ENTWURF – Kooperationsvereinbarung über die Durchführung") != std::string::npos);
  CHECK(flat.find("Stadtverwaltung Musterstadt – Blatt 2") != std::string::npos);
  CHECK(flat.find("Seite 1 von") == std::string::npos);  // the letterhead's footer replaces ours
  REQUIRE(run("pdfimages -list " + quote(dir + "/out.pdf"), &images) == 0);
  CHECK(images.find(" 120    40 ") != std::string::npos);  // the 120 × 40 logo, on every page
}
