// The compiled-template cache must give exactly what loading the sources gives.
#include <doctest/doctest.h>

#include "pipeline.h"
#include "template_cache.h"
#include "test_support.h"

#include <cstdlib>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

using namespace kovgen;

TEST_CASE("a cached template renders byte-identically to its sources") {
  TemplateLibrary lib = test::source_template_library();
  for (const char* id : {"ogs", "schulsozialarbeit"}) {
    CAPTURE(id);
    Diagnostics diag;
    auto fresh = load_template(lib, id, diag);
    REQUIRE(fresh);
    const std::string bytes = serialize_template(*fresh);
    auto restored = deserialize_template(bytes);
    REQUIRE(restored);
    CHECK(serialize_template(*restored) == bytes);
    CHECK(restored->body == fresh->body);
    REQUIRE(restored->questionnaire.sections.size() == fresh->questionnaire.sections.size());

    const std::string sample = test::source_dir() + "/samples/" + id + "/" + id + "-teilweise.yaml";
    TemplateCache cache(lib);
    auto answers = load_answers_file(sample, "", cache, diag);
    REQUIRE(answers);
    const ComposeOptions options;
    CHECK(make_draft(*restored, answers->answers, options).markdown ==
          make_draft(*fresh, answers->answers, options).markdown);
  }
}

TEST_CASE("a damaged cache file is a miss, never a crash") {
  Diagnostics diag;
  auto t = load_template(test::source_template_library(), "ogs", diag);
  REQUIRE(t);
  const std::string bytes = serialize_template(*t);
  CHECK_FALSE(deserialize_template(""));
  CHECK_FALSE(deserialize_template("something else"));
  for (size_t cut : {size_t(30), bytes.size() / 2, bytes.size() - 1})
    CHECK_FALSE(deserialize_template(std::string_view(bytes).substr(0, cut)));
  std::string flipped = bytes;
  flipped[40] = static_cast<char>(0xFF);
  flipped[41] = static_cast<char>(0xFF);
  CHECK_FALSE(deserialize_template(flipped));
  CHECK_FALSE(deserialize_template(bytes + "x"));
}

TEST_CASE("the cache key changes when a template file changes") {
  const std::string dir = test::fresh_temp_dir("cache-key");
  std::filesystem::copy(test::source_dir() + "/tests/data/templates", dir + "/templates",
                        std::filesystem::copy_options::recursive);
  std::filesystem::copy(test::source_dir() + "/tests/data/fragments", dir + "/fragments",
                        std::filesystem::copy_options::recursive);
  TemplateLibrary lib{dir + "/templates", dir + "/fragments", dir + "/cache/kovgen"};
  const std::string before = template_cache_path(lib, "mini");
  REQUIRE_FALSE(before.empty());
  test::write_text(dir + "/fragments/schluss.md.mustache", "## § Schluss\n");
  CHECK(template_cache_path(lib, "mini") != before);
  // Loading writes the new entry and removes the stale one.
  Diagnostics diag;
  REQUIRE(load_template(lib, "mini", diag));
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/cache/kovgen")) entries += e.path().extension() == ".bin";
  CHECK(entries == 1);
  REQUIRE(load_template(lib, "mini", diag));
}

namespace {

struct CacheKeyFixture {
  std::string dir;
  TemplateLibrary lib;
  std::string fragment;
  // ctest runs test cases in parallel: each needs a folder of its own.
  explicit CacheKeyFixture(const std::string& name)
      : dir(test::fresh_temp_dir(name)),
        lib{dir + "/templates", dir + "/fragments", dir + "/cache/kovgen"},
        fragment(dir + "/fragments/schluss.md.mustache") {
    std::filesystem::copy(test::source_dir() + "/tests/data/templates", lib.templates_dir,
                          std::filesystem::copy_options::recursive);
    std::filesystem::copy(test::source_dir() + "/tests/data/fragments", lib.fragments_dir,
                          std::filesystem::copy_options::recursive);
  }
  // Rewrites the fragment with same-sized content and puts its modification time
  // back to a fixed moment, as an edit within one clock tick would leave it.
  void rewrite_fragment(const std::string& text) {
    test::write_text(fragment, text);
    const timespec fixed[2] = {{1780000000, 0}, {1780000000, 0}};
    REQUIRE(utimensat(AT_FDCWD, fragment.c_str(), fixed, 0) == 0);
  }
  static timespec clock_now() {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return now;
  }
};

}  // namespace

TEST_CASE("a freshly changed source is keyed by its content, even when its stat data looks the same") {
  CacheKeyFixture f("cache-key-fresh");
  f.rewrite_fragment("## § Schluss A\n");
  const std::string a = template_cache_path(f.lib, "mini", f.clock_now());
  f.rewrite_fragment("## § Schluss B\n");
  CHECK(template_cache_path(f.lib, "mini", f.clock_now()) != a);
  f.rewrite_fragment("## § Schluss A\n");
  CHECK(template_cache_path(f.lib, "mini", f.clock_now()) == a);
}

TEST_CASE("a settled source is keyed by its stat data, so a later edit still changes the key") {
  CacheKeyFixture f("cache-key-settled");
  timespec later = f.clock_now();
  later.tv_sec += 60;  // every file has settled by then
  const std::string before = template_cache_path(f.lib, "mini", later);
  CHECK(template_cache_path(f.lib, "mini", later) == before);
  // Same size, other content, other modification time: what an edit leaves.
  struct stat st {};
  REQUIRE(stat(f.fragment.c_str(), &st) == 0);
  std::string text(static_cast<size_t>(st.st_size), 'x');
  test::write_text(f.fragment, text);
  const timespec moved[2] = {{st.st_mtim.tv_sec + 5, 0}, {st.st_mtim.tv_sec + 5, 0}};
  REQUIRE(utimensat(AT_FDCWD, f.fragment.c_str(), moved, 0) == 0);
  later.tv_sec += 60;
  CHECK(template_cache_path(f.lib, "mini", later) != before);
}
