// The library entry the command line, batch and the server share: a draft in,
// the bytes of every format out, from several threads at once.
#include <doctest/doctest.h>

#include <thread>

#include "content_fingerprint.h"
#include "output_formats.h"
#include "test_support.h"

using namespace kovgen;

namespace {

const char* const kDraft =
    "# Kooperationsvereinbarung\n\n## § 1 Gegenstand\n\nDer Träger betreut **200** Kinder.\n\n"
    "| Posten | Betrag |\n| --- | --- |\n| Landesförderung | 12.500,00 € |\n\n"
    "> [!CAUTION]\n> Abschnitt unvollständig.\n";

std::vector<const OutputFormat*> every_format() {
  std::vector<const OutputFormat*> all;
  for (const auto& f : output_formats()) all.push_back(&f);
  return all;
}

}  // namespace

TEST_CASE("write_formats: every format from one draft, the same bytes in four threads at once") {
  const auto formats = every_format();
  Diagnostics diag;
  const auto expected = write_formats(kDraft, formats, WriterOptions{}, diag);
  REQUIRE_MESSAGE(expected.has_value(), diag.to_string());
  REQUIRE(expected->size() == formats.size());
  CHECK((*expected)[0].rfind(kDraft, 0) == 0);  // Markdown: the draft as it is, and its seal
  CHECK((*expected)[0].find("\n<!-- kovgen: ", std::string_view(kDraft).size() - 1) != std::string::npos);
  CHECK(expected->at(1).rfind("PK", 0) == 0);  // DOCX: a zip
  CHECK(expected->back().rfind("%PDF-", 0) == 0);

  std::vector<std::optional<std::vector<std::string>>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results)
    threads.emplace_back([&result, &formats] {
      Diagnostics own;
      result = write_formats(kDraft, formats, WriterOptions{}, own);
    });
  for (auto& t : threads) t.join();
  for (const auto& result : results) {
    REQUIRE(result.has_value());
    CHECK(*result == *expected);
  }
}

TEST_CASE("write_formats: the Markdown writer alone needs no parsed tree, and batch leaves out Flat OPC") {
  Diagnostics diag;
  const auto md = write_formats("# T\n", {find_output_format("md")}, WriterOptions{}, diag);
  REQUIRE(md.has_value());
  CHECK(md->at(0) == seal_markdown("# T\n"));
  CHECK_FALSE(find_output_format("md")->needs_tree);
  std::vector<std::string> names;
  for (const OutputFormat* f : batch_default_formats()) names.push_back(f->name);
  CHECK(names == std::vector<std::string>{"md", "docx", "pdf"});
}

TEST_CASE("output formats: file endings and names in any case, and an unknown ending or name lists the valid ones") {
  CHECK(find_output_format("entwurf.PDF") == find_output_format("pdf"));
  CHECK(find_output_format("x.Docx") == find_output_format("docx"));
  CHECK(find_output_format("C:/Vereinbarung.MD") == find_output_format("md"));
  CHECK(find_output_format("XML") == find_output_format("xml"));
  CHECK(find_output_format("x.odt") == nullptr);
  CHECK(find_output_format("x.pdf.bak") == nullptr);
  CHECK(unknown_ending_message("x.odt") ==
        "cannot tell the format of x.odt from its ending; the file name must end in .md, .docx, .xml or .pdf");

  Diagnostics diag;
  const auto list = parse_format_list("PDF,md", diag);
  REQUIRE(list.has_value());
  CHECK(list->at(0)->name == "pdf");
  CHECK_FALSE(parse_format_list("md,odt", diag).has_value());
  CHECK(diag.to_string() == "kovgen: unknown format \"odt\"; use md, docx, xml or pdf\n");
}
