// Text is text: answers files saved by macOS (NFD), as UTF-16 or Windows-1252,
// and choices typed in capitals, through the real kovgen binary.
#include <doctest/doctest.h>

#include "mini_template.h"
#include "unicode_test_support.h"

using namespace kovgen::test;

namespace {

const std::string kOgsComplete = source_dir() + "/samples/ogs/ogs-vollstaendig.yaml";

std::string saved(const std::string& name, const std::string& bytes) {
  const std::string path = fresh_temp_dir("unicode-" + name) + "/antworten.yaml";
  write_text(path, bytes);
  return path;
}

}  // namespace

TEST_CASE("an NFD answers file (macOS) passes check and renders composed text") {
  const std::string text = read_text(kOgsComplete);
  const std::string decomposed = nfd(text);
  REQUIRE(decomposed != text);
  const std::string path = saved("nfd", decomposed);
  CommandResult check = run_kovgen({"check", path});
  CHECK_MESSAGE(check.exit_code == 0, check.err);
  CHECK(check.err.empty());

  const std::string out = path.substr(0, path.rfind('/')) + "/entwurf.md";
  CommandResult render = run_kovgen({"render", path, "-o", out});
  CHECK_MESSAGE(render.exit_code == 0, render.err);
  const std::string md = read_text(out);
  CHECK(contains(md, "vierteljährlich"));
  CHECK_FALSE(contains(md, "\xCC\x88"));  // no combining diaeresis left
}

TEST_CASE("answers files in UTF-16 (LE, BE) and Windows-1252 are read like UTF-8") {
  const std::string text = read_text(source_dir() + "/tests/data/mini-complete.yaml");
  for (const auto& [name, bytes] : {std::pair<std::string, std::string>{"utf16le", utf16_with_bom(text, true)},
                                    {"utf16be", utf16_with_bom(text, false)},
                                    {"cp1252", windows1252(text)},
                                    {"utf8bom", "\xEF\xBB\xBF" + text}}) {
    CAPTURE(name);
    CommandResult r = run_kovgen({"check", saved(name, bytes)}, "", kMiniEnv);
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.out, "Checkliste: 5 von 5 Abschnitten vollständig"));
  }
}

TEST_CASE("a choice in capitals is accepted, a misspelt one gets its suggestion") {
  std::string text = read_text(kOgsComplete);
  const std::string choice = "sitzungsrhythmus: vierteljährlich";
  REQUIRE(contains(text, choice));
  std::string upper = text;
  upper.replace(upper.find(choice), choice.size(), "sitzungsrhythmus: VIERTELJÄHRLICH");
  CommandResult ok = run_kovgen({"check", saved("upper", upper)});
  CHECK_MESSAGE(ok.exit_code == 0, ok.err);

  std::string typo = text;
  typo.replace(typo.find(choice), choice.size(), "sitzungsrhythmus: Vierteljahrlich");
  CommandResult bad = run_kovgen({"check", saved("typo", typo)});
  CHECK(bad.exit_code == 1);
  // The suggestion follows what was typed (whatever the quotes of the language).
  const size_t typed = bad.err.find("Vierteljahrlich");
  REQUIRE(typed != std::string::npos);
  CHECK(bad.err.find("vierteljährlich", typed) != std::string::npos);
}

TEST_CASE("the interview edits a UTF-16 answers file as text and saves it as UTF-8, nothing lost") {
  std::string text = read_text(source_dir() + "/tests/data/mini-complete.yaml");
  const std::string places = "  plaetze: 2793\n";
  REQUIRE(contains(text, places));
  text.erase(text.find(places), places.size());
  const std::string path = saved("interview-utf16", utf16_with_bom(text, true));
  CommandResult r = run_kovgen({"interview", path}, "150\nq\n", kMiniEnv);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  const std::string after = read_text(path);
  CHECK(contains(after, "  plaetze: 150\n"));
  CHECK(contains(after, "ziele: [Vereinbarkeit, Förderung, Inklusion]"));  // the rest, as UTF-8
  CHECK(run_kovgen({"check", path}, "", kMiniEnv).exit_code == 0);
}
