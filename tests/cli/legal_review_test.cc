// The drafts a Justiziar reads: the legal review's points (issue 15) as checks on the
// shipped templates, rendered from the samples and from variants of them.
#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include "pipeline.h"
#include "test_support.h"

using namespace kovgen;

namespace {

const std::string kNbsp = "\u00A0";

std::string sample_path(const std::string& name) {
  const std::string folder = name.rfind("ogs", 0) == 0 ? "ogs" : "schulsozialarbeit";
  return test::source_dir() + "/samples/" + folder + "/" + name + ".yaml";
}

std::string sample_text(const std::string& name) { return test::read_text(sample_path(name)); }

// Replaces the one occurrence of `from`; a test that edits a line the sample lacks fails.
std::string edited(std::string yaml, const std::string& from, const std::string& to) {
  const size_t at = yaml.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "sample lacks: " << from);
  return yaml.replace(at, from.size(), to);
}

struct Loaded {
  std::optional<Draft> draft;
  std::string errors;
};

Loaded render(const std::string& yaml) {
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  auto loaded = load_answers(yaml, "answers.yaml", "", cache, diag);
  Loaded out;
  out.errors = diag.to_string();
  if (loaded && diag.error_count() == 0) {
    ComposeOptions options;
    options.stand_fallback = Date{2026, 8, 1};
    out.draft = make_draft(*loaded->tmpl, loaded->answers, options);
  }
  return out;
}

std::string draft_of(const std::string& yaml) {
  Loaded l = render(yaml);
  INFO(l.errors);
  REQUIRE(l.draft.has_value());
  return l.draft->markdown;
}

std::string question_help(const std::string& template_id, const std::string& key) {
  TemplateCache cache(test::real_disk(), test::source_template_library());
  Diagnostics diag;
  auto loaded = load_answers("vorlage: " + template_id + "\n", "answers.yaml", "", cache, diag);
  REQUIRE(loaded.has_value());
  const Question* q = loaded->tmpl->questionnaire.find_question(key);
  REQUIRE_MESSAGE(q, key);
  return q->help;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const char* const kSamples[] = {"ogs-vollstaendig", "ogs-teilweise", "schulsozialarbeit-vollstaendig",
                                "schulsozialarbeit-teilweise"};

// The agreement's text without the checklist appendix, which is not part of it.
std::string agreement_part(const std::string& markdown) {
  const size_t appendix = markdown.find("## Anhang: Checkliste");
  return markdown.substr(0, appendix);
}

// Numbers up to twelve that running text writes as digits. Allowed: table rows,
// citations (§, Abs., Nr., Art., Satz, Buchst. with their chains), Anlage, Klasse(n),
// Jahrgangsstufe(n), TOP, dates, times, decimals, amounts and percentages.
std::vector<std::string> small_digits_in_running_text(const std::string& markdown) {
  static const std::regex chains(
      "(§§?|Abs\\.|Nr\\.|Art\\.|Satz|Buchst\\.|Anlagen?|Klassen?|Klassenstufen?|Jahrgangsstufen?|TOP)"
      "[ \u00A0]*\\d+[a-z]?((,|;| |\u00A0|und|bis|–)+\\d+[a-z]?)*");
  static const std::regex months(
      "\\d+\\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)");
  static const std::regex number("\\d+([.,:/]\\d+)*");
  std::vector<std::string> found;
  std::istringstream lines(agreement_part(markdown));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '|' || line[0] == '#') continue;
    std::string text = std::regex_replace(std::regex_replace(line, months, " "), chains, " ");
    // Paragraph numbers "(3) " lead a paragraph; they are not running text.
    if (text.rfind("(", 0) == 0) text = text.substr(text.find(')') + 1);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it) {
      const std::string token = it->str();
      const size_t at = static_cast<size_t>(it->position());
      const size_t end = at + token.size();
      if (token.find_first_of(".,:/") != std::string::npos) continue;  // decimals, times, years, amounts
      if (token.size() > 2 || std::stoi(token) > 12) continue;
      const char before = at ? text[at - 1] : ' ';
      if (std::isalnum(static_cast<unsigned char>(before)) || before == '.' || before == '-') continue;
      const char next = end < text.size() ? text[end] : ' ';
      // Part of a code or number ("BASS 11-02", "S 11b"), not a count.
      if (std::isalnum(static_cast<unsigned char>(next)) || next == '-') continue;
      // An annex is named by its number („Anlage 3“), like a § (the English draft in-process says „Annex 3“).
      if (std::regex_search(text.substr(0, at), std::regex("(Anlage|Annex)( |" + kNbsp + ")$"))) continue;
      const std::string after = text.substr(end, 8);
      // A house number before the postcode of an address.
      if (std::regex_search(after, std::regex("^, \\d{5}"))) continue;
      if (after.rfind(kNbsp + "%", 0) == 0 || after.rfind(kNbsp + "€", 0) == 0 || after.rfind(" %", 0) == 0 ||
          after.rfind(" m²", 0) == 0)
        continue;
      found.push_back(token + " in: " + line);
    }
  }
  return found;
}

}  // namespace

TEST_CASE("legal review: drafts write numbers up to twelve as words in running text") {
  for (const std::string name : kSamples) {
    CAPTURE(name);
    const auto found = small_digits_in_running_text(draft_of(sample_text(name)));
    CHECK_MESSAGE(found.empty(), (found.empty() ? std::string() : found.front()));
  }
  // The scan itself finds a digit where a word belongs.
  CHECK(small_digits_in_running_text("(1) Die Frist beträgt 6 Monate.\n").size() == 1);
  CHECK(small_digits_in_running_text("(1) Nach §\u00A09 Abs.\u00A03 SchulG am 1. August 2026 um 8:00 Uhr.\n").empty());
  CHECK(small_digits_in_running_text("**Stadt**, Markt 1, 41061 Musterhausen,\\\n").empty());
}

TEST_CASE("legal review: no doubled punctuation, no count in parentheses, a no-break space after § and Abs.") {
  static const std::regex plain_space_after("(§§?|Abs\\.) \\d");
  for (const std::string name : kSamples) {
    CAPTURE(name);
    const std::string md = agreement_part(draft_of(sample_text(name)));
    for (const std::string doubled : {"?.", "..", ",.", ";.", " ,", " .", "(n)"}) CHECK_MESSAGE(!contains(md, doubled), doubled);
    std::smatch m;
    CHECK_MESSAGE(!std::regex_search(md, m, plain_space_after), m.str());
  }
}

TEST_CASE("legal review: § 72a SGB VIII is cited with Abs. 2 for paid staff and Abs. 4 for volunteers") {
  const std::string md = draft_of(sample_text("ogs-vollstaendig"));
  CHECK(contains(md, "Vereinbarung nach §" + kNbsp + "8a Abs." + kNbsp + "4 und §" + kNbsp + "72a Abs." + kNbsp +
                         "2 und 4 SGB VIII"));
  CHECK_FALSE(contains(md, "72a Abs." + kNbsp + "4 SGB VIII geschlossen"));
  for (const char* tmpl : {"/templates/ogs/template.yaml", "/templates/schulsozialarbeit/template.yaml"})
    CHECK_FALSE(contains(test::read_text(test::source_dir() + tmpl), "72a Abs. 4 SGB VIII besteht"));
}

TEST_CASE("legal review: the municipality signs twice unless the questionnaire says one signature") {
  const std::string yaml = sample_text("ogs-vollstaendig");
  const std::string two = draft_of(yaml);
  CHECK(contains(two, "vertreten durch Dr. Anna Beispiel (Bürgermeisterin) und Jens Muster (Erster Beigeordneter)"));
  const std::string one = draft_of(edited(yaml, "  schultraeger_unterzeichner2_name: Jens Muster\n",
                                          "  schultraeger_einzelunterschrift: true\n"));
  CHECK(contains(one, "vertreten durch Dr. Anna Beispiel (Bürgermeisterin),"));
  CHECK_FALSE(contains(one, "Jens Muster"));
  // Who must sign is asked, citing the law in its current version, not asserted.
  CHECK(contains(question_help("ogs", "vertragspartner.schultraeger_einzelunterschrift"),
                 "§ 64 GO NRW in der jeweils geltenden Fassung und der Hauptsatzung"));
  CHECK(contains(question_help("ogs", "vertragspartner.jugendamt_unterschriften"),
                 "§ 43 KrO NRW in der jeweils geltenden Fassung"));
}

TEST_CASE("legal review: closure days lie in the holidays, at most twenty, term-time closure needs emergency care") {
  const std::string yaml = sample_text("ogs-vollstaendig");
  const std::string md = draft_of(yaml);
  CHECK(contains(md, "Schließzeiten liegen ausschließlich in den Schulferien, soweit das Landesrecht eine Schließzeit "
                     "zulässt (§" + kNbsp + "24 Abs." + kNbsp + "4 SGB VIII), und umfassen höchstens 15 Werktage im Schuljahr"));
  CHECK(contains(md, "acht Stunden täglich montags bis freitags"));
  CHECK_FALSE(contains(md, "an allen Werktagen"));
  CHECK(contains(md, "Außerhalb der Schulferien kann die Offene Ganztagsschule an höchstens zwei Tagen im Schuljahr"));
  CHECK(contains(md, "folgende Notbetreuung"));
  const Loaded too_many = render(edited(yaml, "schliesstage_max: 15", "schliesstage_max: 21"));
  CHECK_FALSE(too_many.draft.has_value());
  CHECK(contains(too_many.errors, "zeiten.schliesstage_max"));
  const std::string no_care =
      draft_of(std::regex_replace(yaml, std::regex("  notbetreuung: >-\n(    .*\n)+"), std::string()));
  CHECK(contains(no_care, "folgende Notbetreuung:\n\n\\[offen: Notbetreuung an Schließtagen außerhalb der Schulferien\\]"));
}

TEST_CASE("legal review: Schulsozialarbeit cites the funding guideline without the expired date") {
  const std::string yaml = sample_text("schulsozialarbeit-vollstaendig");
  const std::string md = draft_of(yaml);
  CHECK_FALSE(contains(md, "22. September 2021"));
  CHECK(contains(md, "nach der Richtlinie über die Förderung von Schulsozialarbeit in Nordrhein-Westfalen in der "
                     "jeweils geltenden Fassung gefördert"));
  CHECK(contains(md, "Eine Fachkraft in Vollzeit wird an höchstens einer Schule eingesetzt."));
  const std::string dated = draft_of(edited(yaml, "  landesfoerderung: true\n",
                                            "  landesfoerderung: true\n  richtlinie_datum: 2025-07-01\n"
                                            "  richtlinie_fundstelle: BASS 11-02 Nr. 45\n"));
  CHECK(contains(dated, "Nordrhein-Westfalen vom 1. Juli 2025 (BASS 11-02 Nr. 45) in der jeweils geltenden Fassung"));
  const Loaded three = render(edited(yaml, "schulen_je_fachkraft: 1", "schulen_je_fachkraft: 3"));
  CHECK_FALSE(three.draft.has_value());
  CHECK(contains(three.errors, "finanzierung.schulen_je_fachkraft"));
}

TEST_CASE("legal review: each party's data protection law is named, a municipal Träger under the DSG NRW") {
  const std::string yaml = sample_text("ogs-vollstaendig");
  const std::string md = draft_of(yaml);
  CHECK(contains(md, "Für die Schule gelten die §§" + kNbsp + "120 ff. SchulG NRW"));
  CHECK(contains(md, "VO-DV II"));
  CHECK(contains(md, "Für den Schulträger gelten die DSGVO und ergänzend das Datenschutzgesetz Nordrhein-Westfalen"));
  CHECK(contains(md, "Für das Jugendamt gelten für Sozialdaten die §§" + kNbsp + "61 ff. SGB VIII und die §§" + kNbsp +
                         "67 ff. SGB X"));
  CHECK(contains(md, "Bundesdatenschutzgesetz (BDSG)"));
  CHECK(contains(md, "auf Grundlage des Betreuungsvertrags (Art." + kNbsp + "6 Abs." + kNbsp + "1 Buchst. b DSGVO)"));
  CHECK(contains(md, "nach Art." + kNbsp + "14 DSGVO"));
  CHECK(contains(md, "gemeinsam Verantwortliche nach Art." + kNbsp + "26 DSGVO"));
  const std::string municipal = draft_of(edited(yaml, "traeger_traegerart: AWO", "traeger_traegerart: Kommune"));
  CHECK(contains(municipal, "Für den Träger gelten als öffentliche Stelle die DSGVO und ergänzend das "
                            "Datenschutzgesetz Nordrhein-Westfalen (DSG NRW)"));
  CHECK_FALSE(contains(municipal, "Bundesdatenschutzgesetz"));
  const std::string processor = draft_of(edited(yaml, "anmeldung: gemeinsame Verantwortung (Art. 26 DSGVO)",
                                                "anmeldung: Auftragsverarbeitung (Art. 28 DSGVO)"));
  CHECK(contains(processor, "im Auftrag des Trägers; hierüber schließen Schule und Träger eine gesonderte "
                            "Vereinbarung nach Art." + kNbsp + "28 DSGVO"));
}

TEST_CASE("legal review: termination per school, wind-down and the special right on loss of Land funding") {
  const std::string md = draft_of(sample_text("ogs-vollstaendig"));
  CHECK(contains(md, "Die Kündigung kann auf einzelne Schulen beschränkt werden (Teilkündigung)"));
  CHECK(contains(md, "Da die Schule nicht rechtsfähig ist, beendet ihre Kündigung keine Pflichten"));
  CHECK(contains(md, "zum Ende des laufenden Schuljahres kündigen; eine fristlose Kündigung begründet dies nicht"));
  CHECK(contains(md, "unterrichtet unverzüglich das zuständige Jugendamt"));
  CHECK(contains(md, "gibt der Träger die ihm überlassenen Räume, Schlüssel und Ausstattung"));
  CHECK(contains(md, "mit einer Frist von sechs Monaten"));
}

TEST_CASE("legal review: liability, duty of care for the buildings and the Schulleitung's instructions on supervision") {
  const std::string md = draft_of(sample_text("ogs-vollstaendig"));
  CHECK(contains(md, "Er stellt den Schulträger von Ansprüchen Dritter frei"));
  CHECK(contains(md, "auch für Schäden an Gebäuden, Räumen und Ausstattung des Schulträgers"));
  CHECK(contains(md, "Die Verkehrssicherungspflicht für Gebäude"));
  CHECK(contains(md, "§§" + kNbsp + "104 ff. SGB VII"));
  CHECK(contains(md, "allgemeine Weisungen zur Wahrnehmung der Aufsichtspflicht"));
  const std::string ssa = draft_of(sample_text("schulsozialarbeit-vollstaendig"));
  CHECK(contains(ssa, "## §" + kNbsp));
  CHECK(contains(ssa, "Aufsicht und Haftung\n"));
  CHECK(contains(ssa, "§§" + kNbsp + "104 ff. SGB VII"));
}

TEST_CASE("legal review: the OGS-Leitung is a guest in the Schulkonferenz, whose members § 66 SchulG sets") {
  const std::string md = draft_of(sample_text("ogs-vollstaendig"));
  CHECK(contains(md, "als Gast mit beratender Stimme teilnehmen, soweit die Schulkonferenz sie einlädt"));
  CHECK(contains(md, "§" + kNbsp + "66 SchulG NRW"));
  CHECK(contains(md, "nimmt regelmäßig an folgenden Konferenzen teil: Lehrerkonferenz und Ganztagskonferenz"));
  CHECK_FALSE(contains(md, "Lehrerkonferenzen und Schulkonferenzen ein"));
}

TEST_CASE("legal review: the Kreis is the party acting through its Jugendamt, a town's own Jugendamt is no party") {
  const std::string yaml = sample_text("ogs-vollstaendig");
  const std::string kreis = draft_of(yaml);
  CHECK(contains(kreis, "**Kreis Musterkreis** als örtlicher Träger der öffentlichen Jugendhilfe, handelnd durch sein "
                        "Jugendamt"));
  const std::string own = draft_of(
      edited(yaml, "jugendamt_zustaendigkeit: Kreisjugendamt", "jugendamt_zustaendigkeit: Jugendamt des Schulträgers"));
  CHECK_FALSE(contains(own, "– nachfolgend „Jugendamt“ genannt –"));
  CHECK_FALSE(contains(own, "Für den örtlichen Träger der öffentlichen Jugendhilfe"));
  CHECK(contains(own, "Der Schulträger ist selbst örtlicher Träger der öffentlichen Jugendhilfe"));
  CHECK(contains(own, "innerhalb der Verwaltung des Schulträgers zwischen dem für Schule zuständigen Fachbereich und "
                      "dem Jugendamt am 10. März 2026 hergestellt worden"));
  const std::string partial = draft_of(sample_text("ogs-teilweise"));
  CHECK(contains(partial, "Örtlicher Träger der öffentlichen Jugendhilfe ist der Kreis Musterkreis."));
}

TEST_CASE("legal review: no numbers of the old OGS Erlass and no undated new Runderlass") {
  for (const char* tmpl : {"/templates/ogs/template.yaml", "/templates/ogs/vereinbarung.md.mustache",
                           "/templates/schulsozialarbeit/template.yaml"}) {
    const std::string text = test::read_text(test::source_dir() + tmpl);
    CAPTURE(tmpl);
    CHECK_FALSE(contains(text, "Erlass Nr. 6"));
    CHECK_FALSE(contains(text, "Nr. 6.2 des OGS-Erlasses"));
    CHECK_FALSE(contains(text, "(gültig ab 1. August 2026)"));
  }
  for (const char* name : kSamples) CHECK_FALSE(contains(draft_of(sample_text(name)), "gültig ab"));
}

TEST_CASE("legal review: a missing answer gives a placeholder, never a duty nobody chose") {
  const std::string yaml = sample_text("ogs-vollstaendig");
  const std::string without =
      draft_of(edited(yaml, "  schutzkonzept: true\n  schutzkonzept_stand: 2025-11-15\n", "  schutzkonzept: false\n"));
  CHECK(contains(without, "innerhalb von \\[offen: Frist in Monaten, die der Träger zugesagt hat\\] Monaten"));
  CHECK_FALSE(contains(without, "sechs Monaten nach Inkrafttreten"));
  const std::string promised = draft_of(edited(yaml, "  schutzkonzept: true\n  schutzkonzept_stand: 2025-11-15\n",
                                               "  schutzkonzept: false\n  schutzkonzept_frist_monate: 6\n"));
  CHECK(contains(promised, "erarbeitet innerhalb von sechs Monaten nach Inkrafttreten"));
}

TEST_CASE("legal review: German drafting of counts, choices and the Schulsozialarbeit's confidentiality") {
  for (const char* name : kSamples) CHECK_FALSE(contains(draft_of(sample_text(name)), "Vollzeitstelle(n)"));
  const std::string ogs = draft_of(sample_text("ogs-vollstaendig"));
  CHECK(contains(ogs, "| OGS-Leitung | 0,5 Vollzeitstellen je 100 Plätze |"));
  CHECK(contains(ogs, "Für die Organisation des Mittagessens ist der Träger mit einem von ihm beauftragten Caterer "
                      "verantwortlich"));
  CHECK(contains(ogs, "Diese Vereinbarung wird in sechs gleichlautenden Ausfertigungen unterzeichnet."));
  CHECK_FALSE(contains(agreement_part(ogs), "Jugendliche"));
  const std::string ssa = draft_of(sample_text("schulsozialarbeit-vollstaendig"));
  CHECK(contains(ssa, "Stellenumfang entspricht insgesamt einer Vollzeitstelle."));
  CHECK(contains(ssa, "Gefährdung eines Kindes oder Jugendlichen"));
  CHECK(contains(ssa, "nur unter den Voraussetzungen des §" + kNbsp + "65 Abs." + kNbsp + "1 SGB VIII weiter"));
  CHECK_FALSE(contains(ssa, "informieren sich die Schulleitung und die verantwortliche Leitungskraft"));
  CHECK(contains(ogs, "informieren sich die Schulleitung und die verantwortliche Leitungskraft"));
}

TEST_CASE("legal review: the OGS agreement covers the topics of the claim from 2026 and of daily practice") {
  const std::string md = draft_of(sample_text("ogs-vollstaendig"));
  for (const char* topic : {"| 2027/28 | Klassen 1 und 2 | 400 |", "weist dem Kind ein anderes bedarfsgerechtes Angebot nach",
                            "für anspruchsberechtigte Kinder gelten sie nicht", "§\u00A035a SGB VIII oder §\u00A0112 SGB IX",
                            "Masernschutz nach §\u00A020 Abs.\u00A09 IfSG", "nach §\u00A043 IfSG belehrt",
                            "Medikamente verabreicht das Personal des Trägers nur auf Grund einer schriftlichen",
                            "dürfen Kinder zu der darin genannten Zeit allein nach Hause gehen",
                            "örtliche Rechnungsprüfung", "erstattet er dem Schulträger", "§\u00A0613a BGB",
                            "gemeinsame Bestandsanalyse der Angebote, Räume und Bedarfe an den beteiligten Schulen vom "
                            "20. Januar 2026 (Anlage 6)"}) {
    CAPTURE(topic);
    CHECK(contains(md, topic));
  }
}

TEST_CASE("legal review: the Schulsozialarbeit agreement covers steps five and six, bodies, pupils and the Kommune") {
  const std::string md = draft_of(sample_text("schulsozialarbeit-vollstaendig"));
  for (const char* topic :
       {"Umsetzung und Verankerung", "Qualitätsstandards", "eingebunden in: den Arbeitskreis Schulsozialarbeit",
        "Jugendhilfeausschuss des Kreises Musterkreis und Schulausschuss der Stadt Musterhausen",
        "Beteiligung der Schülerinnen und Schüler", "**Stadt Musterhausen** als Schulträger",
        "Die Kommune stellt als Schulträger den Beratungsraum", "**Für die Kommune: Stadt Musterhausen**"}) {
    CAPTURE(topic);
    CHECK(contains(md, topic));
  }
}

namespace {

// The sample without one answer: the key's line and the indented lines that continue it.
std::string without_answer(const std::string& yaml, const std::string& key_line) {
  const size_t at = yaml.find(key_line);
  REQUIRE_MESSAGE(at != std::string::npos, "sample lacks: " << key_line);
  size_t end = yaml.find('\n', at) + 1;
  while (yaml.compare(end, 4, "    ") == 0) end = yaml.find('\n', end) + 1;
  return yaml.substr(0, at) + yaml.substr(end);
}

}  // namespace

TEST_CASE("legal review: no default duty for Bewirtschaftung, Vertretung or Jugendhilfeplanung") {
  const std::string yaml = sample_text("ogs-vollstaendig");
  struct Point {
    const char* key_line;
    const char* section;
    const char* placeholder;
    const char* former_default;
  };
  const Point points[] = {
      {"  bewirtschaftung: >-\n", "pflichten_schultraeger",
       "\\[offen: wer Reinigung, Energie, Wasser, Hausmeisterdienste und Instandhaltung der Räume trägt\\]",
       "trägt der Schulträger im Rahmen der allgemeinen Schulbewirtschaftung"},
      {"  vertretung: >-\n", "personal",
       "\\[offen: wie und wie schnell der Träger bei Ausfall von Personal für Vertretung sorgt\\]",
       "stellt der Träger eine Vertretung sicher"},
      {"  jugendhilfeplanung: >-\n", "rolle_jugendamt",
       "\\[offen: wie die Bedarfe der OGS in die Jugendhilfe- und Schulentwicklungsplanung eingehen",
       "werden in der Jugendhilfeplanung"},
  };
  for (const Point& p : points) {
    CAPTURE(p.key_line);
    const Loaded open = render(without_answer(yaml, p.key_line));
    INFO(open.errors);
    REQUIRE(open.draft.has_value());
    CHECK(contains(open.draft->markdown, p.placeholder));
    CHECK_FALSE(contains(open.draft->markdown, p.former_default));
    const SectionFinding* flagged = open.draft->findings.find(p.section);
    REQUIRE(flagged);
    CHECK_FALSE(flagged->complete);
  }
  const std::string answered = draft_of(yaml);
  CHECK(contains(answered, "Reinigung der OGS-Räume erfolgt täglich"));
  CHECK(contains(answered, "innerhalb von drei Arbeitstagen"));
  CHECK(contains(answered, "dem Jugendhilfeausschuss vorgelegt"));
}

TEST_CASE("legal review: the chosen article of the Kreis drives articles and pronouns, none gives a wording without") {
  const std::string yaml = sample_text("ogs-vollstaendig");
  const std::string der = draft_of(yaml);
  CHECK(contains(der, "**Kreis Musterkreis** als örtlicher Träger der öffentlichen Jugendhilfe, handelnd durch sein "
                      "Jugendamt"));
  CHECK(contains(der, "Das Jugendamt nimmt für den Kreis Musterkreis als örtlichen Träger der öffentlichen Jugendhilfe"));
  std::string region = yaml;
  for (size_t at; (at = region.find("Kreis Musterkreis")) != std::string::npos;)
    region.replace(at, std::string("Kreis Musterkreis").size(), "StädteRegion Aachen");
  const std::string die = draft_of(edited(region, "jugendamt_artikel: der", "jugendamt_artikel: die"));
  CHECK(contains(die, "**StädteRegion Aachen** als örtlicher Träger der öffentlichen Jugendhilfe, handelnd durch ihr "
                      "Jugendamt"));
  CHECK(contains(die, "Das Jugendamt nimmt für die StädteRegion Aachen als örtlichen Träger"));
  CHECK_FALSE(contains(die, "den StädteRegion"));
  const std::string none = draft_of(edited(yaml, "  jugendamt_artikel: der\n", ""));
  CHECK(contains(none, "handelnd durch das Jugendamt"));
  CHECK(contains(none, "Das Jugendamt nimmt für den örtlichen Träger der öffentlichen Jugendhilfe (Kreis Musterkreis) die"));

  const std::string partial = sample_text("ogs-teilweise");
  CHECK(contains(draft_of(partial), "ist der Kreis Musterkreis. Er ist nicht Vertragspartei, trägt aber mit seinem "
                                    "Jugendamt"));
  const std::string feminine = draft_of(edited(
      edited(partial, "oertlicher_traeger_artikel: der", "oertlicher_traeger_artikel: die"),
      "oertlicher_traeger: Kreis Musterkreis", "oertlicher_traeger: StädteRegion Aachen"));
  CHECK(contains(feminine, "ist die StädteRegion Aachen. Sie ist nicht Vertragspartei, trägt aber mit ihrem Jugendamt"));
  const std::string neuter = draft_of(edited(partial, "oertlicher_traeger_artikel: der", "oertlicher_traeger_artikel: das"));
  CHECK(contains(neuter, "ist das Kreis Musterkreis. Es ist nicht Vertragspartei"));
  const std::string unnamed = draft_of(edited(partial, "  oertlicher_traeger_artikel: der\n", ""));
  CHECK(contains(unnamed, "Der örtliche Träger der öffentlichen Jugendhilfe (Kreis Musterkreis) ist nicht Vertragspartei"));
  CHECK_FALSE(contains(unnamed, "ist Kreis Musterkreis"));
}

TEST_CASE("legal review: the funding guideline's rules on schools per post refuse a contradicting agreement") {
  const std::string yaml = sample_text("schulsozialarbeit-vollstaendig");
  const std::string two_schools = edited(yaml, "      funktion: Schulleiter\n",
                                         "      funktion: Schulleiter\n"
                                         "    - name: Städtische Realschule Musterhausen\n"
                                         "      anschrift: Am Sportpark 4, 41063 Musterhausen\n"
                                         "      schulleitung: Maria Real\n"
                                         "      funktion: Schulleiterin\n");
  const std::string half = edited(two_schools, "stellenumfang: 1.0", "stellenumfang: 0.5");
  const Loaded part_time = render(edited(half, "schulen_je_fachkraft: 1", "schulen_je_fachkraft: 2"));
  CHECK_FALSE(part_time.draft.has_value());
  CHECK(contains(part_time.errors, "vertragspartner.schulen („Beteiligte Schulen“): Bei einem Stellenumfang von "
                                   "höchstens einer halben Vollzeitstelle nennt die Vereinbarung nur eine Schule"));
  const Loaded full_time = render(two_schools);
  CHECK_FALSE(full_time.draft.has_value());
  CHECK(contains(full_time.errors, "vertragspartner.schulen („Beteiligte Schulen“): Die Vereinbarung nennt mehr Schulen"));
  CHECK(contains(draft_of(edited(two_schools, "schulen_je_fachkraft: 1", "schulen_je_fachkraft: 2")),
                 "Städtische Realschule Musterhausen"));
  CHECK(contains(draft_of(edited(half, "landesfoerderung: true", "landesfoerderung: false")),
                 "Städtische Realschule Musterhausen"));
}
