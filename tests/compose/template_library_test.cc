// The template library over a memory disk: which folders are templates, where
// partials come from, and what a missing file says, without any real file.
#include <doctest/doctest.h>

#include "disk.h"
#include "pipeline.h"
#include "template_library.h"

using namespace kovgen;

namespace {

const char* const kQuestionnaire =
    "id: t\n"
    "title: T\n"
    "sections:\n"
    "  - id: meta\n"
    "    title: Dokumentangaben\n"
    "    step: 1\n"
    "    questions:\n"
    "      - {key: titel, label: Titel, type: text, required: true}\n";

const TemplateLibrary kLibrary{"lib/templates", "lib/fragments"};

// Two templates, a folder without a template.yaml, a stray file, and partials in
// the shared fragments and in one template's own folder.
void fill_library(MemoryDisk& disk) {
  for (const char* id : {"zwei", "eins"}) {
    const std::string dir = std::string("lib/templates/") + id;
    disk.put(dir + "/template.yaml", kQuestionnaire);
    disk.put(dir + "/vereinbarung.md.mustache", "# {{meta.titel}}\n\n{{{kovgen.hinweis.meta}}}\n\n{{> schluss}}\n");
  }
  disk.put("lib/templates/entwurf/notizen.txt", "no template here");
  disk.put("lib/templates/liesmich.txt", "a file, not a template");
  disk.put("lib/fragments/schluss.md.mustache", "Gemeinsamer Schluss.\n");
  disk.put("lib/templates/zwei/schluss.md.mustache", "Eigener Schluss.\n");
}

std::string draft_of(TemplateCache& cache, const std::string& id) {
  Diagnostics diag;
  auto loaded = load_answers("meta: {titel: Vertrag}\n", "a.yaml", id, cache, diag);
  INFO(diag.to_string());
  REQUIRE(loaded);
  return make_draft(*loaded->tmpl, loaded->answers, ComposeOptions{}).markdown;
}

}  // namespace

TEST_CASE("template library: the folders with a template.yaml are the templates, sorted") {
  MemoryDisk disk;
  fill_library(disk);
  CHECK(list_template_ids(disk, kLibrary) == std::vector<std::string>{"eins", "zwei"});
  CHECK(list_template_ids(disk, {"nirgends", "lib/fragments"}).empty());
}

TEST_CASE("template library: a template's own partial comes before the shared fragment") {
  MemoryDisk disk;
  fill_library(disk);
  TemplateCache cache(disk, kLibrary);
  const std::string eins = draft_of(cache, "eins");
  CHECK(eins.find("# Vertrag") != std::string::npos);
  CHECK(eins.find("Gemeinsamer Schluss.") != std::string::npos);
  const std::string zwei = draft_of(cache, "zwei");
  CHECK(zwei.find("Eigener Schluss.") != std::string::npos);
  CHECK(zwei.find("Gemeinsamer Schluss.") == std::string::npos);
}

TEST_CASE("template library: an unknown id suggests a known one, a missing body names its file") {
  MemoryDisk disk;
  fill_library(disk);
  Diagnostics diag;
  CHECK_FALSE(load_template(disk, kLibrary, "ein", diag));
  CHECK(diag.to_string().find("unknown template \"ein\"; did you mean \"eins\"?") != std::string::npos);

  disk.remove("lib/templates/eins/vereinbarung.md.mustache");
  Diagnostics missing;
  CHECK_FALSE(load_template(disk, kLibrary, "eins", missing));
  CHECK(missing.to_string().find("lib/templates/eins/vereinbarung.md.mustache: cannot open file") != std::string::npos);
}

TEST_CASE("template library: answers files are read from the cache's disk too") {
  MemoryDisk disk;
  fill_library(disk);
  disk.put("antworten/a.yaml", "vorlage: eins\nmeta: {titel: Aus dem Speicher}\n");
  TemplateCache cache(disk, kLibrary);
  Diagnostics diag;
  auto loaded = load_answers_file("antworten/a.yaml", "", cache, diag);
  REQUIRE(loaded);
  CHECK(make_draft(*loaded->tmpl, loaded->answers, ComposeOptions{}).markdown.find("# Aus dem Speicher") !=
        std::string::npos);
  CHECK_FALSE(load_answers_file("antworten/b.yaml", "", cache, diag));
  CHECK(diag.to_string().find("antworten/b.yaml: cannot open file") != std::string::npos);
}

TEST_CASE("template library: an own folder adds templates and replaces a shipped one of the same id") {
  MemoryDisk disk;
  fill_library(disk);
  disk.put("eigene/drei/template.yaml", kQuestionnaire);
  disk.put("eigene/drei/vereinbarung.md.mustache", "# Drei: {{meta.titel}}\n\n{{{kovgen.hinweis.meta}}}\n\n{{> schluss}}\n");
  disk.put("eigene/eins/template.yaml", kQuestionnaire);
  disk.put("eigene/eins/vereinbarung.md.mustache", "# Eigene Eins: {{meta.titel}}\n\n{{{kovgen.hinweis.meta}}}\n");
  TemplateLibrary lib = kLibrary;
  lib.own_templates_dirs = {"eigene"};
  CHECK(list_template_ids(disk, lib) == std::vector<std::string>{"drei", "eins", "zwei"});
  TemplateCache cache(disk, lib);
  // The own template takes the shipped fragments: nothing has to be copied.
  const std::string drei = draft_of(cache, "drei");
  CHECK(drei.find("# Drei: Vertrag") != std::string::npos);
  CHECK(drei.find("Gemeinsamer Schluss.") != std::string::npos);
  CHECK(draft_of(cache, "eins").find("# Eigene Eins: Vertrag") != std::string::npos);
  CHECK(draft_of(cache, "zwei").find("Eigener Schluss.") != std::string::npos);
}
