#include "version_pairs.h"

#include <doctest/doctest.h>

#include "pipeline.h"
#include "test_support.h"

namespace kovgen::test {

std::string ogs_sample_yaml() { return read_text(source_dir() + "/samples/ogs/ogs-vollstaendig.yaml"); }

std::string replace_once(const std::string& text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, from);
  return text.substr(0, at) + to + text.substr(at + from.size());
}

std::vector<VersionPair> version_pairs() {
  const std::string base = ogs_sample_yaml();
  std::vector<VersionPair> pairs;
  auto add = [&](const std::string& name, const std::string& changed) { pairs.push_back({name, base, changed}); };
  add("changed amount", replace_once(base, "monatspauschale: 75,00", "monatspauschale: 78,50"));
  add("changed time", replace_once(base, "\n  beginn: \"08:00\"", "\n  beginn: \"07:45\""));
  add("school added",
      replace_once(base, "      plaetze: 60\n      plaetze_spf: 3\n      gruppen: 3\n",
                   "      plaetze: 60\n      plaetze_spf: 3\n      gruppen: 3\n"
                   "    - schule: GGS Sonnenhügel\n      plaetze: 75\n      plaetze_spf: 4\n      gruppen: 3\n"));
  add("school removed", replace_once(base, "    - schule: KGS St. Martin\n      plaetze: 125\n      plaetze_spf: 6\n      gruppen: 5\n", ""));
  add("clause switched off", replace_once(base, "sprachfoerderung: true", "sprachfoerderung: false"));
  add("changed party name",
      replace_once(base, "traeger_name: AWO Kreisverband Musterkreis e.V.", "traeger_name: AWO Musterkreis gGmbH"));
  add("Jugendamt no longer a party",
      replace_once(replace_once(base, "jugendamt_beteiligt: true", "jugendamt_beteiligt: false"), "rolle_jugendamt:\n",
                   "rolle_jugendamt:\n  oertlicher_traeger: Kreis Musterkreis – Der Landrat – Kreisjugendamt\n"));
  // A new school year: more places and groups, the new rates of the Land.
  std::string update = base;
  update = replace_once(update, "      plaetze: 200\n      plaetze_spf: 12\n      gruppen: 8\n",
                        "      plaetze: 225\n      plaetze_spf: 14\n      gruppen: 9\n");
  update = replace_once(update, "      plaetze: 60\n      plaetze_spf: 3\n      gruppen: 3\n",
                        "      plaetze: 75\n      plaetze_spf: 3\n      gruppen: 3\n");
  update = replace_once(update, "festbetrag_je_platz: 1.138,15", "festbetrag_je_platz: 1.150,00");
  update = replace_once(update, "foerdersatz_spf: 2.772,76", "foerdersatz_spf: 2.800,00");
  add("school year update", update);
  add("no change", base);
  // The reverse of a change is a change too: the clause switched on again.
  pairs.push_back({"clause switched on", replace_once(base, "sprachfoerderung: true", "sprachfoerderung: false"), base});
  return pairs;
}

std::string render_agreement(const std::string& yaml) {
  TemplateCache cache(real_disk(), source_template_library());
  Diagnostics diag;
  auto loaded = load_answers(yaml, "answers.yaml", "", cache, diag);
  REQUIRE_MESSAGE(loaded, diag.to_string());
  ComposeOptions options;
  options.without_checklist = true;
  return make_draft(*loaded->tmpl, loaded->answers, options).markdown;
}

VersionPair version_pair(const std::string& name) {
  for (auto& p : version_pairs())
    if (p.name == name) return p;
  FAIL("no version pair " << name);
  return {};
}

}  // namespace kovgen::test
