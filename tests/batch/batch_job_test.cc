// A whole batch job in-process, against the memory disk: what the command line
// and, later, the server hand to src/batch.
#include <doctest/doctest.h>

#include "batch_job.h"
#include "batch_test_support.h"
#include "mini_template.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

struct Job {
  TemplateCache cache{test::real_disk(), test::mini_library()};
  Diagnostics diag;
  std::optional<LoadedAnswers> base = load_answers(kMiniBase, "base.yaml", "", cache, diag);
  BatchJob job;
  std::vector<std::string> messages;

  explicit Job(std::string schools) {
    REQUIRE(base);
    job.base = &*base;
    job.base_file = "base.yaml";
    job.schools_file = "s.csv";
    job.schools_bytes = std::move(schools);
    job.formats = {find_output_format("md")};
    job.out_dir = "out";
    job.tool_fingerprint = "test";
    job.jobs = 2;
  }

  BatchOutcome run(Disk& disk) {
    BatchJobHooks hooks;
    hooks.messages = [&](const Diagnostics& d) {
      if (!d.items().empty()) messages.push_back(d.to_string());
    };
    return run_batch_job(job, disk, hooks);
  }
};

}  // namespace

TEST_CASE("batch job: every school and the summary land on the disk it is given") {
  Job j("id;name;finanzierung.plaetze\n1;A;5\n2;B;viele\n3;C;7\n");
  MemoryDisk disk;
  const BatchOutcome outcome = j.run(disk);
  CHECK(outcome.end == BatchEnd::finished);
  CHECK(outcome.schools_run);
  CHECK(outcome.total == 3);
  CHECK(outcome.counts.error == 1);
  CHECK(outcome.counts.complete + outcome.counts.incomplete == 2);
  const auto files = disk.files();
  CHECK(files.count("out/1-a/1-a.md") == 1);
  CHECK(files.count("out/3-c/3-c.md") == 1);
  CHECK(files.count("out/2-b/2-b.md") == 0);
  CHECK(files.count("out/summary.csv") == 1);
  CHECK(files.count("out/summary.md") == 1);
  REQUIRE(j.messages.size() == 1);
  CHECK(j.messages[0].find("s.csv:3:3:") != std::string::npos);
  CHECK(counts_line(outcome.counts) == "3 schools: " + std::to_string(outcome.counts.complete) + " complete, " +
                                           std::to_string(outcome.counts.incomplete) +
                                           " incomplete, 1 with errors (not produced)");
}

TEST_CASE("batch job: an unusable school list or filter writes nothing") {
  MemoryDisk disk;
  Job empty("");
  BatchOutcome outcome = empty.run(disk);
  CHECK(outcome.end == BatchEnd::invalid_input);
  CHECK_FALSE(outcome.schools_run);
  CHECK(outcome.diag.to_string().find("the school list is empty") != std::string::npos);

  Job filtered("id;name\n1;A\n");
  filtered.job.where = {"Schulform=02"};
  outcome = filtered.run(disk);
  CHECK(outcome.end == BatchEnd::bad_filter);

  Job unmatched("id;name\n1;A\n");
  unmatched.job.where = {"name=Z"};
  outcome = unmatched.run(disk);
  CHECK(outcome.end == BatchEnd::invalid_input);
  CHECK(outcome.diag.to_string().find("no row matches the --where filters") != std::string::npos);
  CHECK(disk.files().empty());
}

TEST_CASE("batch job: a disk that refuses the summary ends with an output error") {
  Job j("id;name\n1;A\n");
  MemoryDisk disk;
  disk.fail_writes_to("summary.csv");
  const BatchOutcome outcome = j.run(disk);
  CHECK(outcome.end == BatchEnd::output_error);
  // The schools were produced; only the summary is missing.
  CHECK(outcome.schools_run);
  CHECK(disk.files().count("out/1-a/1-a.md") == 1);
  CHECK(disk.files().count("out/summary.csv") == 0);
}

TEST_CASE("batch job: --resume leaves up-to-date schools alone") {
  Job j("id;name\n1;A\n2;B\n");
  MemoryDisk disk;
  j.run(disk);
  const int writes = disk.write_count();
  j.job.resume = true;
  const BatchOutcome again = j.run(disk);
  CHECK(again.counts.up_to_date == 2);
  // Only the summary is written again.
  CHECK(disk.write_count() - writes <= 3);
}

TEST_CASE("batch job: the reference DOCX is read through the disk, and an edited one redoes every school") {
  MemoryDisk disk;
  disk.put("ref.docx", read_text(source_dir() + "/templates/reference.docx"));
  disk.put("kaputt.docx", "not a zip");
  Diagnostics diag;
  CHECK_FALSE(load_reference_docx(disk, "kaputt.docx", diag));
  CHECK_FALSE(load_reference_docx(disk, "fehlt.docx", diag));
  CHECK(diag.to_string().find("kaputt.docx: not a Word document") != std::string::npos);
  CHECK(diag.to_string().find("fehlt.docx: cannot open file") != std::string::npos);

  Job j("id;name\n1;A\n2;B\n");
  j.job.formats = {find_output_format("md"), find_output_format("docx")};
  j.job.resume = true;
  j.job.writer_options.reference_docx = load_reference_docx(disk, "ref.docx", diag);
  REQUIRE(j.job.writer_options.reference_docx);
  CHECK(j.run(disk).counts.up_to_date == 0);
  CHECK(j.run(disk).counts.up_to_date == 2);
  // Another Word document under the same name: kovgen's own output.
  disk.put("ref.docx", disk.files().at("out/1-a/1-a.docx"));
  j.job.writer_options.reference_docx = load_reference_docx(disk, "ref.docx", diag);
  REQUIRE(j.job.writer_options.reference_docx);
  CHECK(j.run(disk).counts.up_to_date == 0);
  CHECK(j.run(disk).counts.up_to_date == 2);
}
