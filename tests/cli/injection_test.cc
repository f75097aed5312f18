// Injection: whatever people type is printed literally in every format. Answers
// full of Markdown, HTML, XML, PDF string syntax and Mustache tags go through
// kovgen render, and real clients read the outputs back: cmark-gfm for the
// Markdown, pandoc for the DOCX, pugixml for the Flat OPC XML, pdftotext and
// qpdf for the PDF. Batch: CSV formulas in the summary, path traversal in
// folder names.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include <pugixml.hpp>
#include <unistd.h>

#include "markdown_tree.h"
#include "test_support.h"

using namespace kovgen;
using namespace kovgen::test;
namespace fs = std::filesystem;

namespace {

// The mini test template, plus its long text and a one-line value at the start
// of a paragraph, in a library of its own under the build tree.
std::string injection_templates() {
  static const std::string dir = [] {
    // One per process: ctest runs the test cases as parallel processes.
    const std::string d = fresh_temp_dir("injection/library-" + std::to_string(getpid()));
    fs::copy(source_dir() + "/tests/data/templates", d + "/templates", fs::copy_options::recursive);
    fs::copy(source_dir() + "/tests/data/fragments", d + "/fragments", fs::copy_options::recursive);
    const std::string body = d + "/templates/mini/vereinbarung.md.mustache";
    write_text(body, read_text(body) + "\n## § Konzept\n\n{{zeiten.konzept}}\n\n{{meta.titel}}\n");
    return d + "/templates";
  }();
  return dir;
}

std::vector<std::string> env() {
  return {"KOVGEN_TEMPLATES=" + injection_templates(), "SOURCE_DATE_EPOCH=1770681600"};
}

// One-line payloads, each a complete attack on one format.
const std::map<std::string, std::string> kPayloads = {
    {"markdown", "**fett** _kursiv_ `code` ~~weg~~ [Link](https://example.org) ![Bild](x.png) \\* \\\\ # H | Z |"},
    {"html", "<b>fett</b> <script>alert(1)</script> <!-- kovgen:page-break --> &amp; &#65; <br>"},
    {"xml", "]]> <![CDATA[ x ]]> & &lt; < > \" ' <w:p/> </w:t>"},
    {"pdf", "( ) \\ \\( \\) (( )) ) Tj ET BT /F1 99 Tf % %%EOF"},
    {"mustache", "{{meta.titel}} {{{kovgen.checkliste_tabelle}}} {{> schluss}} {{#kovgen.entwurf}}x{{/kovgen.entwurf}} {{=<% %>=}}"},
};

// Line starts that would be block syntax, in a long text.
const std::string kBlockLines =
    "# Keine Überschrift\n- kein Listenpunkt\n1. keine Nummer\n> kein Zitat\n> [!CAUTION]\n"
    "    kein Code\n---\n| a | b |\n<!-- kovgen:keep-together -->\n```\nkein Zaun";

std::string yaml_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// The mini template's answers with every payload in a text field, a list item,
// a table cell and the long text.
std::string answers_with(const std::string& payload) {
  const std::string q = yaml_quoted(payload);
  return "vorlage: mini\nmeta:\n  titel: " + q + "\n  stand: 2026-02-10\nvertragspartner:\n  schultraeger_name: " +
         q + "\n  traeger_art: AWO\nfinanzierung:\n  eigenanteil_je_platz: 100\n  plaetze: 10\nzeiten:\n"
         "  beginn: \"8:00\"\n  ende: \"16:00\"\n  ziele: [" + q + ", " + q + "]\n  konzept: " +
         yaml_quoted(payload + "\n" + kBlockLines) + "\nbeschluss:\n  gremien:\n    - {gremium: " + q +
         ", datum: 2026-02-24}\n";
}

std::string without_whitespace(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (!std::isspace(c)) out += static_cast<char>(c);
  // pdftotext prints U+00A0 as itself; drop it like a space.
  for (size_t p; (p = out.find("\u00A0")) != std::string::npos;) out.erase(p, 2);
  return out;
}

// Occurrences that do not overlap (test::count counts overlapping ones too).
size_t count_apart(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t p = 0; (p = haystack.find(needle, p)) != std::string::npos; p += needle.size()) ++n;
  return n;
}

struct Rendered {
  std::string dir;
  std::string markdown;
};

Rendered render_all(const std::string& name, const std::string& payload) {
  Rendered r;
  r.dir = fresh_temp_dir("injection/" + name);
  write_text(r.dir + "/a.yaml", answers_with(payload));
  CommandResult c = run_kovgen({"render", r.dir + "/a.yaml", "--out", r.dir, "--name", "out"}, "", env());
  INFO(c.err);
  REQUIRE(c.exit_code == 0);
  r.markdown = read_text(r.dir + "/out.md");
  return r;
}

// The node types below the root, except text and line breaks, with their counts.
std::map<std::string, int> structure(const std::string& markdown) {
  std::map<std::string, int> types;
  MarkdownTree tree = parse_markdown(markdown);
  std::vector<cmark_node*> stack{tree.get()};
  while (!stack.empty()) {
    cmark_node* n = stack.back();
    stack.pop_back();
    const std::string type = cmark_node_get_type_string(n);
    if (type != "text" && type != "softbreak" && type != "linebreak") ++types[type];
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) stack.push_back(c);
  }
  return types;
}

std::string plain_of(const std::string& markdown) {
  MarkdownTree tree = parse_markdown(markdown);
  return plain_text(tree.get());
}

}  // namespace

TEST_CASE("injection: answers never change the structure of the Markdown draft") {
  // The same answers with every payload character replaced by "x" give the
  // structure the template alone makes.
  for (const auto& [name, payload] : kPayloads) {
    CAPTURE(name);
    std::string neutral;
    for (char c : payload) neutral += (c == ' ' ? ' ' : 'x');
    const Rendered attacked = render_all("structure-" + name, payload);
    const Rendered plain = render_all("structure-" + name + "-neutral", neutral);
    CHECK(structure(attacked.markdown) == structure(plain.markdown));
  }
}

TEST_CASE("injection: Markdown and HTML in answers print literally in the Markdown draft") {
  for (const auto& [name, payload] : kPayloads) {
    CAPTURE(name);
    const Rendered r = render_all("md-" + name, payload);
    const std::string text = plain_of(r.markdown);
    // Title (twice), Schulträger, two list items, their join, a table cell and
    // the long text.
    CHECK(count_apart(text, payload) >= 8);
    for (const char* line : {"# Keine Überschrift", "- kein Listenpunkt", "1. keine Nummer", "> kein Zitat",
                                    "> [!CAUTION]", "| a | b |", "<!-- kovgen:keep-together -->", "```"})
      CHECK_MESSAGE(text.find(line) != std::string::npos, line);
  }
}

TEST_CASE("injection: Mustache tags in answers are never expanded") {
  const Rendered r = render_all("mustache-expansion", kPayloads.at("mustache"));
  CHECK(count_apart(plain_of(r.markdown), "{{meta.titel}}") >= 6);
  // The checklist table appears once (from the template), not once per answer; a
  // final version has none, so ask for a draft.
  CHECK(run_kovgen({"render", r.dir + "/a.yaml", "--draft", "-o", r.dir + "/draft.md"}, "", env()).exit_code == 0);
  CHECK(count_apart(read_text(r.dir + "/draft.md"), "| Abschnitt | Art |") == 1);
  CHECK(r.markdown.find("Schriftform") != std::string::npos);  // the partial, once
  CHECK(count_apart(r.markdown, "Änderungen bedürfen der Schriftform") == 1);
}

TEST_CASE("injection: XML special characters stay text in the DOCX and the Flat OPC XML") {
  for (const auto& [name, payload] : kPayloads) {
    CAPTURE(name);
    const Rendered r = render_all("docx-" + name, payload);
    pugi::xml_document flat;
    const std::string xml = read_text(r.dir + "/out.xml");
    REQUIRE(flat.load_buffer(xml.data(), xml.size()));
    // Every w:t text of the document, joined: the payload is in it as text.
    std::string all_text;
    for (pugi::xpath_node t : flat.select_nodes("//*[local-name()='t']")) all_text += t.node().text().get();
    CHECK(count_apart(without_whitespace(all_text), without_whitespace(payload)) >= 6);
    if (!have_program("pandoc")) continue;
    CommandResult p = run_command({"pandoc", "-f", "docx", "-t", "plain", "--wrap=none", r.dir + "/out.docx"});
    REQUIRE(p.exit_code == 0);
    CHECK(count_apart(without_whitespace(p.out), without_whitespace(payload)) >= 6);
  }
}

TEST_CASE("injection: PDF string delimiters and backslashes print literally in the PDF") {
  if (!have_program("pdftotext") || !have_program("qpdf")) {
    MESSAGE("skipped: pdftotext or qpdf missing");
    return;
  }
  for (const auto& [name, payload] : kPayloads) {
    CAPTURE(name);
    const Rendered r = render_all("pdf-" + name, payload);
    CommandResult check = run_command({"qpdf", "--check", r.dir + "/out.pdf"});
    CHECK_MESSAGE(check.exit_code == 0, check.out);
    CommandResult t = run_command({"pdftotext", "-enc", "UTF-8", r.dir + "/out.pdf", "-"});
    REQUIRE(t.exit_code == 0);
    // Line breaks and justification change the spaces, nothing else.
    CHECK(count_apart(without_whitespace(t.out), without_whitespace(payload)) >= 6);
  }
}

TEST_CASE("injection: batch neutralises formulas in the summary and keeps folders inside --out") {
  const std::string dir = fresh_temp_dir("injection/batch");
  write_text(dir + "/base.yaml", answers_with("Basis"));
  // ids and names that try to leave the output folder, or to run in a spreadsheet.
  write_text(dir + "/schulen.csv",
             "id;name;meta.titel\n"
             "../../ausbruch;\"=HYPERLINK(\"\"http://example.org\"\";\"\"klick\"\")\";Titel 1\n"
             "/etc/passwd;+SUMME(A1:A9);Titel 2\n"
             "..;-1+1;Titel 3\n"
             "CON;@SUMME(A1);Titel 4\n"
             "a\\b/c;\"\tTab\";Titel 5\n"
             "x;..\\..\\windows;=1+1\n");
  const std::string out = dir + "/out";
  CommandResult r = run_kovgen({"batch", "--base", dir + "/base.yaml", "--schools", dir + "/schulen.csv", "--out", out,
                                "--format", "md", "--jobs", "1"},
                               "", env());
  INFO(r.err);
  CHECK((r.exit_code == 0 || r.exit_code == 3));
  // Everything written is inside out/, in folders directly below it.
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string p = fs::relative(entry.path(), dir).string();
    if (p == "base.yaml" || p == "schulen.csv" || p == "out") continue;
    CHECK_MESSAGE(p.rfind("out/", 0) == 0, p);
    const std::string rel = p.substr(4);
    CHECK_MESSAGE(std::count(rel.begin(), rel.end(), '/') <= 1, rel);
    CHECK_MESSAGE(rel.find("..") == std::string::npos, rel);
  }
  int folders = 0;
  for (const auto& entry : fs::directory_iterator(out))
    if (entry.is_directory()) {
      ++folders;
      const std::string name = entry.path().filename().string();
      CHECK_MESSAGE(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos, name);
      for (const char* device : {"con", "prn", "aux", "nul", "com1", "lpt1"}) CHECK(name != device);
    }
  CHECK(folders == 6);
  // No cell of the summary starts a formula.
  const std::string csv = read_text(out + "/summary.csv");
  for (const char* formula : {";=", ";+", ";-", ";@", "\n=", "\n+", "\n-", "\n@", ";\"=", ";\"+", ";\"-", ";\"@",
                              "\n\"=", "\n\"+", "\n\"-", "\n\"@"})
    CHECK_MESSAGE(csv.find(formula) == std::string::npos, formula << " in\n" << csv);
  CHECK(csv.find("HYPERLINK") != std::string::npos);
  // The draft prints the formula as text.
  bool found = false;
  for (const auto& entry : fs::recursive_directory_iterator(out))
    if (entry.path().extension() == ".md" && entry.path().filename() != "summary.md")
      found = found || plain_of(read_text(entry.path().string())).find("=1+1") != std::string::npos;
  CHECK(found);
}
