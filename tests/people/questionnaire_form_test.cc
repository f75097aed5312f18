// The questionnaire as a Word form and back (questionnaire_form.h, docx_form.h):
// filled in as Word stores it, and as LibreOffice 7.4 saves it again.
#include <doctest/doctest.h>

#include "docx_form.h"
#include "docx_reader.h"
#include "docx_xml.h"
#include "form_fill.h"
#include "markdown_tree.h"
#include "mini_template.h"
#include "pipeline.h"
#include "questionnaire_form.h"

using namespace kovgen;
using namespace kovgen::test;

namespace {

struct Sample {
  std::string id;
  std::string file;
};
const Sample kComplete[] = {{"ogs", "samples/ogs/ogs-vollstaendig.yaml"},
                            {"schulsozialarbeit", "samples/schulsozialarbeit/schulsozialarbeit-vollstaendig.yaml"}};

// The form's package parts, written and read back as a client gets them.
std::map<std::string, std::string> form_parts(const Template& t, const Answers* known = nullptr,
                                              const std::set<std::string>& sections = {}) {
  const QuestionnaireForm form = questionnaire_form(t, sections, known);
  MarkdownTree tree = parse_markdown(form.markdown);
  Diagnostics diag;
  auto bytes = write_docx_form(tree.get(), WriterOptions{}, form.controls, diag);
  INFO(diag.to_string());
  REQUIRE(bytes);
  auto parts = read_zip(*bytes, "fragebogen.docx", diag);
  REQUIRE(parts);
  return *parts;
}

// Changes word/document.xml of the parts.
template <typename Edit>
void edit_document(std::map<std::string, std::string>& parts, Edit edit) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(parts["word/document.xml"].c_str()));
  edit(doc);
  parts["word/document.xml"] = xml_part_bytes(doc);
}

Answers import(const std::map<std::string, std::string>& parts, const Template& t, Diagnostics& diag) {
  auto entries = read_form_entries(parts, "fragebogen.docx", diag);
  REQUIRE(entries);
  CHECK(form_template_id(*entries) == t.id);
  return answers_from_form(*entries, t, "fragebogen.docx", diag);
}

std::pair<std::shared_ptr<const LoadedTemplate>, Answers> sample(TemplateCache& cache, const Sample& s) {
  Diagnostics diag;
  auto loaded = load_answers_file(source_dir() + "/" + s.file, "", cache, diag);
  INFO(diag.to_string());
  REQUIRE(loaded);
  return {loaded->tmpl, loaded->answers};
}

// Every control's key in the document, from its tag.
std::vector<pugi::xml_node> all_controls(pugi::xml_node root) {
  std::vector<pugi::xml_node> out;
  controls_below(root, out);
  return out;
}

}  // namespace

TEST_CASE("word form: every question of both templates, filled in as Word stores it, imports as the complete sample") {
  TemplateCache cache(real_disk(), real_library());
  for (const Sample& s : kComplete) {
    CAPTURE(s.id);
    auto [tmpl, expected] = sample(cache, s);
    const Template& t = tmpl->questionnaire;
    auto parts = form_parts(t);
    edit_document(parts, [&](pugi::xml_document& doc) { fill_form(doc, t, expected); });
    Diagnostics diag;
    Answers got = import(parts, t, diag);
    INFO(diag.to_string());
    CHECK_FALSE(diag.has_errors());
    CHECK(diag.items().empty());
    check_same_answers(got, expected);
  }
}

TEST_CASE("word form: every question type of the templates has its control") {
  TemplateCache cache(real_disk(), real_library());
  std::set<QuestionType> types;
  for (const Sample& s : kComplete) {
    auto [tmpl, expected] = sample(cache, s);
    for (const auto& [key, value] : expected.values) types.insert(value.type);
  }
  // The complete samples between them answer every type the round trip must cover.
  for (QuestionType type : {QuestionType::text, QuestionType::longtext, QuestionType::integer, QuestionType::decimal,
                            QuestionType::money, QuestionType::percent, QuestionType::date, QuestionType::time,
                            QuestionType::schoolyear, QuestionType::boolean, QuestionType::choice,
                            QuestionType::list, QuestionType::records}) {
    CAPTURE(question_type_name(type));
    CHECK(types.count(type));
  }
}

TEST_CASE("word form: answers given with --antworten come back unchanged") {
  TemplateCache cache(real_disk(), real_library());
  for (const Sample& s : kComplete) {
    CAPTURE(s.id);
    auto [tmpl, expected] = sample(cache, s);
    auto parts = form_parts(tmpl->questionnaire, &expected);
    Diagnostics diag;
    Answers got = import(parts, tmpl->questionnaire, diag);
    INFO(diag.to_string());
    CHECK(diag.items().empty());
    check_same_answers(got, expected);
  }
}

TEST_CASE("word form: as LibreOffice 7.4 saves it (no w:tag, inline controls, no repeating sections), it still imports") {
  TemplateCache cache(real_disk(), real_library());
  auto [tmpl, expected] = sample(cache, kComplete[0]);
  const Template& t = tmpl->questionnaire;
  auto parts = form_parts(t);
  edit_document(parts, [&](pugi::xml_document& doc) {
    fill_form(doc, t, expected);
    for (pugi::xml_node sdt : all_controls(doc)) {
      sdt.child("w:sdtPr").remove_child("w:tag");
      // A block-level control becomes an inline one inside its paragraph.
      pugi::xml_node content = sdt.child("w:sdtContent");
      if (pugi::xml_node p = content.child("w:p")) {
        pugi::xml_node outer = sdt.parent().insert_copy_before(p, sdt);
        outer.remove_children();
        if (pugi::xml_node ppr = p.child("w:pPr")) outer.append_copy(ppr);
        pugi::xml_node moved = outer.append_move(sdt);
        pugi::xml_node inner = moved.child("w:sdtContent").child("w:p");
        while (pugi::xml_node r = inner.child("w:r")) moved.child("w:sdtContent").append_move(r);
        moved.child("w:sdtContent").remove_child(inner);
      }
    }
    // Repeating sections lose their marks; their items stay as plain containers.
    std::vector<pugi::xml_node> containers;
    for (pugi::xpath_node n : doc.select_nodes("//w15:repeatingSection | //w15:repeatingSectionItem"))
      containers.push_back(n.node());
    for (pugi::xml_node n : containers) n.parent().remove_child(n);
  });
  CHECK(parts["word/document.xml"].find("w:tag") == std::string::npos);
  Diagnostics diag;
  Answers got = import(parts, t, diag);
  INFO(diag.to_string());
  CHECK_FALSE(diag.has_errors());
  check_same_answers(got, expected);
}

TEST_CASE("word form: typed text comes back literally, formatting is dropped with a note") {
  TemplateCache cache(real_disk(), mini_library());
  Diagnostics load;
  auto tmpl = cache.get("mini", load);
  REQUIRE(tmpl);
  const Template& t = tmpl->questionnaire;
  const Question* longtext = nullptr;
  for (const auto& s : t.sections)
    for (const auto& q : s.questions)
      if (q.type == QuestionType::longtext && !longtext) longtext = &q;
  REQUIRE(longtext);
  const std::string typed = "\u201EAnf\u00FChrung\u201C \u2013 Gedanken\u00A0strich\tTab\nzweite Zeile 'x' \"y\"";
  auto parts = form_parts(t);
  edit_document(parts, [&](pugi::xml_document& doc) {
    for (pugi::xml_node sdt : all_controls(doc))
      if (tag_of(sdt) == longtext->full_key) {
        type_into(sdt, typed);
        add_element(sdt.child("w:sdtContent").child("w:r").prepend_child("w:rPr"), "w:b");
      }
  });
  Diagnostics diag;
  Answers got = import(parts, t, diag);
  REQUIRE(got.find(longtext->full_key));
  CHECK(got.find(longtext->full_key)->text == typed);
  CHECK_FALSE(diag.has_errors());
  CHECK(contains(diag.to_string(), "formatting added in the form"));
}

TEST_CASE("word form: a wrong value names the question, its number and its section, and a deleted control is an error") {
  TemplateCache cache(real_disk(), real_library());
  auto [tmpl, expected] = sample(cache, kComplete[0]);
  const Template& t = tmpl->questionnaire;
  const Question* number = nullptr;
  for (const auto& s : t.sections)
    for (const auto& q : s.questions)
      if (q.type == QuestionType::integer && !number) number = &q;
  REQUIRE(number);

  auto parts = form_parts(t);
  edit_document(parts, [&](pugi::xml_document& doc) {
    for (pugi::xml_node sdt : all_controls(doc))
      if (tag_of(sdt) == number->full_key) type_into(sdt, "viele");
  });
  Diagnostics diag;
  import(parts, t, diag);
  CHECK(diag.error_count() == 1);
  CHECK(contains(diag.to_string(), "fragebogen.docx: question "));
  CHECK(contains(diag.to_string(), "in section \u201E" + t.find_section(number->full_key.substr(0, number->full_key.find('.')))->title));
  CHECK(contains(diag.to_string(), number->full_key));
  CHECK(contains(diag.to_string(), "\"viele\""));

  auto deleted = form_parts(t);
  edit_document(deleted, [&](pugi::xml_document& doc) {
    for (pugi::xml_node sdt : all_controls(doc))
      if (tag_of(sdt) == number->full_key) sdt.parent().remove_child(sdt);
  });
  Diagnostics diag2;
  import(deleted, t, diag2);
  CHECK(diag2.error_count() == 1);
  CHECK(contains(diag2.to_string(), "its field is missing from the form"));
}

TEST_CASE("word form: yes and no both ticked is an error, an unknown control a warning") {
  TemplateCache cache(real_disk(), real_library());
  auto [tmpl, expected] = sample(cache, kComplete[0]);
  const Template& t = tmpl->questionnaire;
  auto parts = form_parts(t);
  std::string boolean_key;
  edit_document(parts, [&](pugi::xml_document& doc) {
    for (pugi::xml_node sdt : all_controls(doc)) {
      const std::string tag = tag_of(sdt);
      if (tag.find('=') == std::string::npos) continue;
      if (boolean_key.empty()) boolean_key = tag.substr(0, tag.find('='));
      if (tag.substr(0, tag.find('=')) == boolean_key) tick(sdt, true);
    }
    pugi::xml_node extra = all_controls(doc)[3];
    extra.child("w:sdtPr").child("w:tag").attribute("w:val") = "gibt_es.nicht";
    extra.child("w:sdtPr").child("w:alias").attribute("w:val") = "gibt_es.nicht";
  });
  Diagnostics diag;
  import(parts, t, diag);
  CHECK(contains(diag.to_string(), "both \u201Eyes\u201C and \u201Eno\u201C are ticked"));
  CHECK(contains(diag.to_string(), "\"gibt_es.nicht\" that template ogs does not know"));
}

TEST_CASE("word form: --abschnitte asks only those sections, and only their missing controls count") {
  TemplateCache cache(real_disk(), real_library());
  auto [tmpl, expected] = sample(cache, kComplete[0]);
  const Template& t = tmpl->questionnaire;
  const std::string first = t.sections[0].id;
  auto parts = form_parts(t, nullptr, {first});
  std::set<std::string> sections_seen;
  edit_document(parts, [&](pugi::xml_document& doc) {
    for (pugi::xml_node sdt : all_controls(doc)) {
      const std::string tag = tag_of(sdt);
      if (tag.rfind("kovgen:", 0) != 0) sections_seen.insert(tag.substr(0, tag.find('.')));
    }
    fill_form(doc, t, expected);
  });
  CHECK(sections_seen == std::set<std::string>{first});
  Diagnostics diag;
  Answers got = import(parts, t, diag);
  INFO(diag.to_string());
  CHECK_FALSE(diag.has_errors());
  for (const auto& [key, value] : got.values) CHECK(key.rfind(first + ".", 0) == 0);
  CHECK_FALSE(got.values.empty());
}

TEST_CASE("word form: the same questionnaire gives the same bytes") {
  TemplateCache cache(real_disk(), real_library());
  auto [tmpl, expected] = sample(cache, kComplete[1]);
  CHECK(form_parts(tmpl->questionnaire, &expected) == form_parts(tmpl->questionnaire, &expected));
}
