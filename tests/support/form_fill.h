#pragma once
// Fills in a kovgen Word form (questionnaire_form.h) in its XML, as Word stores
// what a person typed, chose and ticked: the placeholder mark removed and the
// text in a run, line breaks as w:br, the date beside the picker's ISO value,
// check boxes with their state and glyph, and rows of repeating sections added
// by copying the last one, as Word's plus sign does.
#include <map>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "answers.h"
#include "docx_xml.h"
#include "german_format.h"

namespace kovgen::test {

// A value as a person types it in Word: German numbers, dates as 01.08.2026.
inline std::string typed_text(const Question& q, const Value& v) {
  switch (q.type) {
    case QuestionType::boolean: return v.boolean ? "ja" : "nein";
    case QuestionType::date: return format_date_short(v.date);
    case QuestionType::money:
    case QuestionType::integer:
    case QuestionType::decimal:
    case QuestionType::percent: return v.display();
    case QuestionType::list: {
      std::string s;
      for (const auto& item : v.items) s += (s.empty() ? "" : "; ") + item;
      return s;
    }
    default: return v.canonical();
  }
}

inline std::string tag_of(pugi::xml_node sdt) { return sdt.child("w:sdtPr").child("w:tag").attribute("w:val").value(); }

// The text of a control as Word stores it after typing.
inline void type_into(pugi::xml_node sdt, const std::string& text) {
  pugi::xml_node pr = sdt.child("w:sdtPr");
  pr.remove_child("w:showingPlcHdr");
  if (pugi::xml_node date = pr.child("w:date")) {
    int d = 0, m = 0, y = 0;
    if (std::sscanf(text.c_str(), "%d.%d.%d", &d, &m, &y) == 3) {
      char iso[32];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT00:00:00Z", y, m, d);
      date.remove_attribute("w:fullDate");
      date.prepend_attribute("w:fullDate") = iso;
    }
  }
  if (pugi::xml_node list = pr.child("w:dropDownList")) {
    list.remove_attribute("w:lastValue");
    list.prepend_attribute("w:lastValue") = text.c_str();
  }
  pugi::xml_node content = sdt.child("w:sdtContent");
  pugi::xml_node holder = content.child("w:p") ? content.child("w:p") : content;
  while (pugi::xml_node r = holder.child("w:r")) holder.remove_child(r);
  append_run_text(holder.append_child("w:r"), text);
}

inline void tick(pugi::xml_node sdt, bool checked) {
  sdt.child("w:sdtPr").child("w14:checkbox").child("w14:checked").attribute("w14:val") = checked ? "1" : "0";
  pugi::xml_node t = sdt.child("w:sdtContent").child("w:r").child("w:t");
  t.text() = checked ? "\u2612" : "\u2610";
}

inline void controls_below(pugi::xml_node node, std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node c : node.children()) {
    if (std::string_view(c.name()) == "w:sdt" && !tag_of(c).empty()) out.push_back(c);
    controls_below(c, out);
  }
}

// Word's plus sign: the repeating section gets as many items as `rows`.
inline std::vector<pugi::xml_node> items_for(pugi::xml_node section, size_t rows) {
  pugi::xml_node content = section.child("w:sdtContent");
  std::vector<pugi::xml_node> items;
  for (pugi::xml_node item : content.children("w:sdt")) items.push_back(item);
  while (items.size() < rows) items.push_back(content.insert_copy_after(items.back(), items.back()));
  return items;
}

inline void fill_section(pugi::xml_node section, const Template& t, const Answers& answers) {
  std::vector<pugi::xml_node> first;
  controls_below(section, first);
  if (first.empty()) return;
  std::string key = tag_of(first[0]);
  const bool table = std::count(key.begin(), key.end(), '.') == 2;
  if (table) key = key.substr(0, key.rfind('.'));
  const Question* q = t.find_question(key);
  const Value* v = answers.find(key);
  if (!q || !v) return;
  const size_t rows = table ? v->rows.size() : v->items.size();
  std::vector<pugi::xml_node> items = items_for(section, rows);
  for (size_t i = 0; i < rows; ++i) {
    std::vector<pugi::xml_node> controls;
    controls_below(items[i], controls);
    for (pugi::xml_node c : controls) {
      if (!table) {
        type_into(c, v->items[i]);
        continue;
      }
      const std::string field_key = tag_of(c).substr(key.size() + 1);
      for (const Question& f : q->fields)
        for (const auto& [k, value] : v->rows[i])
          if (k == field_key && f.key == k) type_into(c, typed_text(f, value));
    }
  }
}

// Every answer of `answers` typed into the form's document (w:document).
inline void fill_form(pugi::xml_node node, const Template& t, const Answers& answers) {
  for (pugi::xml_node c : node.children()) {
    if (std::string_view(c.name()) != "w:sdt") {
      fill_form(c, t, answers);
      continue;
    }
    pugi::xml_node pr = c.child("w:sdtPr");
    if (pr.child("w15:repeatingSection")) {
      fill_section(c, t, answers);
      continue;
    }
    const std::string tag = tag_of(c);
    const size_t eq = tag.find('=');
    const std::string key = tag.substr(0, eq);
    const Question* q = t.find_question(key);
    const Value* v = answers.find(key);
    if (!q || !v) continue;
    if (eq != std::string::npos)
      tick(c, tag.substr(eq + 1) == (v->boolean ? "ja" : "nein"));
    else
      type_into(c, typed_text(*q, *v));
  }
}

}  // namespace kovgen::test

#include <filesystem>

#include "test_support.h"

namespace kovgen::test {

// Every answer of `expected` in `got`, tables field by field, and no other.
inline void check_same_answers(const Answers& got, const Answers& expected) {
  for (const auto& [key, value] : expected.values) {
    CAPTURE(key);
    const Value* v = got.find(key);
    REQUIRE(v);
    CHECK(v->canonical() == value.canonical());
    CHECK(v->rows.size() == value.rows.size());
    for (size_t r = 0; r < v->rows.size() && r < value.rows.size(); ++r)
      for (const auto& [field, fv] : value.rows[r]) {
        CAPTURE(field);
        bool found = false;
        for (const auto& [gf, gv] : v->rows[r])
          if (gf == field) {
            found = true;
            CHECK(gv.canonical() == fv.canonical());
          }
        CHECK(found);
      }
  }
  CHECK(got.values.size() == expected.values.size());
}

// The form `docx` with its word/document.xml changed by `edit`, zipped again into
// `out` with the zip tool, as a client saves a package of its own.
template <typename Edit>
void edit_form_file(const std::string& docx, const std::string& out, Edit edit) {
  const std::string dir = out + ".parts";
  std::filesystem::remove_all(dir);
  REQUIRE(run_command({"unzip", "-q", docx, "-d", dir}).exit_code == 0);
  pugi::xml_document doc;
  REQUIRE(doc.load_file((dir + "/word/document.xml").c_str()));
  edit(doc);
  write_text(dir + "/word/document.xml", xml_part_bytes(doc));
  std::filesystem::remove(out);
  REQUIRE(run_command({"sh", "-c", "cd '" + dir + "' && zip -q -X -r '" + std::filesystem::absolute(out).string() + "' ."})
              .exit_code == 0);
}

}  // namespace kovgen::test
