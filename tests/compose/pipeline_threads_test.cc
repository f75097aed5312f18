// The library API as the web server will call it: several threads at once, one
// shared TemplateCache and one parsed reference DOCX, answers text in, bytes out.
#include <doctest/doctest.h>

#include <thread>

#include "output_formats.h"
#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;

namespace {

struct Sample {
  std::string file, text;
};

const std::vector<Sample>& samples() {
  static const std::vector<Sample> all = [] {
    std::vector<Sample> out;
    for (const char* name : {"ogs/ogs-vollstaendig.yaml", "ogs/ogs-teilweise.yaml",
                             "schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml",
                             "schulsozialarbeit/schulsozialarbeit-teilweise.yaml"}) {
      const std::string file = test::source_dir() + "/samples/" + name;
      out.push_back({file, test::read_text(file)});
    }
    return out;
  }();
  return all;
}

// Every sample as md, docx and pdf, and as docx with the reference, starting at
// sample `first` so that the threads ask for different templates at first. The
// outputs in sample order, or a description of what failed.
std::vector<std::string> render_samples(TemplateCache& cache, const WriterOptions& plain,
                                        const WriterOptions& with_reference, size_t first) {
  const std::vector<const OutputFormat*> formats = {find_output_format("md"), find_output_format("docx"),
                                                    find_output_format("pdf")};
  const std::vector<const OutputFormat*> docx = {find_output_format("docx")};
  ComposeOptions compose;
  compose.stand_fallback = Date{2026, 8, 1};
  std::vector<std::string> outputs(samples().size());
  for (size_t k = 0; k < samples().size(); ++k) {
    const size_t i = (first + k) % samples().size();
    Diagnostics diag;
    auto loaded = load_answers(samples()[i].text, samples()[i].file, "", cache, diag);
    if (!loaded) {
      outputs[i] = "cannot load: " + diag.to_string();
      continue;
    }
    const Draft draft = make_draft(*loaded->tmpl, loaded->answers, compose);
    auto bytes = write_formats(draft.markdown, formats, plain, diag);
    auto designed = write_formats(draft.markdown, docx, with_reference, diag);
    if (!bytes || !designed) {
      outputs[i] = "cannot write: " + diag.to_string();
      continue;
    }
    for (const std::string& b : *bytes) outputs[i] += std::to_string(b.size()) + ":" + b;
    outputs[i] += designed->front();
  }
  return outputs;
}

}  // namespace

TEST_CASE("pipeline: four threads rendering the samples at once make the bytes one thread makes") {
  WriterOptions plain;
  plain.timestamp = 1785542400;
  plain.creator = "kovgen test";
  WriterOptions with_reference = plain;
  Diagnostics diag;
  with_reference.reference_docx =
      load_reference_docx(test::real_disk(), test::source_dir() + "/templates/reference.docx", diag);
  REQUIRE(with_reference.reference_docx);

  TemplateCache alone(test::real_disk(), test::source_template_library());
  const std::vector<std::string> expected = render_samples(alone, plain, with_reference, 0);
  for (const std::string& output : expected) REQUIRE(output.rfind("cannot", 0) != 0);

  // A fresh cache, so that the threads also load the templates concurrently.
  TemplateCache shared(test::real_disk(), test::source_template_library());
  constexpr size_t kThreads = 4;
  std::vector<std::vector<std::string>> results(kThreads);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] { results[t] = render_samples(shared, plain, with_reference, t); });
  for (std::thread& thread : threads) thread.join();
  for (size_t t = 0; t < kThreads; ++t)
    for (size_t i = 0; i < expected.size(); ++i) {
      CAPTURE(t);
      CAPTURE(samples()[i].file);
      const bool identical = results[t][i] == expected[i];  // not printed: megabytes of PDF
      CHECK(identical);
    }
}
