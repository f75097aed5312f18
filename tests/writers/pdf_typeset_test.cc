// Hyphenation seen from outside (issue 16): the complete samples rendered to
// Markdown and PDF; pdftotext, with the hyphens at line ends removed, still
// holds every word of the Markdown, and the drawn hyphens are soft hyphens.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "test_support.h"
#include "utf8.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

const std::string kSoftHyphen = "\xC2\xAD";

bool word_char(char32_t cp) {
  return (cp < 0x80 && std::isalnum(int(cp))) || (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7);
}

std::set<std::string> words_of(const std::string& text) {
  std::set<std::string> out;
  std::string word;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (word_char(cp)) {
      append_utf8(word, cp);
    } else if (!word.empty()) {
      out.insert(word);
      word.clear();
    }
  }
  if (!word.empty()) out.insert(word);
  return out;
}

std::string remove_all(std::string s, const std::string& what) {
  for (size_t at; (at = s.find(what)) != std::string::npos;) s.erase(at, what.size());
  return s;
}

// The Markdown a reader sees: without HTML comments (layout markers, the fingerprint).
// A hyphenated line may end a page: the word goes on after the page's footer
// („Seite 3 von 18“) and the next page's running head, which are left out here.
std::string without_page_furniture(const std::string& text) {
  std::string out;
  size_t page_start = 0;
  for (int page = 0; page_start <= text.size(); ++page) {
    size_t page_end = text.find('\f', page_start);
    if (page_end == std::string::npos) page_end = text.size();
    bool head_seen = page == 0;
    size_t start = page_start;
    while (start < page_end) {
      size_t nl = text.find('\n', start);
      if (nl == std::string::npos || nl > page_end) nl = page_end;
      const std::string line = text.substr(start, nl - start);
      const bool footer = line.rfind("Seite ", 0) == 0 && line.find(" von ") != std::string::npos;
      if (!line.empty() && !head_seen) head_seen = true;
      else if (!line.empty() && !footer) out += line + "\n";
      start = nl + 1;
    }
    page_start = page_end + 1;
  }
  return out;
}

std::string without_comments(std::string md) {
  for (size_t at; (at = md.find("<!--")) != std::string::npos;) {
    const size_t end = md.find("-->", at);
    md.erase(at, end == std::string::npos ? std::string::npos : end + 3 - at);
  }
  return md;
}

std::string file_with(const std::string& dir, const std::string& ext) {
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ext) return e.path().string();
  return "";
}

}  // namespace

TEST_CASE("pdf typeset: every word of the samples survives hyphenation in pdftotext" *
          doctest::test_suite("slow")) {
  if (!have_program("pdftotext") || !have_program("qpdf")) return;
  for (const char* sample : {"samples/ogs/ogs-vollstaendig.yaml",
                             "samples/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml"}) {
    CAPTURE(sample);
    const std::string dir = fresh_temp_dir(std::string("typeset-") + std::filesystem::path(sample).stem().string());
    const CommandResult r = run_kovgen({"render", source_dir() + "/" + sample, "--out", dir, "-f", "md,pdf"});
    REQUIRE(r.exit_code == 0);
    const std::string pdf = file_with(dir, ".pdf"), md = file_with(dir, ".md");
    REQUIRE(!pdf.empty());
    REQUIRE(!md.empty());
    CHECK(run_command({"qpdf", "--check", pdf}).exit_code == 0);
    const std::string text = run_command({"pdftotext", "-enc", "UTF-8", pdf, "-"}).out;
    // The writer hyphenates: its hyphens are soft hyphens, and only at line ends.
    size_t hyphens = 0;
    for (size_t at = 0; (at = text.find(kSoftHyphen, at)) != std::string::npos; at += kSoftHyphen.size()) {
      ++hyphens;
      CHECK(text.compare(at + kSoftHyphen.size(), 1, "\n") == 0);
    }
    CHECK(hyphens > 5);
    const std::string joined = remove_all(without_page_furniture(text), kSoftHyphen + "\n");
    const std::set<std::string> printed = words_of(joined);
    // A long address in a narrow table cell breaks between letters, no hyphen.
    const std::string unbroken = remove_all(joined, "\n");
    const std::set<std::string> written = words_of(without_comments(read_text(md)));
    REQUIRE(written.size() > 500);
    for (const std::string& w : written) {
      CAPTURE(w);
      CHECK((printed.count(w) == 1 || unbroken.find(w) != std::string::npos));
    }
  }
}
