// Integration: the tracked-changes DOCX of `kovgen diff` read by real clients.
// pandoc's "accept all" must read exactly as the new agreement's DOCX, its
// "reject all" as the old one's, for every version pair; LibreOffice opens each
// and its PDF shows the old and the new wording.
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

struct PairFiles {
  std::string name, old_docx, new_docx, changes_docx;
};

// Both versions rendered on their own and compared, in dir/<index>/.
PairFiles write_pair(const kovgen::test::VersionPair& pair, const std::string& dir) {
  std::filesystem::create_directories(dir);
  kovgen::test::write_text(dir + "/alt.yaml", pair.old_yaml);
  kovgen::test::write_text(dir + "/neu.yaml", pair.new_yaml);
  PairFiles f{pair.name, dir + "/alt.docx", dir + "/neu.docx", dir + "/aenderungen.docx"};
  for (const auto& [yaml, docx] : {std::pair{dir + "/alt.yaml", f.old_docx}, std::pair{dir + "/neu.yaml", f.new_docx}}) {
    const auto r = kovgen::test::run_kovgen({"render", yaml, "--ohne-checkliste", "-o", docx, "-q"}, "", kEnv);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  const auto r = kovgen::test::run_kovgen({"diff", dir + "/alt.yaml", dir + "/neu.yaml", "-o", f.changes_docx, "-q"}, "", kEnv);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return f;
}

// pandoc's reading, normalised where pandoc differs from Word without the
// documents differing (tests/data/diff/pandoc_normalize.lua says how).
std::string pandoc_native(const std::string& docx, const std::string& track_changes) {
  std::string out;
  REQUIRE(run("pandoc -f docx --track-changes=" + track_changes + " -L " +
                  quote(kovgen::docx_test::source_path("tests/data/diff/pandoc_normalize.lua")) + " -t native " + quote(docx),
              &out) == 0);
  return out;
}

// Column widths follow the new wording (the writer sizes columns by their text),
// so "reject all" is compared with the old agreement without them.
std::string without_column_widths(const std::string& native) {
  static const std::regex width(R"(ColWidth [0-9.e-]+)");
  return std::regex_replace(native, width, "ColWidth _");
}

std::vector<kovgen::test::VersionPair> changed_pairs() {
  std::vector<kovgen::test::VersionPair> pairs;
  for (auto& p : kovgen::test::version_pairs())
    if (p.name != "no change") pairs.push_back(p);
  return pairs;
}

}  // namespace

TEST_CASE("diff DOCX: pandoc's accept all gives the new agreement and reject all the old one, for every pair" *
          doctest::test_suite("slow")) {
  const std::string dir = kovgen::test::fresh_temp_dir("diff-pandoc");
  int index = 0;
  for (const auto& pair : changed_pairs()) {
    CAPTURE(pair.name);
    const PairFiles f = write_pair(pair, dir + "/" + std::to_string(index++));
    const std::string accepted = pandoc_native(f.changes_docx, "accept");
    const std::string rejected = pandoc_native(f.changes_docx, "reject");
    CHECK(accepted == pandoc_native(f.new_docx, "accept"));
    CHECK(without_column_widths(rejected) == without_column_widths(pandoc_native(f.old_docx, "accept")));
    CHECK(accepted != rejected);
    // "all" keeps both wordings, each inside its insertion or deletion.
    const std::string all = pandoc_native(f.changes_docx, "all");
    CHECK(all.find("\"insertion\"") + all.find("\"deletion\"") != 2 * std::string::npos);
  }
}

TEST_CASE("diff DOCX: the changes carry author and date, and the file is the same on every run" *
          doctest::test_suite("slow")) {
  const std::string dir = kovgen::test::fresh_temp_dir("diff-docx-meta");
  const auto pair = kovgen::test::version_pair("changed amount");
  kovgen::test::write_text(dir + "/alt.yaml", pair.old_yaml);
  kovgen::test::write_text(dir + "/neu.yaml", pair.new_yaml);
  for (const char* name : {"a.docx", "b.docx"}) {
    const auto r = kovgen::test::run_kovgen(
        {"diff", dir + "/alt.yaml", dir + "/neu.yaml", "-o", dir + "/" + name, "--autor", "Carsten Plan", "-q"}, "", kEnv);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  CHECK(kovgen::test::read_text(dir + "/a.docx") == kovgen::test::read_text(dir + "/b.docx"));
  std::string xml;
  REQUIRE(run("unzip -p " + quote(dir + "/a.docx") + " word/document.xml", &xml) == 0);
  CHECK(xml.find("<w:del w:id=\"1\" w:author=\"Carsten Plan\" w:date=\"2026-03-31T23:33:20Z\">") != std::string::npos);
  CHECK(xml.find("<w:delText xml:space=\"preserve\">75,00</w:delText>") != std::string::npos);
  CHECK(xml.find("w:author=\"Carsten Plan\"") != std::string::npos);
  CHECK(xml.find("<w:t xml:space=\"preserve\">78,50</w:t>") != std::string::npos);
  // No mark of kovgen's own is left in the document.
  CHECK(xml.find("\xEE\x80") == std::string::npos);
  // The changed part validates against the OOXML schema (ECMA-376, wml.xsd).
  kovgen::test::check_against_ooxml_schema(xml, dir);
}

TEST_CASE("diff DOCX: LibreOffice opens every tracked-changes document and its PDF shows old and new wording" *
          doctest::test_suite("slow")) {
  const std::string dir = kovgen::test::fresh_temp_dir("diff-libreoffice");
  std::string files;
  std::vector<std::string> pdfs;
  int index = 0;
  for (const auto& pair : changed_pairs()) {
    const std::string sub = dir + "/" + std::to_string(index);
    const PairFiles f = write_pair(pair, sub);
    const std::string named = dir + "/pair" + std::to_string(index++) + ".docx";
    std::filesystem::copy_file(f.changes_docx, named);
    files += " " + quote(named);
    pdfs.push_back(named.substr(0, named.size() - 5) + ".pdf");
  }
  std::string log;
  REQUIRE(run("soffice -env:UserInstallation=file://" + dir + "/profile --headless --convert-to pdf --outdir " + quote(dir) +
                  files + " 2>&1",
              &log) == 0);
  INFO(log);
  for (const auto& pdf : pdfs) {
    CAPTURE(pdf);
    REQUIRE(std::filesystem::exists(pdf));
  }
  // The amount pair (the first): both amounts are on the page, the old one struck.
  std::string text;
  REQUIRE(run("pdftotext -layout " + quote(pdfs[0]) + " -", &text) == 0);
  CHECK(text.find("75,00") != std::string::npos);
  CHECK(text.find("78,50") != std::string::npos);
}
