// kovgen speaks German unless asked for English (src/base/i18n.h): every help
// text, every usage error and every message of the bad-input catalogue is
// searched for English words that German text never contains. A finding names
// the run, the word and its line, so that the untranslated message can be found.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "bad_input_cases.h"
#include "test_support.h"

using namespace kovgen::test;

namespace {

// Common English words that German output never contains. Matched as whole
// words, case-insensitively.
const std::set<std::string> kEnglishWords = {
    "about",   "allowed", "already", "and",     "are",     "because", "but",      "by",      "cannot",
    "could",   "did",     "does",    "empty",   "error",   "expected", "file",    "folder",  "for",
    "found",   "from",    "got",     "has",     "have",    "how",     "invalid",  "is",      "it",
    "its",     "least",   "line",    "missing", "more",    "most",    "must",     "needs",   "not",
    "number",  "of",      "one",     "only",    "or",      "please",  "question", "read",    "row",
    "school",  "schools", "section", "should",  "such",    "takes",   "than",     "that",    "the",
    "there",   "this",    "to",      "too",     "try",     "unknown", "usage",    "use",     "value",
    "warning", "were",    "which",   "while",   "with",    "without",  "write",   "written",
    "you",     "your"};

// English words whose capitalised form is a German noun: matched in lower case
// only (German "Option", "Format", "Status", "Template" in a product name).
const std::set<std::string> kLowerCaseOnly = {"option", "format", "status", "template"};

// Words that German output may contain all the same, as written (case
// matters): proper names and German words.
const std::set<std::string> kAllowed = {
    "BuT",  // Bildung und Teilhabe, a benefit in the OGS template
};

// Text to skip: what is quoted ("…" echoes a user's value, „…“ names a
// command, a file or a label), file paths and names, and option names.
std::string without_quotes_paths_and_options(const std::string& line) {
  static const std::regex quoted("\"[^\"]*\"|\u201E[^\u201C]*\u201C|\u201C[^\u201D]*\u201D|'[^' ]*'");
  const std::string unquoted = std::regex_replace(line, quoted, " ");
  std::istringstream words(unquoted);
  std::string out;
  // A YAML key at the start of a line ("  but:" in an answers skeleton) is a name.
  static const std::regex yaml_key(R"(\s*#?\s*-?\s*[a-z0-9_]+:(\s.*)?)");
  if (std::regex_match(line, yaml_key)) words.str(unquoted.substr(unquoted.find(':') + 1));
  static const std::regex file_name(R"([\[(]?[\w.<>{}-]*\.[A-Za-z0-9]{1,8}[:,;.)\]]*)");
  for (std::string token; words >> token;) {
    if (token.find('/') != std::string::npos) continue;  // a path
    const size_t start = token.find_first_not_of("[(");
    if (start == std::string::npos) continue;
    if (token[start] == '-' || token[start] == '$') continue;  // an option or variable, also "[--all]"
    if (std::regex_match(token, file_name)) continue;    // template.yaml, summary.md
    out += token + " ";
  }
  return out;
}

struct Finding {
  std::string word;
  std::string line;
};

std::vector<Finding> english_words(const std::string& text) {
  static const std::regex word("[A-Za-z]+");
  std::vector<Finding> found;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const std::string kept = without_quotes_paths_and_options(line);
    for (auto it = std::sregex_iterator(kept.begin(), kept.end(), word); it != std::sregex_iterator(); ++it) {
      const std::string w = it->str();
      std::string lower = w;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
      if (kAllowed.count(w)) continue;
      const bool listed = kEnglishWords.count(lower) > 0 || (kLowerCaseOnly.count(w) > 0);
      if (listed) found.push_back({w, line});
    }
  }
  return found;
}

// One failure per line of output with English words; what names the run.
void check_stream(const std::string& what, const std::string& stream, const std::string& text) {
  const std::vector<Finding> found = english_words(text);
  for (size_t i = 0; i < found.size();) {
    std::string words;
    size_t j = i;
    for (; j < found.size() && found[j].line == found[i].line; ++j) words += (j > i ? ", " : "") + found[j].word;
    FAIL_CHECK(what << ": English (" << words << ") on " << stream << ": " << found[i].line);
    i = j;
  }
}

void check_german(const std::string& what, const CommandResult& r) {
  check_stream(what, "stdout", r.out);
  check_stream(what, "stderr", r.err);
}

// Messages on standard error: each on a line of its own, named once
// ("kovgen batch: kovgen: ..." repeats itself), no blank line between them.
void check_tidy(const std::string& what, const CommandResult& r) {
  static const std::regex doubled(R"(^kovgen( [a-z]+)?: kovgen\b)");
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) FAIL_CHECK(what << ": a blank line on stderr:\n" << r.err);
    if (std::regex_search(line, doubled)) FAIL_CHECK(what << ": a doubled prefix on stderr: " << line);
  }
}

// The command names, from the overview of "kovgen --help".
std::vector<std::string> command_names() {
  std::vector<std::string> names;
  std::istringstream lines(run_kovgen({"--help"}).out);
  static const std::regex entry("  ([a-z]+) +\\S.*");
  std::smatch m;
  for (std::string line; std::getline(lines, line);)
    if (std::regex_match(line, m, entry)) names.push_back(m[1]);
  return names;
}

}  // namespace

TEST_CASE("german output: the detector finds English words and skips quotes, paths and options") {
  CHECK(english_words("kovgen render: unknown option --foo").size() == 2);
  CHECK(english_words("a.yaml:3:1: expected a whole number, got \"viele\"").size() == 3);
  CHECK(english_words("Option --format braucht einen Wert").empty());
  CHECK(english_words("x: unbekannter Schlüssel \"the file\" in „not with“ /tmp/the/file.yaml summary.md").empty());
  CHECK(english_words("the option").size() == 2);
  CHECK(english_words("  but: the value").size() == 2);  // a YAML key is a name, its text is not
  CHECK(english_words("Bildung und Teilhabe (BuT), but").size() == 1);
}

TEST_CASE("german output: kovgen --help and every command's help") {
  check_german("kovgen --help", run_kovgen({"--help"}));
  const std::vector<std::string> commands = command_names();
  CHECK(commands.size() >= 8);
  CHECK(std::find(commands.begin(), commands.end(), "render") != commands.end());
  for (const auto& c : commands) {
    check_german("kovgen " + c + " --help", run_kovgen({c, "--help"}));
    check_german("kovgen help " + c, run_kovgen({"help", c}));
  }
}

TEST_CASE("german output: usage errors of every command") {
  for (const auto& c : command_names()) {
    const CommandResult r = run_kovgen({c, "--bogus"});
    CHECK(r.exit_code == 2);
    check_german("kovgen " + c + " --bogus", r);
    check_tidy("kovgen " + c + " --bogus", r);
  }
  check_german("kovgen rendr", run_kovgen({"rendr"}));
  check_german("kovgen --lang", run_kovgen({"--lang"}));
  check_german("kovgen --vorlagen", run_kovgen({"--vorlagen"}));
  check_german("kovgen --vorlagen (no such folder)", run_kovgen({"--vorlagen", "/nirgends/vorlagen", "templates"}));
  check_german("kovgen --version", run_kovgen({"--version"}));
  check_german("kovgen batch (no options)", run_kovgen({"batch"}));
  check_german("kovgen batch -j 0", run_kovgen({"batch", "--base", "a", "--schools", "b", "--out", "c", "-j", "0"}));
  check_german("kovgen questions (no template)", run_kovgen({"questions"}));
  check_german("kovgen questions -o x.odt", run_kovgen({"questions", "-t", "ogs", "-o", "x.odt"}));
  check_german("kovgen templates extra", run_kovgen({"templates", "extra", "--verbose=1"}));
  check_german("kovgen import (no form)", run_kovgen({"import"}));
  check_german("kovgen import (not a form)", run_kovgen({"import", source_dir() + "/templates/reference.docx"}));
  check_german("kovgen questions --abschnitte x", run_kovgen({"questions", "-t", "ogs", "--abschnitte", "x"}));
  check_german("kovgen questions --antworten (not docx)", run_kovgen({"questions", "-t", "ogs", "--antworten", "a.yaml"}));
  const std::string samples = source_dir() + "/samples";
  check_german("kovgen vorlage --gremium Kreistag",
               run_kovgen({"vorlage", samples + "/ogs/ogs-teilweise.yaml", "--gremium", "Kreistag"}));
  check_german("kovgen vorlage (a template without one)",
               run_kovgen({"vorlage", samples + "/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml", "--gremium",
                           "Rat", "-o", fresh_temp_dir("german_output/vorlage") + "/v.md"}));
  check_german("kovgen serve --listen x", run_kovgen({"serve", "--listen", "x"}));
  check_german("kovgen serve --tls-cert", run_kovgen({"serve", "--tls-cert", "a.pem"}));
  check_german("kovgen serve off loopback", run_kovgen({"serve", "--listen", "0.0.0.0:0", "--data",
                                                        fresh_temp_dir("german_output/serve")}));
}

TEST_CASE("german output: every case of the bad-input catalogue") {
  for (const BadInputCase& c : read_bad_input_cases()) {
    const std::string dir = fresh_temp_dir("german_output/" + std::to_string(c.manifest_line));
    BadInputRun run = run_bad_input_case(c, dir);
    if (run.skipped) continue;
    const std::string what = "cases.txt:" + std::to_string(c.manifest_line) + ": " + c.input + " (" + c.how + ")";
    check_german(what, run.result);
    check_tidy(what, run.result);
  }
}

TEST_CASE("usage errors with a message from the library name the command once, with no blank line") {
  const std::string samples = source_dir() + "/samples";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"batch", "--base", "a", "--schools", "b", "--out", "c", "-f", "md,zip"},
        {"batch", "--base", samples + "/batch/basis.yaml", "--schools", samples + "/batch/schulen-beispiel.csv",
         "--out", fresh_temp_dir("german_output/where"), "--where", "Schulfrom=02", "--where", "Ort"},
        {"render", samples + "/ogs/ogs-teilweise.yaml", "--out", fresh_temp_dir("german_output/zip"), "-f", "zip"},
        {"questions", "-t", "ogs", "-o", "fragebogen.odt"}}) {
    const CommandResult r = run_kovgen(args);
    const std::string what = "kovgen " + args[0] + " ... " + args.back();
    CHECK_MESSAGE(r.exit_code == 2, what);
    check_tidy(what, r);
  }
}

TEST_CASE("german output: what templates, init, questions and batch write for people") {
  check_german("kovgen templates --verbose", run_kovgen({"templates", "--verbose"}));
  check_german("kovgen init -t ogs", run_kovgen({"init", "-t", "ogs"}));
  check_german("kovgen questions -t ogs", run_kovgen({"questions", "-t", "ogs"}));
  const std::string dir = fresh_temp_dir("german_output/batch");
  const CommandResult batch =
      run_kovgen({"batch", "--base", source_dir() + "/samples/batch/basis.yaml", "--schools",
                  source_dir() + "/samples/batch/schulen-beispiel.csv", "--out", dir, "-f", "md", "-j", "1"});
  CHECK(batch.exit_code == 3);
  check_german("kovgen batch (the sample list)", batch);
  check_german("summary.md of the sample list", {0, read_text(dir + "/summary.md"), ""});
}

TEST_CASE("german output: the four sample drafts as kovgen renders them") {
  for (const char* sample : {"ogs/ogs-vollstaendig", "ogs/ogs-teilweise", "schulsozialarbeit/schulsozialarbeit-vollstaendig",
                             "schulsozialarbeit/schulsozialarbeit-teilweise"}) {
    const CommandResult r = run_kovgen({"render", source_dir() + "/samples/" + sample + ".yaml", "-o", "-"});
    CAPTURE(sample);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("## §") != std::string::npos);
    // Alert kinds ("> [!WARNING]") and marker comments are Markdown syntax; no reader sees them.
    std::string text;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
      if (line.rfind("> [!", 0) != 0 && line.rfind("<!--", 0) != 0) text += line + "\n";
    check_german(std::string("kovgen render ") + sample, {r.exit_code, text, r.err});
  }
}

TEST_CASE("german output: --lang en and KOVGEN_LANG=en give English") {
  const CommandResult overview = run_kovgen({"--help", "--lang", "en"});
  CHECK(overview.out.find("Commands:") != std::string::npos);
  CHECK_FALSE(english_words(overview.out).empty());

  const CommandResult batch_help = run_kovgen({"batch", "--help", "--lang=en"});
  CHECK(batch_help.out.rfind("Usage: kovgen batch", 0) == 0);
  CHECK_FALSE(english_words(batch_help.out).empty());

  const CommandResult usage = run_kovgen({"templates", "--bogus"}, "", {"KOVGEN_LANG=en"});
  CHECK(usage.err == "kovgen templates: unknown option --bogus\nRun 'kovgen templates --help' to see its options.\n");

  // And German without it: the same run, translated.
  const CommandResult german = run_kovgen({"templates", "--bogus"});
  CHECK(german.err == "kovgen templates: unbekannte Option --bogus\n\u201Ekovgen templates --help\u201C zeigt alle Optionen.\n");

  const std::string dir = fresh_temp_dir("german_output/lang-en");
  for (const BadInputCase& c : read_bad_input_cases()) {
    if (c.input != "csv-duplicate-header.csv" && c.input != "date-31-february.yaml") continue;
    BadInputRun run = run_bad_input_case(c, dir + "/" + std::to_string(c.manifest_line), {"--lang", "en"});
    INFO(c.input << ": " << run.result.err);
    CHECK_FALSE(english_words(run.result.err).empty());
  }
}

TEST_CASE("german output: what kovgen diff says") {
  const std::string dir = fresh_temp_dir("german_output/diff");
  const std::string sample = source_dir() + "/samples/ogs/ogs-vollstaendig.yaml";
  check_german("kovgen diff (one file)", run_kovgen({"diff", sample}));
  check_german("kovgen diff -o x.odt", run_kovgen({"diff", sample, sample, "-o", dir + "/x.odt"}));
  check_german("kovgen diff (no change)", run_kovgen({"diff", sample, sample, "-o", dir + "/x.md"}));
  check_german("kovgen diff (missing file)", run_kovgen({"diff", sample, dir + "/fehlt.yaml"}));
  check_german("kovgen diff --als x", run_kovgen({"diff", sample, sample, "--als", "x"}));
  check_german("kovgen diff --vom x", run_kovgen({"diff", sample, sample, "--als", "nachtrag", "--vom", "x"}));
  check_german("kovgen diff --nummer 0", run_kovgen({"diff", sample, sample, "--als", "nachtrag", "--nummer", "0"}));
  check_german("kovgen diff --vom without --als", run_kovgen({"diff", sample, sample, "--vom", "2026-03-30"}));
  check_german("kovgen diff --synopse x.odt", run_kovgen({"diff", sample, sample, "--synopse", dir + "/s.odt"}));
  check_german("kovgen diff --nachtrag (no change)",
               run_kovgen({"diff", sample, sample, "-o", dir + "/a.md", "--nachtrag", dir + "/n.md", "--synopse", dir + "/s.md"}));
  check_german("kovgen diff --als synopse (no change)", run_kovgen({"diff", sample, sample, "--als", "synopse", "-o", dir + "/s.md"}));
  check_german("kovgen vorlage --vorher (missing file)", run_kovgen({"vorlage", sample, "--gremium", "Rat", "--vorher", dir + "/fehlt.yaml", "-o", dir + "/v.md"}));
}

TEST_CASE("german output: what kovgen fristen says") {
  const std::string dir = fresh_temp_dir("german_output/fristen");
  const std::string sample = source_dir() + "/samples/ogs/ogs-vollstaendig.yaml";
  std::string yaml = read_text(sample);
  yaml.replace(yaml.find("Ende eines Schuljahres (31. Juli)"), 33, "Monatsende");
  write_text(dir + "/monat.yaml", yaml);
  check_german("kovgen fristen (table)", run_kovgen({"fristen", sample, "--stichtag", "2026-12-05"}));
  check_german("kovgen fristen (no day for the notice)", run_kovgen({"fristen", dir + "/monat.yaml", "--stichtag", "2026-12-05"}));
  check_german("kovgen fristen (no file)", run_kovgen({"fristen"}));
  check_german("kovgen fristen (missing file)", run_kovgen({"fristen", dir + "/fehlt.yaml"}));
  check_german("kovgen fristen -o x.pdf", run_kovgen({"fristen", sample, "-o", dir + "/x.pdf"}));
  check_german("kovgen fristen --stichtag x", run_kovgen({"fristen", sample, "--stichtag", "x"}));
  check_german("kovgen fristen --monate 0", run_kovgen({"fristen", sample, "--monate", "0"}));
  check_german("kovgen fristen -o x.ics", run_kovgen({"fristen", sample, "-o", dir + "/x.ics"}));
}
