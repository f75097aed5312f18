// The batch run on an in-memory disk: bad rows among good ones, row order,
// parallelism, resuming, interrupted schools, write failures, stopping.
#include <doctest/doctest.h>

#include "content_fingerprint.h"
#include "batch_resume.h"
#include "batch_test_support.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

std::string md_of(const MemoryDisk& disk, const std::string& folder) {
  auto files = disk.files();
  auto it = files.find("out/" + folder + "/" + folder + ".md");
  return it == files.end() ? "<missing>" : it->second;
}

}  // namespace

TEST_CASE("one bad row among good ones is reported and skipped, every other school is produced") {
  MiniBatch b("id;name;finanzierung.plaetze;zeiten.ende\n"
              "1;GGS Lindenschule;200;16:30\n"
              "2;KGS St. Martin;viele;\n"
              "3;GGS Am Bach;60;\n"
              "4;Förderschule;;;\"zu viel\"\n");
  REQUIRE(b.mapper);
  MemoryDisk disk;
  auto results = b.run(disk);
  REQUIRE(results.size() == 4);
  CHECK(results[0].status == SchoolStatus::complete);
  CHECK(results[1].status == SchoolStatus::error);
  CHECK(results[2].status == SchoolStatus::complete);
  CHECK(results[3].status == SchoolStatus::error);
  CHECK(results[1].diag.to_string() ==
        "s.csv:3:3: column \u201Efinanzierung.plaetze\u201C: finanzierung.plaetze (\u201EPlätze\u201C): expected a whole "
        "number such as 1.200, got \"viele\"\n");
  CHECK(results[3].diag.to_string() ==
        "s.csv:5:5: row has a value in column 5 but the header names only 4 columns (a separator too many?)\n");
  CHECK(md_of(disk, "1-ggs-lindenschule").find("16:30") != std::string::npos);
  CHECK(md_of(disk, "2-kgs-st-martin") == "<missing>");
  CHECK(md_of(disk, "3-ggs-am-bach").find("60") != std::string::npos);
  CHECK(md_of(disk, "3-ggs-am-bach").find("# Kooperationsvereinbarung") != std::string::npos);
  CHECK(md_of(disk, "4-foerderschule") == "<missing>");
}

TEST_CASE("each school's draft is the single-document pipeline's draft of the merged answers") {
  MiniBatch b("id;finanzierung.plaetze;meta.titel\n1;200;Vereinbarung *Linden*\n");
  REQUIRE(b.mapper);
  MemoryDisk disk;
  auto results = b.run(disk);
  REQUIRE(results.size() == 1);
  Answers merged = b.base->answers;
  Diagnostics diag;
  REQUIRE(set_answer_from_text(merged, b.base->tmpl->questionnaire, "finanzierung.plaetze", "200", {}, diag));
  REQUIRE(set_answer_from_text(merged, b.base->tmpl->questionnaire, "meta.titel", "Vereinbarung *Linden*", {}, diag));
  CHECK(md_of(disk, "1") == seal_markdown(make_draft(*b.base->tmpl, merged, {}).markdown));
}

TEST_CASE("results come in row order, and the outputs are the same for any number of jobs") {
  MiniBatch b(numbered_schools(60));
  REQUIRE(b.mapper);
  MemoryDisk one, four;
  auto r1 = b.run(one, 1);
  auto r4 = b.run(four, 4);
  REQUIRE(r4.size() == 60);
  for (size_t i = 0; i < r4.size(); ++i) {
    CHECK(r4[i].seq == i);
    CHECK(r4[i].row_line == static_cast<int>(i + 2));
  }
  CHECK(one.files() == four.files());
  CHECK(one.files().size() == 120);  // a draft and a manifest per school
}

TEST_CASE("--resume skips schools whose outputs are complete and up to date") {
  MiniBatch b(numbered_schools(5));
  REQUIRE(b.mapper);
  MemoryDisk disk;
  b.run(disk);
  const int writes = disk.write_count();
  CHECK(writes == 10);

  b.ctx.resume = true;
  auto again = b.run(disk);
  CHECK(disk.write_count() == writes);
  for (const auto& r : again) CHECK(r.up_to_date);
  CHECK(again[0].status == SchoolStatus::complete);  // the status is known without writing

  // A changed answer, a deleted file and a truncated file are each produced again.
  b.csv = numbered_schools(5);
  b.csv.replace(b.csv.find(";Schule 2;2"), 11, ";Schule 2;9");
  disk.remove("out/100003-schule-3/100003-schule-3.md");
  Diagnostics diag;
  disk.write_atomically("out/100004-schule-4/100004-schule-4.md", "# kaputt", diag);
  const int before = disk.write_count();
  auto third = b.run(disk);
  CHECK(disk.write_count() == before + 6);
  CHECK(third[0].up_to_date);
  CHECK_FALSE(third[1].up_to_date);
  CHECK_FALSE(third[2].up_to_date);
  CHECK_FALSE(third[3].up_to_date);
  CHECK(third[4].up_to_date);

  // A different format list or a new kovgen is not up to date either.
  b.ctx.tool_fingerprint = "newer";
  for (const auto& r : b.run(disk)) CHECK_FALSE(r.up_to_date);
  // Without --resume, everything is written again.
  b.ctx.resume = false;
  const int before_all = disk.write_count();
  b.run(disk);
  CHECK(disk.write_count() == before_all + 10);
}

TEST_CASE("a school interrupted while being written is produced again, its temporary files removed") {
  MiniBatch b(numbered_schools(2));
  REQUIRE(b.mapper);
  MemoryDisk disk;
  b.run(disk);
  // As if killed between the draft and the manifest of school 1: a stale temporary
  // file, the manifest not yet written.
  Diagnostics diag;
  disk.write_atomically("out/100001-schule-1/100001-schule-1.md.tmp-a1B2c3", "# halb", diag);
  disk.write_atomically("out/100001-schule-1/notizen.txt.tmp-a1B2c3", "not ours", diag);
  disk.remove("out/100001-schule-1/.kovgen-batch");
  b.ctx.resume = true;
  auto results = b.run(disk);
  CHECK_FALSE(results[0].up_to_date);
  CHECK(results[1].up_to_date);
  auto files = disk.files();
  CHECK_FALSE(files.count("out/100001-schule-1/100001-schule-1.md.tmp-a1B2c3"));
  CHECK(files.count("out/100001-schule-1/notizen.txt.tmp-a1B2c3"));  // not a kovgen file: left alone
  CHECK(files.count("out/100001-schule-1/.kovgen-batch"));
}

TEST_CASE("a school whose files cannot be written fails, the others are produced") {
  MiniBatch b(numbered_schools(3));
  REQUIRE(b.mapper);
  MemoryDisk disk;
  disk.fail_writes_to("100002");
  auto results = b.run(disk);
  CHECK(results[0].status == SchoolStatus::complete);
  CHECK(results[1].status == SchoolStatus::error);
  CHECK(results[1].output_failed);
  CHECK(results[1].diag.to_string() ==
        "out/100002-schule-2/100002-schule-2.md: cannot write file: No space left on device\n");
  CHECK(results[2].status == SchoolStatus::complete);
  CHECK_FALSE(disk.files().count("out/100002-schule-2/.kovgen-batch"));
}

TEST_CASE("stopping: no new school starts, and those done are handed on in order") {
  MiniBatch b(numbered_schools(200));
  REQUIRE(b.mapper);
  MemoryDisk disk;
  std::atomic<bool> stop{false};
  auto results = b.run(disk, 2, &stop, [&](const SchoolResult& r) {
    if (r.seq == 9) stop = true;
  });
  CHECK(results.size() >= 10);
  CHECK(results.size() < 200);
  for (size_t i = 0; i < results.size(); ++i) CHECK(results[i].seq == i);
  // Every school handed on is complete on disk; nothing else was started.
  CHECK(disk.files().size() == 2 * results.size());
  std::atomic<bool> stopped{true};
  CHECK(b.run(disk, 2, &stopped).empty());
}
