// The shipped samples: golden Markdown, and flags exactly where answers are missing.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "markdown_conventions.h"
#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> sample_files() {
  std::vector<std::string> files;
  for (const auto& dir : fs::directory_iterator(test::source_dir() + "/samples")) {
    if (!dir.is_directory() || dir.path().filename() == "batch") continue;
    for (const auto& f : fs::directory_iterator(dir.path()))
      if (f.path().extension() == ".yaml") files.push_back(f.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Names of the sections flagged in the draft ("section “X” is incomplete"; the
// unit tests see the English messages).
std::set<std::string> flagged_titles(const std::string& markdown) {
  std::set<std::string> titles;
  const std::string open = " section \u201C", close = "\u201D is incomplete.**";
  for (size_t p = 0; (p = markdown.find(open, p)) != std::string::npos; ++p) {
    size_t start = p + open.size();
    size_t end = markdown.find(close, start);
    if (end != std::string::npos) titles.insert(markdown.substr(start, end - start));
  }
  return titles;
}

}  // namespace

TEST_CASE("every template has a complete and a partial sample") {
  TemplateCache cache(test::real_disk(), test::source_template_library());
  for (const auto& id : list_template_ids(cache.disk(), cache.library())) {
    CAPTURE(id);
    int complete = 0, partial = 0;
    for (const auto& f : sample_files()) {
      Diagnostics diag;
      auto loaded = load_answers_file(f, "", cache, diag);
      if (!loaded || loaded->tmpl->questionnaire.id != id) continue;
      const Draft d = make_draft(*loaded->tmpl, loaded->answers, ComposeOptions{});
      (is_ready_to_sign(d.findings) ? complete : partial) += 1;
    }
    CHECK(complete >= 1);
    CHECK(partial >= 1);
  }
}

TEST_CASE("samples render to their golden Markdown, flagged exactly where incomplete") {
  const auto files = sample_files();
  REQUIRE(!files.empty());
  TemplateCache cache(test::real_disk(), test::source_template_library());
  ComposeOptions options;
  options.stand_fallback = Date{2026, 8, 1};  // as scripts/update-golden.sh
  for (const auto& f : files) {
    CAPTURE(f);
    Diagnostics diag;
    auto loaded = load_answers_file(f, "", cache, diag);
    INFO(diag.to_string());
    REQUIRE(loaded.has_value());
    Draft d = make_draft(*loaded->tmpl, loaded->answers, options);
    // Only what the tags reach is built, and leaving the rest out changes nothing.
    REQUIRE(!loaded->tmpl->variant_use.empty());
    LoadedTemplate every_variant = *loaded->tmpl;
    every_variant.variant_use.clear();
    CHECK(make_draft(every_variant, loaded->answers, options).markdown == d.markdown);

    std::set<std::string> incomplete;
    for (const auto& s : d.findings.sections)
      if (!s.complete) incomplete.insert(s.name());
    const bool complete = is_ready_to_sign(d.findings);
    // A final version carries no flag at all; a draft flags every incomplete section.
    CHECK(flagged_titles(d.markdown) == (complete ? std::set<std::string>{} : incomplete));
    CHECK(complete == (f.find("vollstaendig") != std::string::npos));
    CHECK((d.markdown.find("[!CAUTION]") == std::string::npos) == complete);
    CHECK((d.markdown.find("[offen:") == std::string::npos) == complete);

    const std::string golden = test::source_dir() + "/tests/golden/" + fs::path(f).stem().string() + ".md";
    REQUIRE_MESSAGE(test::file_exists(golden), "run scripts/update-golden.sh");
    CHECK_MESSAGE(test::read_text(golden) == d.markdown, "golden differs: " << golden);
  }
}
