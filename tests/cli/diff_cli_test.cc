// kovgen diff at the command line: the comparison as CriticMarkup, "no change"
// that writes nothing, and the errors of a wrong call or bad answers.
#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.h"
#include "version_pairs.h"

using namespace kovgen::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The pair's two answers files in a fresh folder: {old, new}.
std::pair<std::string, std::string> pair_files(const std::string& name, const std::string& dir) {
  const VersionPair pair = version_pair(name);
  write_text(dir + "/alt.yaml", pair.old_yaml);
  write_text(dir + "/neu.yaml", pair.new_yaml);
  return {dir + "/alt.yaml", dir + "/neu.yaml"};
}

}  // namespace

TEST_CASE("diff: without -o the changes go to standard output as CriticMarkup") {
  const auto [old_file, new_file] = pair_files("changed amount", fresh_temp_dir("diff-cli/stdout"));
  const CommandResult r = run_kovgen({"diff", old_file, new_file});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "{~~75,00~>78,50~~}"));
  CHECK(contains(r.out, "## §\u00A01 Vertragsgegenstand und Geltungsbereich"));
}

TEST_CASE("diff: -o FILE.md writes the CriticMarkup, sealed as kovgen's own, and replaces it on the next run") {
  const std::string dir = fresh_temp_dir("diff-cli/md");
  const auto [old_file, new_file] = pair_files("school added", dir);
  CommandResult r = run_kovgen({"diff", old_file, new_file, "-o", dir + "/aenderungen.md"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string md = read_text(dir + "/aenderungen.md");
  CHECK(contains(md, "| {++GGS Sonnenhügel++} | {++75++} |"));
  CHECK(contains(md, "\n<!-- kovgen: "));
  CHECK(contains(r.err, "aenderungen.md"));
  CHECK(run_kovgen({"diff", old_file, new_file, "-o", dir + "/aenderungen.md", "-q"}).exit_code == 0);
}

TEST_CASE("diff: no change says so, exits with 0 and writes nothing") {
  const std::string dir = fresh_temp_dir("diff-cli/same");
  const auto [old_file, new_file] = pair_files("no change", dir);
  const CommandResult r = run_kovgen({"diff", old_file, new_file, "-o", dir + "/aenderungen.md", "-o", dir + "/aenderungen.docx"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(contains(r.err, "keine Änderungen"));
  CHECK_FALSE(file_exists(dir + "/aenderungen.md"));
  CHECK_FALSE(file_exists(dir + "/aenderungen.docx"));
}

TEST_CASE("diff: a wrong call is a usage error") {
  const std::string dir = fresh_temp_dir("diff-cli/usage");
  const auto [old_file, new_file] = pair_files("changed amount", dir);
  CommandResult one = run_kovgen({"diff", old_file});
  CHECK(one.exit_code == 2);
  CHECK(contains(one.err, "zwei Antwortdateien"));
  CommandResult odt = run_kovgen({"diff", old_file, new_file, "-o", dir + "/x.odt"});
  CHECK(odt.exit_code == 2);
  CHECK_FALSE(file_exists(dir + "/x.odt"));
}

TEST_CASE("diff: bad answers name file, line and field, and nothing is written") {
  const std::string dir = fresh_temp_dir("diff-cli/bad");
  const auto [old_file, new_file] = pair_files("changed amount", dir);
  write_text(new_file, replace_once(read_text(new_file), "monatspauschale: 78,50", "monatspauschale: viel"));
  const CommandResult r = run_kovgen({"diff", old_file, new_file, "-o", dir + "/aenderungen.md"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, new_file + ":"));
  CHECK(contains(r.err, "monatspauschale"));
  CHECK(contains(r.err, "nichts geschrieben"));
  CHECK_FALSE(file_exists(dir + "/aenderungen.md"));
}

TEST_CASE("diff --als nachtrag: the Nachtrag as md, docx and pdf, and none when nothing changed") {
  const std::string dir = fresh_temp_dir("diff-cli/nachtrag");
  const auto [old_file, new_file] = pair_files("school year update", dir);
  CommandResult r = run_kovgen({"diff", old_file, new_file, "--als", "nachtrag", "--vom", "2026-03-30", "--inkrafttreten",
                                "01.08.2027", "-o", dir + "/n.md", "-o", dir + "/n.docx", "-o", dir + "/n.pdf", "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string md = read_text(dir + "/n.md");
  CHECK(contains(md, "# Erster Nachtrag zur Kooperationsvereinbarung"));
  CHECK(contains(md, " vom 30. März 2026\n"));
  CHECK(contains(md, "Dieser Nachtrag tritt am 1. August 2027 in Kraft."));
  CHECK(file_exists(dir + "/n.docx"));
  CHECK(file_exists(dir + "/n.pdf"));

  const auto [same_old, same_new] = pair_files("no change", fresh_temp_dir("diff-cli/nachtrag-same"));
  r = run_kovgen({"diff", same_old, same_new, "--als", "nachtrag", "-o", dir + "/leer.md"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "keine Änderungen"));
  CHECK_FALSE(file_exists(dir + "/leer.md"));

  r = run_kovgen({"diff", old_file, new_file, "--als", "nachtrag", "--vom", "31.02.2026", "-o", dir + "/x.md"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "kein Datum"));
  CHECK_FALSE(file_exists(dir + "/x.md"));
}

TEST_CASE("diff --als synopse: the Synopse as md, docx and pdf, and none when nothing changed") {
  const std::string dir = fresh_temp_dir("diff-cli/synopse");
  const auto [old_file, new_file] = pair_files("school year update", dir);
  CommandResult r = run_kovgen({"diff", old_file, new_file, "--als", "synopse", "-o", dir + "/s.md", "-o", dir + "/s.docx",
                                "-o", dir + "/s.pdf", "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string md = read_text(dir + "/s.md");
  CHECK(contains(md, "# Synopse\n"));
  CHECK(contains(md, "| Bisherige Fassung | Neue Fassung |"));
  CHECK(file_exists(dir + "/s.docx"));
  CHECK(file_exists(dir + "/s.pdf"));

  const auto [same_old, same_new] = pair_files("no change", fresh_temp_dir("diff-cli/synopse-same"));
  r = run_kovgen({"diff", same_old, same_new, "--als", "synopse", "-o", dir + "/leer.md", "-o", dir + "/leer.pdf"});
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "keine Änderungen"));
  CHECK_FALSE(file_exists(dir + "/leer.md"));
  CHECK_FALSE(file_exists(dir + "/leer.pdf"));

  r = run_kovgen({"diff", old_file, new_file, "--als", "gegenueberstellung", "-o", dir + "/x.md"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "synopse"));
  CHECK_FALSE(file_exists(dir + "/x.md"));
}

TEST_CASE("diff -o X.pdf: the marked agreement, and no file when nothing changed") {
  const std::string dir = fresh_temp_dir("diff-cli/marked-pdf");
  const auto [old_file, new_file] = pair_files("changed amount", dir);
  CommandResult r = run_kovgen({"diff", old_file, new_file, "-o", dir + "/m.pdf", "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(dir + "/m.pdf").rfind("%PDF-", 0) == 0);
  const auto [same_old, same_new] = pair_files("no change", fresh_temp_dir("diff-cli/marked-same"));
  r = run_kovgen({"diff", same_old, same_new, "-o", dir + "/leer.pdf"});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(file_exists(dir + "/leer.pdf"));
}

TEST_CASE("vorlage --vorher: the Sachverhalt names the changes and the Synopse is written next to the Vorlage") {
  const std::string dir = fresh_temp_dir("diff-cli/vorlage-vorher");
  const auto [old_file, new_file] = pair_files("school year update", dir);
  CommandResult r = run_kovgen({"vorlage", new_file, "--gremium", "Schulausschuss", "--vorher", old_file, "-o",
                                dir + "/vorlage.md", "-o", dir + "/vorlage.pdf", "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string md = read_text(dir + "/vorlage.md");
  CHECK(contains(md, "Gegenüber der bisherigen Fassung ändern sich §\u00A01"));
  CHECK(contains(md, "Die wichtigsten geänderten Angaben:"));
  CHECK(contains(md, "- §\u00A01 Absatz 2, GGS Lindenschule, Plätze: 225 (bisher 200)"));
  CHECK(contains(md, "- Synopse: Gegenüberstellung der bisherigen und der neuen Fassung der Vereinbarung"));
  CHECK(contains(read_text(dir + "/vorlage-synopse.md"), "| Bisherige Fassung | Neue Fassung |"));
  CHECK(file_exists(dir + "/vorlage-synopse.pdf"));

  // Without --vorher neither the changes nor the Synopse.
  r = run_kovgen({"vorlage", new_file, "--gremium", "Rat", "-o", dir + "/ohne.md", "-q"});
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(contains(read_text(dir + "/ohne.md"), "Synopse"));
  CHECK_FALSE(file_exists(dir + "/ohne-synopse.md"));

  // Bad previous answers: named, and nothing written.
  write_text(dir + "/kaputt.yaml", replace_once(read_text(old_file), "monatspauschale: 75,00", "monatspauschale: viel"));
  r = run_kovgen({"vorlage", new_file, "--gremium", "Rat", "--vorher", dir + "/kaputt.yaml", "-o", dir + "/x.md"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, dir + "/kaputt.yaml"));
  CHECK(contains(r.err, "monatspauschale"));
  CHECK_FALSE(file_exists(dir + "/x.md"));
  CHECK_FALSE(file_exists(dir + "/x-synopse.md"));
}

TEST_CASE("diff --nachtrag and --synopse: one run writes every document, the same bytes as one run per document") {
  const std::string dir = fresh_temp_dir("diff-cli/all");
  const auto [old_file, new_file] = pair_files("school year update", dir);
  const std::vector<std::string> env = {"SOURCE_DATE_EPOCH=1775000000"};
  const std::vector<std::string> changes = {"a.md", "a.docx", "a.pdf"}, nachtrag = {"n.md", "n.docx", "n.pdf"},
                                 synopse = {"s.md", "s.docx", "s.pdf"};
  std::vector<std::string> all = {"diff", old_file, new_file, "-q", "--vom", "2026-03-30"};
  std::filesystem::create_directories(dir + "/one");
  std::filesystem::create_directories(dir + "/each");
  for (const auto& f : changes) all.insert(all.end(), {"-o", dir + "/one/" + f});
  for (const auto& f : nachtrag) all.insert(all.end(), {"--nachtrag", dir + "/one/" + f});
  for (const auto& f : synopse) all.insert(all.end(), {"--synopse", dir + "/one/" + f});
  CommandResult r = run_kovgen(all, "", env);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  for (const auto& [als, files] : {std::pair{"aenderungen", changes}, std::pair{"nachtrag", nachtrag}, std::pair{"synopse", synopse}}) {
    std::vector<std::string> one = {"diff", old_file, new_file, "-q", "--als", als};
    if (std::string(als) == "nachtrag") one.insert(one.end(), {"--vom", "2026-03-30"});
    for (const auto& f : files) one.insert(one.end(), {"-o", dir + "/each/" + f});
    r = run_kovgen(one, "", env);
    REQUIRE(r.exit_code == 0);
    for (const auto& f : files) {
      CAPTURE(f);
      CHECK(read_text(dir + "/one/" + f) == read_text(dir + "/each/" + f));
    }
  }
  CHECK(contains(read_text(dir + "/one/n.md"), " vom 30. März 2026\n"));
  CHECK(contains(read_text(dir + "/one/s.md"), "| Bisherige Fassung | Neue Fassung |"));
}

TEST_CASE("diff --nachtrag and --synopse: when one file cannot be written or has a wrong ending, none is") {
  const std::string dir = fresh_temp_dir("diff-cli/all-or-nothing");
  const auto [old_file, new_file] = pair_files("changed amount", dir);
  write_text(dir + "/datei", "kein Ordner");
  CommandResult r = run_kovgen({"diff", old_file, new_file, "-q", "-o", dir + "/a.docx", "--nachtrag", dir + "/n.pdf",
                                "--synopse", dir + "/datei/s.pdf"});
  CHECK(r.exit_code != 0);
  CHECK(contains(r.err, "datei/s.pdf"));
  CHECK_FALSE(file_exists(dir + "/a.docx"));
  CHECK_FALSE(file_exists(dir + "/n.pdf"));

  r = run_kovgen({"diff", old_file, new_file, "-o", dir + "/a.md", "--synopse", dir + "/s.odt"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "s.odt"));
  CHECK_FALSE(file_exists(dir + "/a.md"));

  r = run_kovgen({"diff", old_file, new_file, "-o", dir + "/a.md", "--synopse", dir + "/s.md", "--nummer", "2"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "--nachtrag DATEI"));
  CHECK_FALSE(file_exists(dir + "/a.md"));
}

TEST_CASE("diff --nachtrag and --synopse: a new date of the draft alone writes the changes and says why the others are not") {
  const std::string dir = fresh_temp_dir("diff-cli/only-stand");
  // Unlike the OGS sample's, the Schulsozialarbeit agreement's Anlagen do not repeat the date.
  const std::string old_file = source_dir() + "/samples/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml";
  const std::string new_file = dir + "/neu.yaml";
  const std::string old_yaml = read_text(old_file);
  const size_t stand = old_yaml.find("\n  stand: ");
  REQUIRE(stand != std::string::npos);
  write_text(new_file, old_yaml.substr(0, stand) + "\n  stand: 2031-01-15" + old_yaml.substr(old_yaml.find('\n', stand + 1)));
  const CommandResult r = run_kovgen({"diff", old_file, new_file, "-q", "-o", dir + "/a.md", "--nachtrag", dir + "/n.md",
                                      "--synopse", dir + "/s.md"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(file_exists(dir + "/a.md"));
  CHECK_FALSE(file_exists(dir + "/n.md"));
  CHECK_FALSE(file_exists(dir + "/s.md"));
  CHECK(contains(r.err, "Wortlaut ist unverändert, ein Nachtrag oder eine Synopse bliebe leer; nicht geschrieben: " + dir + "/n.md."));
  CHECK(contains(r.err, "nicht geschrieben: " + dir + "/s.md."));
}
