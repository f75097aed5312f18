// Integration: the Synopse and the change-marked PDF of `kovgen diff` read by
// real clients: pandoc reads every Synopse DOCX, pdftotext shows both wordings,
// the DOCX validates against the OOXML schema, and the drawn marks (coloured
// strike-throughs, underlines, change bars) are in the PDF's content stream.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "docx_test_support.h"
#include "ooxml_schema_check.h"
#include "test_support.h"
#include "version_pairs.h"

using kovgen::docx_test::quote;
using kovgen::docx_test::run;

namespace {

const std::vector<std::string> kEnv = {"SOURCE_DATE_EPOCH=1775000000"};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The pair's answers in dir, and kovgen diff run with `args` after them.
void diff_pair(const kovgen::test::VersionPair& pair, const std::string& dir, const std::vector<std::string>& args) {
  std::filesystem::create_directories(dir);
  kovgen::test::write_text(dir + "/alt.yaml", pair.old_yaml);
  kovgen::test::write_text(dir + "/neu.yaml", pair.new_yaml);
  std::vector<std::string> argv = {"diff", dir + "/alt.yaml", dir + "/neu.yaml", "-q"};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto r = kovgen::test::run_kovgen(argv, "", kEnv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// pdftotext's reading with white space runs (no-break spaces too) made one space, so that a line
// break or justification does not split a figure from its words.
std::string pdf_text(const std::string& pdf) {
  std::string out;
  REQUIRE(run("pdftotext -layout " + quote(pdf) + " -", &out) == 0);
  for (size_t p = out.find("\u00A0"); p != std::string::npos; p = out.find("\u00A0", p)) out.replace(p, 2, " ");
  return std::regex_replace(out, std::regex("[ \\n]+"), " ");
}

// Every page's content stream, uncompressed (qpdf --qdf).
std::string content_streams(const std::string& pdf, const std::string& dir) {
  REQUIRE(run("qpdf --qdf --object-streams=disable " + quote(pdf) + " " + quote(dir + "/qdf.pdf")) == 0);
  return kovgen::test::read_text(dir + "/qdf.pdf");
}

}  // namespace

TEST_CASE("diff --als synopse: pandoc reads every pair's DOCX and pdftotext shows the old and the new wording" *
          doctest::test_suite("slow")) {
  const std::string dir = kovgen::test::fresh_temp_dir("synopse-clients");
  int index = 0;
  for (const auto& pair : kovgen::test::version_pairs()) {
    if (pair.name == "no change") continue;
    CAPTURE(pair.name);
    const std::string sub = dir + "/" + std::to_string(index++);
    diff_pair(pair, sub, {"--als", "synopse", "-o", sub + "/s.md", "-o", sub + "/s.docx", "-o", sub + "/s.pdf"});
    std::string plain;
    REQUIRE(run("pandoc -f docx -t plain --wrap=none " + quote(sub + "/s.docx"), &plain) == 0);
    CHECK(contains(plain, "Bisherige Fassung"));
    CHECK(contains(plain, "Neue Fassung"));
    std::string struck;
    REQUIRE(run("pandoc -f docx -t markdown --wrap=none " + quote(sub + "/s.docx"), &struck) == 0);
    CHECK((contains(struck, "~~") || contains(struck, "{.underline}**")));  // old struck or new underlined
    const std::string text = pdf_text(sub + "/s.pdf");
    CHECK(contains(text, "Bisherige Fassung"));
    CHECK(contains(text, "Synopse"));
  }
  // The changed amount in both wordings, in Word and in the PDF.
  const std::string sub = dir + "/amount";
  diff_pair(kovgen::test::version_pair("changed amount"), sub, {"--als", "synopse", "-o", sub + "/s.docx", "-o", sub + "/s.pdf"});
  std::string md;
  REQUIRE(run("pandoc -f docx -t markdown --wrap=none " + quote(sub + "/s.docx"), &md) == 0);
  CHECK(contains(md, "~~75,00~~"));
  CHECK(contains(md, "**[78,50]{.underline}**"));
  const std::string text = pdf_text(sub + "/s.pdf");
  CHECK(contains(text, "75,00"));
  CHECK(contains(text, "78,50"));
  std::string xml;
  REQUIRE(run("unzip -p " + quote(sub + "/s.docx") + " word/document.xml", &xml) == 0);
  CHECK(contains(xml, "<w:strike/><w:color w:val=\"C00000\"/>"));
  CHECK(contains(xml, "<w:b/><w:color w:val=\"0050B4\"/><w:u w:val=\"single\"/>"));
  kovgen::test::check_against_ooxml_schema(xml, sub);
}

TEST_CASE("diff -o X.pdf: the new agreement with a summary, both wordings, coloured marks and change bars" *
          doctest::test_suite("slow")) {
  const std::string dir = kovgen::test::fresh_temp_dir("marked-pdf");
  diff_pair(kovgen::test::version_pair("changed amount"), dir, {"-o", dir + "/marked.pdf"});
  const std::string text = pdf_text(dir + "/marked.pdf");
  CHECK(contains(text, "Übersicht der Änderungen"));
  CHECK(contains(text, "Gegenüber der bisherigen Fassung geändert: § 12."));
  CHECK(contains(text, "75,00"));
  CHECK(contains(text, "78,50"));
  const std::string streams = content_streams(dir + "/marked.pdf", dir);
  // The marks are strokes in the change colours (kInsertedColor, kRemovedColor)...
  CHECK(contains(streams, "0.753 0 0 RG"));
  CHECK(contains(streams, "0 0.314 0.706 RG"));
  // ...and each change bar a vertical stroke at the same x left of the text area.
  static const std::regex bar(R"((\d+\.?\d*) (\d+\.?\d*) m\n?\s*\1 (\d+\.?\d*) l)");
  size_t bars = 0;
  for (auto it = std::sregex_iterator(streams.begin(), streams.end(), bar); it != std::sregex_iterator(); ++it)
    if (std::stof((*it)[1]) < 70.87f) ++bars;
  CHECK(bars >= 1);  // beside the changed line in § 12
  // An unmarked agreement has neither.
  const std::string plain_dir = dir + "/plain";
  std::filesystem::create_directories(plain_dir);
  const auto r = kovgen::test::run_kovgen({"render", dir + "/neu.yaml", "-o", plain_dir + "/neu.pdf", "-q"}, "", kEnv);
  REQUIRE(r.exit_code == 0);
  CHECK(kovgen::test::count(content_streams(plain_dir + "/neu.pdf", plain_dir), "0.753 0 0 RG") == 0);
}
