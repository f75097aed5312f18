#include "docx_form.h"

#include <cstdio>
#include <set>

#include <pugixml.hpp>

#include "docx_writer.h"
#include "docx_xml.h"
#include "i18n.h"

namespace kovgen {

namespace {

constexpr std::string_view kMarkerPrefix = "kovgen-feld-";
constexpr std::string_view kBookmarkPrefix = "kf";
constexpr const char* kNsW14 = "http://schemas.microsoft.com/office/word/2010/wordml";
constexpr const char* kNsW15 = "http://schemas.microsoft.com/office/word/2012/wordml";
constexpr const char* kNsMc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
// Word's own check box glyphs: ☒ and ☐ in MS Gothic.
constexpr const char* kChecked = "2612";
constexpr const char* kUnchecked = "2610";
constexpr const char* kBoxFont = "MS Gothic";
constexpr const char* kPlaceholderColour = "808080";

struct Marker {
  size_t index = 0;
  int row = -1, column = -1;
};

std::string paragraph_text(pugi::xml_node p) {
  std::string text;
  for (pugi::xml_node r : p.children("w:r"))
    for (pugi::xml_node t : r.children("w:t")) text += t.text().get();
  return text;
}

std::optional<Marker> parse_marker(const std::string& text) {
  if (text.compare(0, kMarkerPrefix.size(), kMarkerPrefix) != 0) return std::nullopt;
  Marker m;
  int numbers[3] = {-1, -1, -1};
  int count = 0;
  size_t at = kMarkerPrefix.size();
  while (count < 3 && at < text.size()) {
    size_t end = text.find('-', at);
    const std::string part = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (part.empty() || part.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    numbers[count++] = std::stoi(part);
    if (end == std::string::npos) break;
    at = end + 1;
  }
  if (count == 0) return std::nullopt;
  m.index = static_cast<size_t>(numbers[0]);
  m.row = numbers[1];
  m.column = numbers[2];
  return m;
}

// "01.08.2026" as the ISO date and time Word stores beside the shown date.
std::string full_date(const std::string& german) {
  int d = 0, m = 0, y = 0;
  if (std::sscanf(german.c_str(), "%d.%d.%d", &d, &m, &y) != 3) return {};
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT00:00:00Z", y, m, d);
  return out;
}

class FormBuilder {
 public:
  explicit FormBuilder(const std::vector<FormControl>& controls) : controls_(controls) {}

  bool build(pugi::xml_document& document, const std::string& source, Diagnostics& diag) {
    pugi::xml_node root = document.child("w:document");
    root.append_attribute("xmlns:w14") = kNsW14;
    root.append_attribute("xmlns:w15") = kNsW15;
    root.append_attribute("xmlns:mc") = kNsMc;
    root.append_attribute("mc:Ignorable") = "w14 w15";
    std::vector<pugi::xml_node> paragraphs;
    collect_paragraphs(root, paragraphs);
    std::set<size_t> seen;
    for (pugi::xml_node p : paragraphs) {
      auto marker = parse_marker(paragraph_text(p));
      if (!marker || marker->index >= controls_.size()) continue;
      seen.insert(marker->index);
      place(p, controls_[marker->index], *marker);
    }
    for (size_t i = 0; i < controls_.size(); ++i)
      if (!seen.count(i)) {
        diag.error({source}, fill(tr("the form has no place for the question {}"), {controls_[i].key}));
        return false;
      }
    return true;
  }

 private:
  static void collect_paragraphs(pugi::xml_node node, std::vector<pugi::xml_node>& out) {
    for (pugi::xml_node c : node.children()) {
      if (std::string_view(c.name()) == "w:p") out.push_back(c);
      else collect_paragraphs(c, out);
    }
  }

  pugi::xml_node new_sdt(pugi::xml_node before, const std::string& key) {
    pugi::xml_node sdt = before.parent().insert_child_before("w:sdt", before);
    pugi::xml_node pr = sdt.append_child("w:sdtPr");
    if (!key.empty()) {
      add_element(pr, "w:alias", {{"w:val", key}});
      add_element(pr, "w:tag", {{"w:val", key}});
    }
    add_element(pr, "w:id", {{"w:val", std::to_string(next_id_++)}});
    sdt.append_child("w:sdtContent");
    return sdt;
  }

  // A paragraph with the marker's paragraph properties.
  static pugi::xml_node paragraph_like(pugi::xml_node parent, pugi::xml_node marker) {
    pugi::xml_node p = parent.append_child("w:p");
    if (pugi::xml_node ppr = marker.child("w:pPr")) p.append_copy(ppr);
    return p;
  }

  // The value, or the placeholder in grey with showingPlcHdr set.
  static void fill_runs(pugi::xml_node parent, pugi::xml_node sdt_pr, const std::string& value,
                        const std::string& placeholder) {
    pugi::xml_node r = parent.append_child("w:r");
    if (!value.empty()) {
      append_run_text(r, value);
      return;
    }
    // showingPlcHdr follows lock and placeholder in CT_SdtPr, and precedes the type.
    pugi::xml_node after = sdt_pr.child("w:lock") ? sdt_pr.child("w:lock") : sdt_pr.child("w:id");
    sdt_pr.insert_child_after("w:showingPlcHdr", after);
    add_element(r.append_child("w:rPr"), "w:color", {{"w:val", kPlaceholderColour}});
    append_run_text(r, placeholder);
  }

  void type_element(pugi::xml_node pr, const FormControl& c, const std::string& value) {
    switch (c.kind) {
      case FormControlKind::multiline: add_element(pr, "w:text", {{"w:multiLine", "1"}}); break;
      case FormControlKind::date: {
        pugi::xml_node date = pr.append_child("w:date");
        if (const std::string iso = value.empty() ? "" : full_date(value); !iso.empty())
          date.append_attribute("w:fullDate") = iso.c_str();
        add_element(date, "w:dateFormat", {{"w:val", "dd.MM.yyyy"}});
        add_element(date, "w:lid", {{"w:val", "de-DE"}});
        add_element(date, "w:storeMappedDataAs", {{"w:val", "dateTime"}});
        add_element(date, "w:calendar", {{"w:val", "gregorian"}});
        break;
      }
      case FormControlKind::dropdown: {
        pugi::xml_node list = pr.append_child("w:dropDownList");
        if (!value.empty()) list.append_attribute("w:lastValue") = value.c_str();
        for (const std::string& item : c.items) add_element(list, "w:listItem", {{"w:displayText", item}, {"w:value", item}});
        break;
      }
      default: pr.append_child("w:text");
    }
  }

  // A bookmark from before `first` to after `last`.
  void bookmark_around(pugi::xml_node first, pugi::xml_node last, const std::string& name) {
    const std::string id = std::to_string(next_id_++);
    pugi::xml_node start = first.parent().insert_child_before("w:bookmarkStart", first);
    start.append_attribute("w:id") = id.c_str();
    start.append_attribute("w:name") = name.c_str();
    last.parent().insert_child_after("w:bookmarkEnd", last).append_attribute("w:id") = id.c_str();
  }

  // A control holding one value, inline: in a new paragraph before `before` (with
  // the marker's properties), or before the run `before`. Not block-level: LibreOffice
  // 7.4 turns those into inline ones and moves a date's first character out of it.
  void value_control(pugi::xml_node before, pugi::xml_node marker, const FormControl& c, const std::string& value,
                     bool inline_control, const std::string& bookmark) {
    if (!inline_control) {
      pugi::xml_node p = before.parent().insert_child_before("w:p", before);
      if (pugi::xml_node ppr = marker.child("w:pPr")) p.append_copy(ppr);
      pugi::xml_node anchor = p.append_child("w:r");
      value_control(anchor, marker, c, value, true, bookmark);
      p.remove_child(anchor);
      return;
    }
    pugi::xml_node sdt = new_sdt(before, c.key);
    pugi::xml_node pr = sdt.child("w:sdtPr");
    if (c.kind == FormControlKind::fixed) add_element(pr, "w:lock", {{"w:val", "sdtContentLocked"}});
    type_element(pr, c, value);
    fill_runs(sdt.child("w:sdtContent"), pr, value, c.placeholder);
    bookmark_around(sdt, sdt, bookmark);
  }

  void check_box(pugi::xml_node p, const std::string& key, bool checked, const std::string& label,
                 const std::string& bookmark) {
    pugi::xml_node anchor = p.append_child("w:r");  // new_sdt inserts before it
    pugi::xml_node sdt = new_sdt(anchor, key);
    p.remove_child(anchor);
    bookmark_around(sdt, sdt, bookmark);
    pugi::xml_node box = sdt.child("w:sdtPr").append_child("w14:checkbox");
    add_element(box, "w14:checked", {{"w14:val", checked ? "1" : "0"}});
    add_element(box, "w14:checkedState", {{"w14:val", kChecked}, {"w14:font", kBoxFont}});
    add_element(box, "w14:uncheckedState", {{"w14:val", kUnchecked}, {"w14:font", kBoxFont}});
    pugi::xml_node r = sdt.child("w:sdtContent").append_child("w:r");
    add_element(r.append_child("w:rPr"), "w:rFonts",
                {{"w:ascii", kBoxFont}, {"w:eastAsia", kBoxFont}, {"w:hAnsi", kBoxFont}});
    append_run_text(r, checked ? "\u2612" : "\u2610");
    append_run_text(p.append_child("w:r"), " " + label + "    ");
  }

  void place(pugi::xml_node p, const FormControl& c, const Marker& m) {
    pugi::xml_node parent = p.parent();
    switch (c.kind) {
      case FormControlKind::yes_no: {
        pugi::xml_node q = parent.insert_child_before("w:p", p);
        if (pugi::xml_node ppr = p.child("w:pPr")) q.append_copy(ppr);
        check_box(q, c.key + "=ja", c.value == "yes", c.yes, form_bookmark(m.index, "ja"));
        check_box(q, c.key + "=nein", c.value == "no", c.no, form_bookmark(m.index, "nein"));
        break;
      }
      case FormControlKind::list: {
        pugi::xml_node& section = sections_[m.index];
        if (m.row == 0 || !section) section = repeating_section(p);
        pugi::xml_node item = repeating_item(section);
        pugi::xml_node q = paragraph_like(item.child("w:sdtContent"), p);
        pugi::xml_node anchor = q.append_child("w:r");
        const std::string value = m.row >= 0 && static_cast<size_t>(m.row) < c.rows.size() && !c.rows[m.row].empty()
                                      ? c.rows[m.row][0]
                                      : "";
        value_control(anchor, p, c, value, true, form_bookmark(m.index, "z" + std::to_string(m.row)));
        q.remove_child(anchor);
        break;
      }
      case FormControlKind::table: {
        if (m.column < 0 || static_cast<size_t>(m.column) >= c.columns.size()) return;
        pugi::xml_node tr = parent.parent();  // w:p in w:tc in w:tr
        if (m.column == 0) {
          pugi::xml_node& section = sections_[m.index];
          if (m.row == 0 || !section) section = repeating_section(tr);
          repeating_item(section).child("w:sdtContent").append_move(tr);
        }
        const std::string value = static_cast<size_t>(m.row) < c.rows.size() &&
                                          static_cast<size_t>(m.column) < c.rows[m.row].size()
                                      ? c.rows[m.row][m.column]
                                      : "";
        value_control(p, p, c.columns[m.column], value, false,
                      form_bookmark(m.index, std::to_string(m.column) + "_z" + std::to_string(m.row)));
        break;
      }
      default: value_control(p, p, c, c.value, false, form_bookmark(m.index));
    }
    parent.remove_child(p);
  }

  // Word 2013's repeating section before `before`; its items follow in its content.
  pugi::xml_node repeating_section(pugi::xml_node before) {
    pugi::xml_node sdt = new_sdt(before, "");
    sdt.child("w:sdtPr").append_child("w15:repeatingSection");
    return sdt;
  }

  pugi::xml_node repeating_item(pugi::xml_node section) {
    pugi::xml_node content = section.child("w:sdtContent");
    pugi::xml_node anchor = content.append_child("w:p");
    pugi::xml_node item = new_sdt(anchor, "");
    content.remove_child(anchor);
    item.child("w:sdtPr").append_child("w15:repeatingSectionItem");
    return item;
  }

  const std::vector<FormControl>& controls_;
  std::map<size_t, pugi::xml_node> sections_;
  int next_id_ = 1000;
};

// Word restricts editing to the controls; CT_Settings puts the protection after the zoom.
void protect_for_forms(pugi::xml_document& settings) {
  pugi::xml_node s = settings.child("w:settings");
  pugi::xml_node protection = s.child("w:zoom") ? s.insert_child_after("w:documentProtection", s.child("w:zoom"))
                                                : s.prepend_child("w:documentProtection");
  protection.append_attribute("w:edit") = "forms";
  protection.append_attribute("w:enforcement") = "1";
}

DocxPart* find_part(std::vector<DocxPart>& parts, std::string_view name) {
  for (DocxPart& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace

std::string form_bookmark(size_t index, const std::string& part) {
  return std::string(kBookmarkPrefix) + std::to_string(index) + (part.empty() ? "" : "_" + part);
}

std::string form_marker(size_t index, int row, int column) {
  std::string s = std::string(kMarkerPrefix) + std::to_string(index);
  if (row >= 0) s += "-" + std::to_string(row);
  if (column >= 0) s += "-" + std::to_string(column);
  return s;
}

std::optional<std::string> write_docx_form(cmark_node* root, const WriterOptions& options,
                                           const std::vector<FormControl>& controls, Diagnostics& diag) {
  auto parts = docx_parts(root, options, diag);
  if (!parts) return std::nullopt;
  DocxPart* document = find_part(*parts, "word/document.xml");
  DocxPart* settings = find_part(*parts, "word/settings.xml");
  if (!document || !settings) return std::nullopt;
  pugi::xml_document doc = parse_own_xml(document->bytes);
  if (!FormBuilder(controls).build(doc, options.source_name, diag)) return std::nullopt;
  document->bytes = xml_part_bytes(doc);
  pugi::xml_document settings_xml = parse_own_xml(settings->bytes);
  protect_for_forms(settings_xml);
  settings->bytes = xml_part_bytes(settings_xml);
  return package_docx(std::move(*parts), diag);
}

// ---------------------------------------------------------------------------
// Reading a filled-in form back.

namespace {

// Run properties kovgen writes itself or a client adds on its own; anything else
// (bold, italics, underline, highlight, another font) was added by a person.
bool is_added_formatting(std::string_view property) {
  static const std::set<std::string_view> kOwn = {"w:rFonts", "w:color", "w:lang", "w:rStyle", "w:noProof",
                                                   "w:sz", "w:szCs", "w:kern", "w:eastAsianLayout",
                                                   "w:webHidden", "w:specVanish"};
  return !kOwn.count(property);
}

class FormReader {
 public:
  std::vector<FormEntry> read(pugi::xml_node body) {
    walk(body, -1);
    return std::move(entries_);
  }

 private:
  void walk(pugi::xml_node node, int row) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = c.name();
      if (name == "w:tr") {
        walk(c, next_row_++);
      } else if (name == "w:bookmarkStart") {
        if (is_form_bookmark(c)) pending_bookmark_ = c.attribute("w:name").value();
      } else if (name == "w:sdt") {
        control(c, row);
      } else if (c.type() == pugi::node_element) {
        walk(c, row);
      }
    }
  }

  static std::string key_of(pugi::xml_node pr) {
    std::string key = pr.child("w:tag").attribute("w:val").value();
    if (key.empty()) key = pr.child("w:alias").attribute("w:val").value();
    return key;
  }

  void control(pugi::xml_node sdt, int row) {
    pugi::xml_node pr = sdt.child("w:sdtPr");
    pugi::xml_node content = sdt.child("w:sdtContent");
    const bool container = pr.child("w15:repeatingSection") || pr.child("w15:repeatingSectionItem") ||
                           has_descendant_sdt(content);
    if (container) {
      walk(content, row);
      return;
    }
    FormEntry e;
    e.key = key_of(pr);
    e.row = row;
    // A bookmark inside the control is its own; one before it is, if no other control came between.
    e.bookmark = bookmark_inside(content);
    if (e.bookmark.empty()) e.bookmark = pending_bookmark_;
    pending_bookmark_.clear();
    if (pugi::xml_node box = pr.child("w14:checkbox")) {
      e.checkbox = true;
      const std::string_view v = box.child("w14:checked").attribute("w14:val").value();
      e.checked = v == "1" || v == "true" || v == "on";
    } else {
      e.showing_placeholder = pr.child("w:showingPlcHdr") &&
                              std::string_view(pr.child("w:showingPlcHdr").attribute("w:val").value()) != "0" &&
                              std::string_view(pr.child("w:showingPlcHdr").attribute("w:val").value()) != "false";
      bool first_paragraph = true;
      text_of(content, e, first_paragraph);
      if (e.showing_placeholder) e.text.clear();
    }
    entries_.push_back(std::move(e));
  }

  static bool is_form_bookmark(pugi::xml_node start) {
    const std::string_view name = start.attribute("w:name").value();
    return name.size() > kBookmarkPrefix.size() && name.substr(0, kBookmarkPrefix.size()) == kBookmarkPrefix &&
           name[kBookmarkPrefix.size()] >= '0' && name[kBookmarkPrefix.size()] <= '9';
  }

  static std::string bookmark_inside(pugi::xml_node node) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (std::string_view(c.name()) == "w:bookmarkStart" && is_form_bookmark(c)) return c.attribute("w:name").value();
      if (std::string found = bookmark_inside(c); !found.empty()) return found;
    }
    return "";
  }

  static bool has_descendant_sdt(pugi::xml_node node) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (std::string_view(c.name()) == "w:sdt" || has_descendant_sdt(c)) return true;
    }
    return false;
  }

  // The text as shown: deleted text (tracked) left out, tabs and breaks kept.
  static void text_of(pugi::xml_node node, FormEntry& e, bool& first_paragraph) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      const std::string_view name = c.name();
      if (c.type() != pugi::node_element) continue;
      if (name == "w:del" || name == "w:delText" || name == "w:instrText" || name == "w:pPr") continue;
      if (name == "w:p") {
        if (!first_paragraph) e.text += '\n';
        first_paragraph = false;
        text_of(c, e, first_paragraph);
      } else if (name == "w:t") {
        e.text += c.text().get();
      } else if (name == "w:tab" || name == "w:ptab") {
        e.text += '\t';
      } else if (name == "w:br" || name == "w:cr") {
        e.text += '\n';
      } else if (name == "w:noBreakHyphen") {
        e.text += "\u2011";
      } else if (name == "w:rPr") {
        for (pugi::xml_node p : c.children())
          if (p.type() == pugi::node_element && is_added_formatting(p.name())) e.formatted = true;
      } else {
        text_of(c, e, first_paragraph);
      }
    }
  }

  std::vector<FormEntry> entries_;
  std::string pending_bookmark_;
  int next_row_ = 0;
};

}  // namespace

std::optional<std::vector<FormEntry>> read_form_entries(const std::map<std::string, std::string>& parts,
                                                        const std::string& name, Diagnostics& diag) {
  auto it = parts.find("word/document.xml");
  if (it == parts.end()) {
    diag.error({name}, tr("not a Word document: it has no word/document.xml"));
    return std::nullopt;
  }
  pugi::xml_document doc;
  pugi::xml_parse_result ok = doc.load_buffer(it->second.data(), it->second.size());
  if (!ok) {
    diag.error({name}, fill(tr("{} is not well-formed XML: {}"), {"word/document.xml", ok.description()}));
    return std::nullopt;
  }
  pugi::xml_node body = doc.child("w:document").child("w:body");
  if (!body) {
    diag.error({name}, tr("not a Word document: word/document.xml has no w:body"));
    return std::nullopt;
  }
  return FormReader().read(body);
}

}  // namespace kovgen
