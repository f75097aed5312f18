// The Anlagen appended to the agreement count their own pages: in kovgen's PDF (read
// by pdftotext page by page) and in LibreOffice's PDF of the DOCX; pandoc still
// reads the DOCX, and its parts validate against the OOXML schemas.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "ooxml_schema_check.h"
#include "test_support.h"

using namespace kovgen::test;

namespace {

const std::string kDash = "\u2013";

// The text of every page of a PDF, with runs of white space as one space.
std::vector<std::string> page_texts(const std::string& pdf) {
  const CommandResult info = run_command({"pdfinfo", pdf});
  REQUIRE(info.exit_code == 0);
  const size_t at = info.out.find("Pages:");
  REQUIRE(at != std::string::npos);
  const int count = std::stoi(info.out.substr(at + 6));
  std::vector<std::string> pages;
  for (int p = 1; p <= count; ++p) {
    const CommandResult r = run_command({"pdftotext", "-f", std::to_string(p), "-l", std::to_string(p), pdf, "-"});
    REQUIRE(r.exit_code == 0);
    std::string flat;
    for (size_t i = 0; i < r.out.size(); ++i) {
      std::string c(1, r.out[i]);
      if (r.out.compare(i, 2, "\u00A0") == 0) {
        c = " ";
        ++i;
      }
      const bool space = c == " " || c == "\n" || c == "\t" || c == "\f";
      if (space && (flat.empty() || flat.back() == ' ')) continue;
      flat += space ? " " : c;
    }
    pages.push_back(flat);
  }
  return pages;
}

// Checks that the agreement's pages say „Seite i von n“ and each Anlage's pages, from
// the one with its heading on, „Anlage k – Seite j von m“, all pages accounted for.
void check_page_numbers(const std::vector<std::string>& pages, const std::vector<int>& annexes) {
  REQUIRE(!pages.empty());
  size_t first_annex = pages.size();
  for (size_t p = 0; p < pages.size(); ++p)
    if (pages[p].find("Anlage " + std::to_string(annexes.front()) + " zur Kooperationsvereinbarung vom") !=
        std::string::npos) {
      first_annex = p;
      break;
    }
  REQUIRE(first_annex < pages.size());
  const std::string agreement_total = " von " + std::to_string(first_annex);
  for (size_t p = 0; p < first_annex; ++p) {
    CAPTURE(p);
    CHECK(pages[p].find("Seite " + std::to_string(p + 1) + agreement_total) != std::string::npos);
    CHECK(pages[p].find("Anlage 1 " + kDash + " Seite") == std::string::npos);
  }
  size_t p = first_annex;
  for (int number : annexes) {
    const std::string anlage = "Anlage " + std::to_string(number);
    CAPTURE(anlage);
    REQUIRE(p < pages.size());
    CHECK(pages[p].find(anlage + " zur Kooperationsvereinbarung vom") != std::string::npos);
    // The part's length from its first footer: „Anlage 3 – Seite 1 von 2“.
    const std::string first = anlage + " " + kDash + " Seite 1 von ";
    const size_t at = pages[p].find(first);
    REQUIRE_MESSAGE(at != std::string::npos, pages[p]);
    const int total = std::stoi(pages[p].substr(at + first.size()));
    REQUIRE(total >= 1);
    for (int j = 1; j <= total; ++j, ++p) {
      REQUIRE(p < pages.size());
      CHECK(pages[p].find(anlage + " " + kDash + " Seite " + std::to_string(j) + " von " + std::to_string(total)) !=
            std::string::npos);
    }
  }
  CHECK(p == pages.size());
}

const std::vector<int> kOgsAnnexes = {1, 3, 4};

std::string render_complete(const std::string& dir, const std::string& formats) {
  const CommandResult r = run_kovgen({"render", source_dir() + "/samples/ogs/ogs-vollstaendig.yaml", "--out", dir,
                                      "--name", "v", "-f", formats});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return dir + "/v";
}

}  // namespace

TEST_CASE("Anlagen: the PDF counts the agreement's pages and each Anlage's on its own" * doctest::test_suite("slow")) {
  REQUIRE(have_program("pdftotext"));
  const std::string dir = fresh_temp_dir("annex-pages-pdf");
  const std::vector<std::string> pages = page_texts(render_complete(dir, "pdf") + ".pdf");
  check_page_numbers(pages, kOgsAnnexes);
}

TEST_CASE("Anlagen: a draft's checklist appendix after the Anlagen counts its own pages as Anhang" *
          doctest::test_suite("slow")) {
  REQUIRE(have_program("pdftotext"));
  const std::string dir = fresh_temp_dir("annex-pages-draft");
  const CommandResult r = run_kovgen(
      {"render", source_dir() + "/samples/ogs/ogs-teilweise.yaml", "--out", dir, "--name", "t", "-f", "pdf"});
  REQUIRE_MESSAGE(file_exists(dir + "/t.pdf"), r.err);  // a draft, not ready to sign
  const std::vector<std::string> pages = page_texts(dir + "/t.pdf");
  size_t appendix = pages.size();
  for (size_t p = 0; p < pages.size(); ++p)
    if (pages[p].find("Anhang: Checkliste zum Stand der Vereinbarung") != std::string::npos) appendix = p;
  REQUIRE(appendix < pages.size());
  CHECK(pages[appendix].find("Anhang " + kDash + " Seite 1 von") != std::string::npos);
  CHECK(pages[appendix - 1].find("Anlage 4 " + kDash + " Seite") != std::string::npos);
}

TEST_CASE("Anlagen: LibreOffice's PDF of the DOCX counts each Anlage's pages on its own, pandoc reads the DOCX" *
          doctest::test_suite("slow")) {
  REQUIRE(have_program("soffice"));
  REQUIRE(have_program("pandoc"));
  const std::string dir = fresh_temp_dir("annex-pages-docx");
  const std::string docx = render_complete(dir, "docx") + ".docx";
  const CommandResult pandoc = run_command({"pandoc", "-f", "docx", "-t", "plain", "--wrap=none", docx});
  REQUIRE(pandoc.exit_code == 0);
  for (int number : kOgsAnnexes)
    CHECK(pandoc.out.find("Anlage " + std::to_string(number) + " zur Kooperationsvereinbarung vom") !=
          std::string::npos);
  CHECK(pandoc.out.find("Zuschüsse insgesamt") != std::string::npos);

  const CommandResult office = run_command({"soffice", "-env:UserInstallation=file://" + dir + "/profile", "--headless",
                                            "--convert-to", "pdf", "--outdir", dir, docx});
  REQUIRE_MESSAGE(office.exit_code == 0, office.err);
  check_page_numbers(page_texts(dir + "/v.pdf"), kOgsAnnexes);
}

TEST_CASE("Anlagen: every XML part of the DOCX with its sections and footers validates against the OOXML schemas" *
          doctest::test_suite("slow")) {
  REQUIRE(have_program("xmllint"));
  REQUIRE(have_program("unzip"));
  REQUIRE(std::filesystem::exists(kOoxmlSchemas + "/wml.xsd"));
  const std::string dir = fresh_temp_dir("annex-pages-schema");
  const std::string docx = render_complete(dir, "docx") + ".docx";
  REQUIRE(run_command({"unzip", "-q", docx, "-d", dir + "/x"}).exit_code == 0);
  std::vector<std::string> word_parts;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/x/word"))
    if (e.path().extension() == ".xml") word_parts.push_back(e.path().string());
  CHECK(std::filesystem::exists(dir + "/x/word/footer4.xml"));  // the agreement's and three Anlagen's
  for (const std::string& part : word_parts) check_file_against_ooxml_schema(part);
  for (const auto& [part, schema] : std::vector<std::pair<std::string, std::string>>{
           {"[Content_Types].xml", "opc-xsd/opc-contentTypes.xsd"},
           {"_rels/.rels", "opc-xsd/opc-relationships.xsd"},
           {"word/_rels/document.xml.rels", "opc-xsd/opc-relationships.xsd"}})
    check_file_against_ooxml_schema(dir + "/x/" + part, schema);
}
