// kovgen batch end to end: help and exit codes, the NRW list with its filters,
// byte-identical output to render, and a batch killed and resumed.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <map>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "batch_progress.h"
#include "pty_support.h"
#include "test_support.h"

using namespace kovgen::test;
namespace fs = std::filesystem;

extern char** environ;

namespace {

const std::vector<std::string> kMiniEnv = {"KOVGEN_TEMPLATES=" + source_dir() + "/tests/data/templates"};
const std::string kSamples = source_dir() + "/samples/batch";

const char* const kMiniBase =
    "vorlage: mini\n"
    "meta: {titel: Kooperationsvereinbarung, stand: 2026-02-10}\n"
    "vertragspartner: {schultraeger_name: Stadt Musterhausen, traeger_art: AWO}\n"
    "finanzierung: {eigenanteil_je_platz: 567, plaetze: 100}\n"
    "zeiten: {beginn: '8:00', ende: '16:00', ziele: [Vereinbarkeit]}\n";

// Every file below dir (relative path -> bytes).
std::map<std::string, std::string> tree_of(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = read_text(e.path().string());
  return files;
}

std::vector<std::string> folders_of(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_directory()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string mini_schools(int n) {
  std::string csv = "id;name;finanzierung.plaetze;beschluss.gremien.gremium;beschluss.gremien.datum\n";
  for (int i = 1; i <= n; ++i)
    csv += std::to_string(200 + i) + ";Schule Nr. " + std::to_string(i) + ";" + std::to_string(10 * i) +
           ";Schulkonferenz;0" + std::to_string(1 + i % 9) + ".02.2026\n";
  return csv;
}

std::vector<std::string> batch_args(const std::string& dir, const std::string& csv, const std::string& out) {
  write_text(dir + "/base.yaml", kMiniBase);
  write_text(dir + "/s.csv", csv);
  return {"batch", "--base", dir + "/base.yaml", "--schools", dir + "/s.csv", "--out", out};
}

// Starts kovgen in the background (output discarded) with extra environment.
pid_t start_kovgen(const std::vector<std::string>& args, const std::vector<std::string>& env = kMiniEnv) {
  std::vector<std::string> argv{KOVGEN_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
  env_strings.insert(env_strings.end(), env.begin(), env.end());
  std::vector<char*> cenv;
  for (auto& e : env_strings) cenv.push_back(e.data());
  cenv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, cargv[0], &actions, nullptr, cargv.data(), cenv.data());
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

int manifests_below(const std::string& dir) {
  int n = 0;
  if (fs::exists(dir))
    for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.path().filename() == ".kovgen-batch";
  return n;
}

// Sends sig once `count` schools are done below dir (or after 60 s). kovgen runs
// in short slices and is stopped (SIGSTOP) while the test counts, so that however
// fast the machine, it cannot finish the batch between two looks; the signal
// reaches it at an arbitrary point of its work. Returns the wait status: that of a
// normal exit if kovgen finished before it was signalled.
int signal_after(pid_t pid, const std::string& dir, int count, int sig) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int status = 0;
  while (manifests_below(dir) < count && std::chrono::steady_clock::now() < deadline) {
    kill(pid, SIGCONT);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    kill(pid, SIGSTOP);
    if (waitpid(pid, &status, WUNTRACED) != pid) return 0;
    if (!WIFSTOPPED(status)) return status;
  }
  kill(pid, sig);
  kill(pid, SIGCONT);  // a stopped process acts on SIGINT only once it runs again
  waitpid(pid, &status, 0);
  return status;
}

}  // namespace

TEST_CASE("batch --help documents its options and exit codes") {
  CommandResult r = run_kovgen({"batch", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("Aufruf: kovgen batch --base BASIS.yaml --schools SCHULEN.csv --out ORDNER", 0) == 0);
  for (const char* text : {"--where SPALTE=WERT", "--resume", "--jobs N", "--map DATEI",
                           "0  jede Vereinbarung wurde erzeugt und ist unterschriftsreif",
                           "1  einige Zeilen haben ungültige Angaben und wurden übersprungen",
                           "3  jede Zeile wurde erzeugt, aber einige Vereinbarungen sind nicht unterschriftsreif",
                           "4  eine Ausgabedatei konnte nicht geschrieben werden"})
    CHECK(r.out.find(text) != std::string::npos);
  CHECK(run_kovgen({"--help"}).out.find("batch ") != std::string::npos);
}

TEST_CASE("exit codes: 0 all complete, 3 some incomplete, 1 a bad row, 2 a wrong command line") {
  const std::string dir = fresh_temp_dir("batch-exit");
  auto complete = batch_args(dir, "id;name\n1;A\n2;B\n", dir + "/ok");
  CommandResult ok = run_kovgen(complete, "", kMiniEnv);
  CHECK(ok.exit_code == 0);
  CHECK(folders_of(dir + "/ok") == std::vector<std::string>{"1-a", "2-b"});
  CHECK(ok.err.find("geschrieben: " + dir + "/ok/summary.csv (") != std::string::npos);
  CHECK(ok.err.find("geschrieben: " + dir + "/ok/summary.md (") != std::string::npos);

  auto incomplete = batch_args(dir, "id;name;meta.titel;zeiten.ende\n1;A;;\n2;B;;\n", dir + "/inc");
  write_text(dir + "/base.yaml", std::string(kMiniBase).replace(std::string(kMiniBase).find(", ende: '16:00'"), 15, ""));
  CommandResult r = run_kovgen(incomplete, "", kMiniEnv);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("2 Schulen: 0 vollständig, 2 unvollständig, 0 fehlerhaft (nicht erzeugt)") != std::string::npos);

  auto bad = batch_args(dir, "id;name;finanzierung.plaetze\n1;A;5\n2;B;viele\n3;C;7\n", dir + "/bad");
  r = run_kovgen(bad, "", kMiniEnv);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(dir + "/s.csv:3:3: Spalte „finanzierung.plaetze“: finanzierung.plaetze („Plätze“): erwartet wird "
                           "eine ganze Zahl wie 1.200, angegeben ist „viele“") != std::string::npos);
  CHECK(folders_of(dir + "/bad") == std::vector<std::string>{"1-a", "3-c"});
  CHECK(read_text(dir + "/bad/summary.csv").find(";fehlerhaft;") != std::string::npos);

  auto args = batch_args(dir, "id\n1\n", dir + "/usage");
  for (const auto& extra : std::vector<std::vector<std::string>>{
           {"--jobs", "0"}, {"--where", "Schulform=02"}, {"--format", "odt"}, {"--frmat", "md"}}) {
    auto a = args;
    a.insert(a.end(), extra.begin(), extra.end());
    CAPTURE(extra[0]);
    CHECK(run_kovgen(a, "", kMiniEnv).exit_code == 2);
  }
  CHECK(run_kovgen({"batch", "--base", dir + "/base.yaml"}, "", kMiniEnv).exit_code == 2);
  // Invalid inputs: nothing is written.
  write_text(dir + "/base.yaml", "vorlage: mini\nfinanzierung: {plaetze: viele}\n");
  CHECK(run_kovgen(args, "", kMiniEnv).exit_code == 1);
  CHECK_FALSE(file_exists(dir + "/usage"));
  CHECK(run_kovgen(batch_args(dir, "id;finanzierung.platze\n1;2\n", dir + "/usage"), "", kMiniEnv).exit_code == 1);
  CHECK(run_kovgen(batch_args(dir, "", dir + "/usage"), "", kMiniEnv).exit_code == 1);
  CHECK_FALSE(file_exists(dir + "/usage"));
}

TEST_CASE("the NRW school list: mapping, filters, duplicate names, a summary per run") {
  const std::string dir = fresh_temp_dir("batch-nrw");
  const std::vector<std::string> base = {"batch", "--base", kSamples + "/basis.yaml", "--schools",
                                         kSamples + "/schulen-beispiel.csv", "--map", kSamples + "/nrw-schulliste.map.yaml",
                                         "--format", "md"};
  auto run = [&](const std::string& out, const std::vector<std::string>& where) {
    auto a = base;
    a.insert(a.end(), {"--out", dir + "/" + out});
    for (const auto& w : where) a.insert(a.end(), {"--where", w});
    return run_kovgen(a);
  };
  CommandResult all = run("alle", {});
  CHECK(all.exit_code == 3);  // the MSB list has no Schulleitung, Plätze or Räume: incomplete
  CHECK(folders_of(dir + "/alle").size() == 9);

  CommandResult gs = run("gs", {"Schulform=02"});
  CHECK(gs.exit_code == 3);
  CHECK(gs.err.rfind("6 Schulen: 0 vollständig, 6 unvollständig, 0 fehlerhaft (nicht erzeugt)\nÜbersicht: " + dir +
                         "/gs/summary.md\ngeschrieben: " + dir + "/gs/summary.csv (",
                     0) == 0);
  const auto folders = folders_of(dir + "/gs");
  CHECK(folders == std::vector<std::string>{"112233-staedt-gemeinschaftsgrundschule-lindenschule",
                                            "112245-staedt-katholische-grundschule-st-martin",
                                            "112257-staedt-gemeinschaftsgrundschule-am-bach",
                                            "112269-staedt-gemeinschaftsgrundschule-kleine-strolche",
                                            "118001-staedt-gemeinschaftsgrundschule-am-bach",
                                            "118013-staedt-gemeinschaftsgrundschule-regenbogenschule"});
  const std::string md = read_text(dir + "/gs/" + folders[0] + "/" + folders[0] + ".md");
  CHECK(md.find("# Kooperationsvereinbarung über die Offene Ganztagsschule an der Städt. Gemeinschaftsgrundschule "
                "Lindenschule in Musterhausen\n") == 0);
  CHECK(md.find("Lindenstraße 5, 41061 Musterhausen") != std::string::npos);
  CHECK(md.find("Name der Schulleitung") != std::string::npos);  // flagged as missing
  const std::string strolche = read_text(dir + "/gs/" + folders[3] + "/" + folders[3] + ".md");
  CHECK(strolche.find("Städt. Gemeinschaftsgrundschule \"Kleine Strolche\" Grundschulverbund Nord; Teilstandort Ost") !=
        std::string::npos);

  CommandResult town = run("ort", {"Schulform=02", "Gemeindeschluessel=05999001"});
  CHECK(folders_of(dir + "/ort").size() == 4);
  CommandResult two_forms = run("formen", {"Schulform=02", "Schulform=4", "Gemeindeschluessel=05999002"});
  CHECK(folders_of(dir + "/formen").size() == 2);
  const std::string summary = read_text(dir + "/gs/summary.md");
  CHECK(summary.find("| vertragspartner.schulen.schulleitung | 6 |") != std::string::npos);
  CHECK(summary.find("| 10 | 118001 Städt. Gemeinschaftsgrundschule Am Bach | X | X | X |") != std::string::npos);
  CHECK(run("none", {"Schulform=99"}).exit_code == 1);
}

TEST_CASE("extra columns on the NRW list complete the agreements") {
  const std::string dir = fresh_temp_dir("batch-nrw-extra");
  std::string csv = read_text(kSamples + "/schulen-beispiel.csv");
  // Append own columns to the header (after its trailing ";") and to two rows.
  csv.replace(csv.find("UTMHochwert;"), 12,
              "UTMHochwert;vertragspartner.schulen.schulleitung;vertragspartner.schulen.funktion;"
              "gegenstand.standorte.plaetze;gegenstand.standorte.gruppen;raeume_ausstattung.raeume.standort;"
              "raeume_ausstattung.raeume.raum;raeume_ausstattung.raeume.nutzung");
  csv.replace(csv.find("\"5674380\""), 9, "\"5674380\";\"Maria Lind\";\"Schulleiterin\";\"200\";\"8\";\"GGS Lindenschule\";"
                                          "\"OGS-Gruppenräume 1–4\";\"ausschließlich OGS\"");
  write_text(dir + "/s.csv", csv);
  CommandResult r = run_kovgen({"batch", "--base", kSamples + "/basis.yaml", "--schools", dir + "/s.csv", "--map",
                                kSamples + "/nrw-schulliste.map.yaml", "--where", "Schulnummer=112233", "--out",
                                dir + "/out", "--format", "md"});
  CHECK(r.err.rfind("1 Schule: 1 vollständig, 0 unvollständig, 0 fehlerhaft (nicht erzeugt)\nÜbersicht: " + dir +
                        "/out/summary.md\ngeschrieben: ",
                    0) == 0);
  CHECK(r.exit_code == 0);
}

TEST_CASE("each school's files are byte-identical to render of the same merged answers") {
  const std::string dir = fresh_temp_dir("batch-identical");
  CommandResult r = run_kovgen(batch_args(dir, mini_schools(3), dir + "/out"), "", kMiniEnv);
  REQUIRE(r.exit_code == 0);
  write_text(dir + "/school2.yaml", std::string(kMiniBase).replace(std::string(kMiniBase).find("plaetze: 100"), 12,
                                                                   "plaetze: 20") +
                                        "beschluss:\n  gremien:\n    - {gremium: Schulkonferenz, datum: 03.02.2026}\n");
  REQUIRE(run_kovgen({"render", dir + "/school2.yaml", "--out", dir + "/render", "--name", "202-schule-nr-2"}, "",
                     kMiniEnv)
              .exit_code == 0);
  const auto rendered = tree_of(dir + "/render");
  CHECK(rendered.size() >= 3);  // md, docx, xml, pdf: what this build has
  for (const auto& [name, bytes] : rendered) {
    CAPTURE(name);
    if (name.size() > 4 && name.substr(name.size() - 4) == ".xml") continue;  // not a batch default
    CHECK(read_text(dir + "/out/202-schule-nr-2/" + name) == bytes);
  }
}

TEST_CASE("--reference-docx: the same DOCX as render with it, and a resume rewrites what it changes") {
  const std::string dir = fresh_temp_dir("batch-reference");
  const std::string reference = dir + "/reference.docx";
  write_text(reference, read_text(source_dir() + "/templates/reference.docx"));
  auto args = batch_args(dir, mini_schools(2), dir + "/out");
  args.insert(args.end(), {"--format", "md,docx"});
  REQUIRE(run_kovgen(args, "", kMiniEnv).exit_code == 0);
  auto with_reference = args;
  with_reference.insert(with_reference.end(), {"--resume", "--reference-docx", reference});
  CommandResult r = run_kovgen(with_reference, "", kMiniEnv);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("unverändert") == std::string::npos);  // nothing was up to date
  CHECK(run_kovgen(with_reference, "", kMiniEnv).err.find("2 unverändert übernommen") != std::string::npos);
  write_text(dir + "/school1.yaml", std::string(kMiniBase).replace(std::string(kMiniBase).find("plaetze: 100"), 12,
                                                                   "plaetze: 10") +
                                        "beschluss:\n  gremien:\n    - {gremium: Schulkonferenz, datum: 02.02.2026}\n");
  REQUIRE(run_kovgen({"render", dir + "/school1.yaml", "-o", dir + "/render.docx", "--reference-docx", reference}, "",
                     kMiniEnv)
              .exit_code == 0);
  CHECK(read_text(dir + "/out/201-schule-nr-1/201-schule-nr-1.docx") == read_text(dir + "/render.docx"));
  // The same path with other contents (a Word document of kovgen's own): every school is redone.
  write_text(reference, read_text(dir + "/render.docx"));
  CHECK(run_kovgen(with_reference, "", kMiniEnv).err.find("unverändert") == std::string::npos);
  CHECK(run_kovgen(with_reference, "", kMiniEnv).err.find("2 unverändert übernommen") != std::string::npos);
  with_reference.back() = dir + "/missing.docx";
  CHECK(run_kovgen(with_reference, "", kMiniEnv).exit_code == 1);
}

TEST_CASE("the OGS sample: batch output equals render of the merged answers") {
  const std::string dir = fresh_temp_dir("batch-identical-ogs");
  CommandResult r = run_kovgen({"batch", "--base", kSamples + "/basis.yaml", "--schools",
                                kSamples + "/schulen-beispiel.csv", "--map", kSamples + "/nrw-schulliste.map.yaml",
                                "--where", "Schulnummer=112245", "--out", dir + "/out", "--jobs", "2"});
  REQUIRE(r.exit_code == 3);
  std::string yaml = read_text(kSamples + "/basis.yaml");
  const std::string title = "  titel: Kooperationsvereinbarung über die Offene Ganztagsschule   # je Schule aus der Mapping-Datei";
  REQUIRE(yaml.find(title) != std::string::npos);
  yaml.replace(yaml.find(title), title.size(),
               "  titel: Kooperationsvereinbarung über die Offene Ganztagsschule an der Städt. Katholischen Grundschule "
               "St. Martin in Musterhausen");
  const std::string schools = "  # schulen: je Schule aus der Liste (siehe oben)\n";
  yaml.replace(yaml.find(schools), schools.size(),
               "  schulen:\n    - {name: Städt. Katholische Grundschule St. Martin, anschrift: 'Kirchplatz 3, 41061 "
               "Musterhausen', schulnummer: '112245'}\n");
  yaml.replace(yaml.find("  platzanpassung: true"), 0, "  standorte:\n    - {schule: Städt. Katholische Grundschule St. Martin}\n");
  write_text(dir + "/merged.yaml", yaml);
  const std::string folder = "112245-staedt-katholische-grundschule-st-martin";
  r = run_kovgen({"render", dir + "/merged.yaml", "--out", dir + "/render", "--name", folder, "--format", "md,docx,pdf"});
  REQUIRE(r.exit_code == 0);
  for (const auto& [name, bytes] : tree_of(dir + "/render")) {
    CAPTURE(name);
    CHECK(read_text(dir + "/out/" + folder + "/" + name) == bytes);
  }
}

TEST_CASE("a killed batch leaves no half-written file, and --resume completes it" * doctest::test_suite("slow")) {
  const std::string dir = fresh_temp_dir("batch-kill");
  auto args = batch_args(dir, mini_schools(200), dir + "/out");
  args.insert(args.end(), {"--jobs", "2"});
  // The reference: the same batch in one go.
  auto reference_args = args;
  reference_args[6] = dir + "/reference";
  REQUIRE(run_kovgen(reference_args, "", kMiniEnv).exit_code == 0);
  auto reference = tree_of(dir + "/reference");

  // Kill the batch (SIGKILL: no clean-up) once some schools are done.
  const pid_t pid = start_kovgen(args);
  REQUIRE(pid > 0);
  const int status = signal_after(pid, dir + "/out", 6, SIGKILL);
  REQUIRE(WIFSIGNALED(status));

  // Whatever exists under a final name is complete: identical to the reference.
  const auto killed = tree_of(dir + "/out");
  int finals = 0;
  for (const auto& [name, bytes] : killed) {
    if (name.find(".tmp-") != std::string::npos) continue;
    CAPTURE(name);
    REQUIRE(reference.count(name));
    if (name.find(".kovgen-batch") == std::string::npos) CHECK(bytes == reference.at(name));
    ++finals;
  }
  CHECK(finals > 0);
  CHECK_FALSE(killed.count("summary.csv"));
  const int done_before = manifests_below(dir + "/out");
  CHECK(done_before < 200);

  auto resume = args;
  resume.push_back("--resume");
  CommandResult r = run_kovgen(resume, "", kMiniEnv);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("; " + std::to_string(done_before) + " unverändert übernommen") != std::string::npos);
  // Complete and identical, no temporary files left; only the summary tells of the resume.
  auto resumed = tree_of(dir + "/out");
  CHECK(resumed.at("summary.md").find("unverändert aus einem früheren Lauf übernommen") != std::string::npos);
  for (auto* files : {&resumed, &reference})
    for (const char* summary : {"summary.md", "summary.docx", "summary.pdf"}) files->erase(summary);
  CHECK(resumed == reference);
}

TEST_CASE("Ctrl-C finishes the schools under way, writes the summary and exits 130") {
  const std::string dir = fresh_temp_dir("batch-interrupt");
  auto args = batch_args(dir, mini_schools(200), dir + "/out");
  const pid_t pid = start_kovgen(args);
  REQUIRE(pid > 0);
  const int status = signal_after(pid, dir + "/out", 4, SIGINT);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  const auto files = tree_of(dir + "/out");
  for (const auto& [name, bytes] : files) CHECK(name.find(".tmp-") == std::string::npos);
  const std::string summary = files.at("summary.md");
  CHECK(summary.find("**Abgebrochen:** nur ") != std::string::npos);
  const int done = manifests_below(dir + "/out");
  // One summary row per school that was finished, and no school folder without its manifest.
  const std::string csv = files.at("summary.csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == done + 1);
  CHECK(static_cast<int>(folders_of(dir + "/out").size()) == done);
  args.push_back("--resume");
  CommandResult r = run_kovgen(args, "", kMiniEnv);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find(std::to_string(done) + " unverändert übernommen") != std::string::npos);
}

TEST_CASE("a Windows-1252 list with commas and CRLF, end to end") {
  const std::string dir = fresh_temp_dir("batch-cp1252");
  auto args = batch_args(dir, "", dir + "/out");
  write_text(dir + "/s.csv", "id,name,zeiten.ziele\r\n1,Gr\xF6\xDF" "e Schule,\"F\xF6rderung; Inklusion\"\r\n");
  CommandResult r = run_kovgen(args, "", kMiniEnv);
  CHECK(r.exit_code == 0);
  CHECK(folders_of(dir + "/out") == std::vector<std::string>{"1-groesse-schule"});
  CHECK(read_text(dir + "/out/summary.csv").find(";Größe Schule;unterschriftsreif;") != std::string::npos);
  CHECK(read_text(dir + "/out/1-groesse-schule/1-groesse-schule.md").find("Förderung und Inklusion") != std::string::npos);
}

TEST_CASE("the progress bar: count, rate and time left, quiet when not a terminal") {
  // In this process no catalog is bound: the English of the source.
  CHECK(kovgen::progress_line(0, 3000, 0) == "[........................] 0 / 3.000 schools (0 %)");
  CHECK(kovgen::progress_line(1500, 3000, 10.0) ==
        "[############............] 1.500 / 3.000 schools (50 %) \u00B7 150/s \u00B7 about 0:10 left");
  CHECK(kovgen::progress_line(3000, 3000, 75.0) ==
        "[########################] 3.000 / 3.000 schools (100 %) \u00B7 40/s \u00B7 1:15");
  const std::string dir = fresh_temp_dir("batch-quiet");
  CommandResult r = run_kovgen(batch_args(dir, mini_schools(5), dir + "/out"), "", kMiniEnv);
  CHECK(r.err.find('\r') == std::string::npos);
  CHECK(r.out.empty());
  CommandResult tty = run_in_pty({KOVGEN_BINARY, "batch", "--base", dir + "/base.yaml", "--schools", dir + "/s.csv",
                                  "--out", dir + "/tty"},
                                 "", kMiniEnv);
  CHECK(tty.exit_code == 0);
  CHECK(tty.out.find("\r[########################] 5 / 5 Schulen (100 %)") != std::string::npos);
}
