#include "docx_reference.h"

#include <map>
#include <set>

#include "docx_xml.h"
#include "i18n.h"

namespace kovgen {

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string style_key(const pugi::xml_node& style) {
  return std::string(style.attribute("w:type").value()) + ":" +
         lower(style.child("w:name").attribute("w:val").value());
}

bool parse_part(const std::map<std::string, std::string>& entries, const std::string& name,
                pugi::xml_document& doc, const std::string& path, Diagnostics& diag) {
  auto it = entries.find(name);
  if (it == entries.end()) return false;
  pugi::xml_parse_result ok = doc.load_buffer(it->second.data(), it->second.size());
  if (!ok) {
    diag.error({path}, fill(tr("{} is not well-formed XML: {}"), {name, ok.description()}));
    return false;
  }
  return true;
}

// The package path of the part that word/document.xml relates to with `type`.
std::string related_part(const pugi::xml_document& rels, const char* type) {
  for (pugi::xml_node r : rels.child("Relationships").children("Relationship")) {
    std::string t = r.attribute("Type").value();
    if (t.size() < std::char_traits<char>::length(type) ||
        t.compare(t.size() - std::char_traits<char>::length(type), std::string::npos, type) != 0)
      continue;
    std::string target = r.attribute("Target").value();
    return target.rfind('/', 0) == 0 ? target.substr(1) : "word/" + target;
  }
  return {};
}

void rename_style_references(pugi::xml_node node, const std::map<std::string, std::string>& rename) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view name = c.name();
    if (name == "w:pStyle" || name == "w:rStyle" || name == "w:tblStyle" || name == "w:basedOn" ||
        name == "w:next" || name == "w:link") {
      auto it = rename.find(c.attribute("w:val").value());
      if (it != rename.end()) c.attribute("w:val").set_value(it->second.c_str());
    }
    rename_style_references(c, rename);
  }
}

}  // namespace

std::optional<ReferenceDocx> parse_reference_docx(std::string bytes, const std::string& path, Diagnostics& diag) {
  const int errors_before = diag.error_count();
  auto entries = read_zip(bytes, path, diag);
  // Its header and footer, with what they link to, go into every document made with it.
  if (!entries || !check_no_external_relationships(*entries, path, diag)) return std::nullopt;
  ReferenceDocx ref;
  ref.bytes = std::move(bytes);
  if (!parse_part(*entries, "word/styles.xml", ref.styles, path, diag)) {
    if (diag.error_count() == errors_before)
      diag.error({path}, tr("not a Word document: it has no word/styles.xml"));
    return std::nullopt;
  }
  if (!ref.styles.child("w:styles")) {
    diag.error({path}, tr("word/styles.xml has no w:styles element"));
    return std::nullopt;
  }

  pugi::xml_node setup = ref.page_setup.append_child("w:sectPr");
  pugi::xml_document document;
  if (parse_part(*entries, "word/document.xml", document, path, diag)) {
    // The body's own w:sectPr is the last section's; only the page itself is taken.
    pugi::xml_node sect = document.child("w:document").child("w:body").child("w:sectPr");
    for (const char* name : {"w:pgSz", "w:pgMar", "w:cols", "w:docGrid"})
      if (pugi::xml_node n = sect.child(name)) setup.append_copy(n);
  }

  pugi::xml_document rels;
  if (parse_part(*entries, "word/_rels/document.xml.rels", rels, path, diag)) {
    load_reference_furniture(*entries, document, rels, path, ref, diag);
    struct Wanted {
      const char* type;
      const char* name;
      const char* content_type;
    };
    for (const Wanted& w :
         {Wanted{"/fontTable", "word/fontTable.xml",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"},
          Wanted{"/theme", "word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"}}) {
      pugi::xml_document part;
      const std::string source = related_part(rels, w.type);
      if (!source.empty() && parse_part(*entries, source, part, path, diag))
        ref.parts.push_back({w.name, w.content_type, xml_part_bytes(part)});
    }
  }
  if (diag.error_count() != errors_before) return std::nullopt;
  return ref;
}

void apply_reference_styles(const ReferenceDocx& reference, pugi::xml_document& styles,
                            const std::vector<pugi::xml_document*>& documents) {
  pugi::xml_document merged;
  merged.reset(reference.styles);
  pugi::xml_node merged_root = merged.child("w:styles");

  std::map<std::string, std::string> id_by_key;
  std::set<std::string> ids;
  std::set<std::string> types_with_default;
  for (pugi::xml_node s : merged_root.children("w:style")) {
    id_by_key.emplace(style_key(s), s.attribute("w:styleId").value());
    ids.insert(s.attribute("w:styleId").value());
    if (s.attribute("w:default").as_bool()) types_with_default.insert(s.attribute("w:type").value());
  }

  std::map<std::string, std::string> rename;
  std::vector<pugi::xml_node> added;
  for (pugi::xml_node s : styles.child("w:styles").children("w:style")) {
    const std::string id = s.attribute("w:styleId").value();
    if (auto it = id_by_key.find(style_key(s)); it != id_by_key.end()) {
      if (it->second != id) rename[id] = it->second;
      continue;
    }
    pugi::xml_node copy = merged_root.append_copy(s);
    // An id the reference already uses for another style must not be shadowed.
    if (ids.count(id)) {
      rename[id] = id + "Kovgen";
      copy.attribute("w:styleId").set_value((id + "Kovgen").c_str());
    }
    if (types_with_default.count(s.attribute("w:type").value())) copy.remove_attribute("w:default");
    added.push_back(copy);
  }
  for (pugi::xml_node s : added) rename_style_references(s, rename);
  for (pugi::xml_document* doc : documents) rename_style_references(*doc, rename);
  styles.reset(merged);
}

}  // namespace kovgen
