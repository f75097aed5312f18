// Resuming a batch: the manifest format, the fingerprint, when a school counts
// as done and what is cleared before it is written again.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "batch_resume.h"
#include "disk.h"

using namespace kovgen;

namespace {

const std::string kFolder = "out/100-schule";

// Fills the folder with outputs of the given contents and a manifest listing them.
void fill(MemoryDisk& disk, const std::vector<std::pair<std::string, std::string>>& outputs,
          const std::string& fingerprint) {
  Diagnostics diag;
  REQUIRE(disk.make_directories(kFolder, diag));
  Manifest m{fingerprint, {}};
  for (const auto& [name, bytes] : outputs) {
    REQUIRE(disk.write_atomically(kFolder + "/" + name, bytes, diag));
    m.files.emplace_back(name, bytes.size());
  }
  REQUIRE(disk.write_atomically(kFolder + "/" + kManifestName, manifest_text(m), diag));
}

}  // namespace

TEST_CASE("a manifest round-trips, and one cut short anywhere inside a line is refused") {
  const Manifest m{"0123456789abcdef0123456789abcdef", {{"vereinbarung.md", 1234}, {"vereinbarung.pdf", 56789}}};
  const std::string text = manifest_text(m);
  auto back = parse_manifest(text);
  REQUIRE(back);
  CHECK(back->fingerprint == m.fingerprint);
  CHECK(back->files == m.files);
  for (size_t len = 0; len < text.size(); ++len) {
    CAPTURE(len);
    auto cut = parse_manifest(text.substr(0, len));
    if (len == 0 || text[len - 1] != '\n') {
      CHECK_FALSE(cut);  // a torn write: the last line has no line end
    } else if (cut) {
      // Whole lines: a shorter list, which outputs_up_to_date compares with the outputs.
      CHECK(cut->files.size() < m.files.size());
    }
  }
}

TEST_CASE("a manifest with a wrong header, an unknown line or a bad size is refused") {
  CHECK_FALSE(parse_manifest("kovgen-batch-manifest 2\nfingerprint abc\n"));
  CHECK_FALSE(parse_manifest("kovgen-batch-manifest 1\n"));
  CHECK_FALSE(parse_manifest("kovgen-batch-manifest 1\nfingerprint abc\nsize 3 a.md\n"));
  CHECK_FALSE(parse_manifest("kovgen-batch-manifest 1\nfingerprint abc\nfile x a.md\n"));
  CHECK_FALSE(parse_manifest("kovgen-batch-manifest 1\nfingerprint abc\nfile 3\n"));
  CHECK(parse_manifest("kovgen-batch-manifest 1\nfingerprint abc\nfile 3 a b.md\n")->files[0].first == "a b.md");
}

TEST_CASE("the fingerprint changes with any part: its bytes, its length, where it begins") {
  const std::string base = content_fingerprint({"abc", "def"});
  CHECK(base.size() == 32);
  CHECK(base == content_fingerprint({"abc", "def"}));
  CHECK(base != content_fingerprint({"abd", "def"}));
  CHECK(base != content_fingerprint({"ab", "cdef"}));
  CHECK(base != content_fingerprint({"abcdef"}));
  CHECK(base != content_fingerprint({"abc", "def", ""}));
  // Trailing NUL bytes fill the last 8-byte word as padding would: only the
  // length tells them apart.
  CHECK(content_fingerprint({"a"}) != content_fingerprint({std::string("a\0", 2)}));
  CHECK(content_fingerprint({std::string(8, 'x')}) != content_fingerprint({std::string(8, 'x') + '\0'}));
  CHECK(content_fingerprint({""}) != content_fingerprint({std::string(1, '\0')}));
}

TEST_CASE("outputs are up to date only with the same fingerprint, the same files and their sizes") {
  const std::vector<std::pair<std::string, std::string>> outputs = {{"v.md", "# Text\n"}, {"v.pdf", "%PDF-1.7"}};
  MemoryDisk disk;
  fill(disk, outputs, "fp");
  CHECK(outputs_up_to_date(disk, kFolder, "fp", {"v.md", "v.pdf"}));
  CHECK(outputs_up_to_date(disk, kFolder, "fp", {"v.pdf", "v.md"}));
  CHECK_FALSE(outputs_up_to_date(disk, kFolder, "other", {"v.md", "v.pdf"}));
  // A format added since: the manifest lists fewer files than asked for.
  CHECK_FALSE(outputs_up_to_date(disk, kFolder, "fp", {"v.md", "v.pdf", "v.docx"}));
  // A format dropped: the manifest lists more.
  CHECK_FALSE(outputs_up_to_date(disk, kFolder, "fp", {"v.md"}));
  CHECK_FALSE(outputs_up_to_date(disk, kFolder, "fp", {"v.md", "v.docx"}));
  CHECK_FALSE(outputs_up_to_date(disk, "out/elsewhere", "fp", {"v.md", "v.pdf"}));

  // An output of another size than recorded, or gone.
  Diagnostics diag;
  REQUIRE(disk.write_atomically(kFolder + "/v.pdf", "%PDF-1.7 longer", diag));
  CHECK_FALSE(outputs_up_to_date(disk, kFolder, "fp", {"v.md", "v.pdf"}));
  disk.remove(kFolder + "/v.pdf");
  CHECK_FALSE(outputs_up_to_date(disk, kFolder, "fp", {"v.md", "v.pdf"}));
}

TEST_CASE("a manifest listing no files matches only a run with no files") {
  MemoryDisk disk;
  fill(disk, {}, "fp");
  CHECK(outputs_up_to_date(disk, kFolder, "fp", {}));
  CHECK_FALSE(outputs_up_to_date(disk, kFolder, "fp", {"v.md"}));
}

TEST_CASE("clearing for a rewrite removes the manifest and temporary files of the outputs, nothing else") {
  MemoryDisk disk;
  fill(disk, {{"v.md", "x"}}, "fp");
  Diagnostics diag;
  const std::vector<std::string> names = {"v.md", "v.pdf"};
  const std::vector<std::string> removed = {
      "v.md.tmp-Ab12Cd", "v.pdf.tmp-000000", std::string(kManifestName) + ".tmp-xyzXYZ"};
  const std::vector<std::string> kept = {
      "v.md", "notiz.txt", "v.md.tmp-Ab12Cd7", "v.md.tmp-Ab12C", "v.md.tmp-", "v.md.bak-Ab12Cd",
      "w.md.tmp-Ab12Cd", "xv.md.tmp-Ab12C", "v.docx.tmp-Ab12Cd", "v.mdx.tmp-Ab12Cd"};
  for (const auto& f : removed) REQUIRE(disk.write_atomically(kFolder + "/" + f, "t", diag));
  for (const auto& f : kept) REQUIRE(disk.write_atomically(kFolder + "/" + f, "k", diag));
  clear_for_rewrite(disk, kFolder, names);
  const auto files = disk.files();
  CHECK_FALSE(files.count(kFolder + "/" + kManifestName));
  for (const auto& f : removed) {
    CAPTURE(f);
    CHECK_FALSE(files.count(kFolder + "/" + f));
  }
  for (const auto& f : kept) {
    CAPTURE(f);
    CHECK(files.count(kFolder + "/" + f));
  }
}
