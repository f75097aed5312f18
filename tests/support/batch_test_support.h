#pragma once
// A batch over the mini template on an in-memory disk, for the batch logic tests.
#include <optional>
#include <string>
#include <vector>

#include "batch_rows.h"
#include "batch_runner.h"
#include "batch_school.h"
#include "mini_template.h"
#include "pipeline.h"
#include "test_support.h"

namespace kovgen::test {

inline const char* const kMiniBase =
    "vorlage: mini\n"
    "meta: {titel: Kooperationsvereinbarung, stand: 2026-02-10}\n"
    "vertragspartner: {schultraeger_name: Stadt Musterhausen, traeger_art: AWO}\n"
    "finanzierung: {eigenanteil_je_platz: 567, plaetze: 100}\n"
    "zeiten: {beginn: '8:00', ende: '16:00', ziele: [Vereinbarkeit]}\n"
    "beschluss:\n  gremien:\n    - {gremium: Rat, datum: 2026-03-26}\n";

// Everything one batch needs, set up from a base and a CSV text without a mapping.
struct MiniBatch {
  TemplateCache cache{test::real_disk(), test::mini_library()};
  std::optional<LoadedAnswers> base;
  std::string csv;
  std::optional<CsvHeader> header;
  std::optional<RowMapper> mapper;
  std::optional<RowFilter> filter;
  SchoolContext ctx;
  Diagnostics diag;

  explicit MiniBatch(std::string csv_text, const std::string& base_yaml = kMiniBase) : csv(std::move(csv_text)) {
    base = load_answers(base_yaml, "base.yaml", "", cache, diag);
    CsvReader reader(csv, "s.csv");
    CsvRecord first;
    reader.next(first, diag);
    header = make_csv_header(first, "s.csv", diag);
    if (base && header) mapper = RowMapper::make(nullptr, *header, base->tmpl->questionnaire, "s.csv", diag);
    if (header) filter = RowFilter::make({}, *header, diag);
    if (!mapper) return;
    ctx.tmpl = base->tmpl.get();
    ctx.base = &base->answers;
    ctx.mapper = &*mapper;
    ctx.formats = {find_output_format("md")};
    ctx.out_dir = "out";
    ctx.tool_fingerprint = "test";
  }

  // Runs the batch; the results in the order they were handed on.
  std::vector<SchoolResult> run(Disk& disk, int jobs = 2, const std::atomic<bool>* stop = nullptr,
                                const std::function<void(const SchoolResult&)>& each = {}) {
    CsvReader reader(csv, "s.csv");
    CsvRecord first;
    reader.next(first, diag);
    SchoolRows rows(reader, *header, *filter, *mapper, "s.csv");
    std::vector<SchoolResult> results;
    BatchRunOptions options;
    options.jobs = jobs;
    options.stop = stop;
    options.on_result = [&](SchoolResult&& r) {
      if (each) each(r);
      results.push_back(std::move(r));
    };
    run_batch(rows, ctx, disk, options);
    return results;
  }
};

// "id;finanzierung.plaetze\n1;101\n2;102\n..." with n rows.
inline std::string numbered_schools(int n) {
  std::string csv = "id;name;finanzierung.plaetze\n";
  for (int i = 1; i <= n; ++i) csv += std::to_string(100000 + i) + ";Schule " + std::to_string(i) + ";" + std::to_string(i) + "\n";
  return csv;
}

}  // namespace kovgen::test
