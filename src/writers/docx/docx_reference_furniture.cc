// The header and footer of a --reference-docx, with the images they show.
#include <string_view>

#include "docx_reference.h"
#include "docx_xml.h"
#include "i18n.h"

namespace kovgen {

namespace {

std::string folder_of(const std::string& part) {
  const size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash);
}

// "word" + "media/a.png" → "word/media/a.png"; "word" + "../x" → "x"; "/x" → "x".
std::string resolve(const std::string& folder, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string base = folder;
  std::string_view rest = target;
  while (rest.substr(0, 3) == "../") {
    base = folder_of(base);
    rest.remove_prefix(3);
  }
  return base.empty() ? std::string(rest) : base + "/" + std::string(rest);
}

std::string content_type_of(const pugi::xml_document& types, const std::string& part) {
  pugi::xml_node root = types.child("Types");
  for (pugi::xml_node o : root.children("Override"))
    if (std::string_view(o.attribute("PartName").value()) == "/" + part) return o.attribute("ContentType").value();
  const std::string extension = part.substr(part.rfind('.') + 1);
  for (pugi::xml_node d : root.children("Default"))
    if (std::string_view(d.attribute("Extension").value()) == extension) return d.attribute("ContentType").value();
  return "application/octet-stream";
}

std::string related_target(const pugi::xml_document& rels, const char* id) {
  for (pugi::xml_node r : rels.child("Relationships").children("Relationship"))
    if (std::string_view(r.attribute("Id").value()) == id) return r.attribute("Target").value();
  return {};
}

void load_one(const std::map<std::string, std::string>& entries, const pugi::xml_document& types,
              const std::string& part, const std::string& path, ReferenceFurniture& out, Diagnostics& diag) {
  auto it = entries.find(part);
  if (it == entries.end()) return;
  if (pugi::xml_parse_result ok = out.xml.load_buffer(it->second.data(), it->second.size()); !ok) {
    diag.error({path}, fill(tr("{} is not well-formed XML: {}"), {part, ok.description()}));
    return;
  }
  const std::string rels_name = folder_of(part) + "/_rels/" + part.substr(part.rfind('/') + 1) + ".rels";
  auto rels = entries.find(rels_name);
  if (rels == entries.end()) return;
  if (pugi::xml_parse_result ok = out.rels.load_buffer(rels->second.data(), rels->second.size()); !ok) {
    diag.error({path}, fill(tr("{} is not well-formed XML: {}"), {rels_name, ok.description()}));
    return;
  }
  // Our header and footer live in word/: targets are rewritten relative to it, and
  // the parts they name are copied under their own names.
  for (pugi::xml_node r : out.rels.child("Relationships").children("Relationship")) {
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    const std::string target = resolve(folder_of(part), r.attribute("Target").value());
    auto data = entries.find(target);
    if (data == entries.end()) continue;
    r.attribute("Target").set_value(
        (target.rfind("word/", 0) == 0 ? target.substr(5) : "/" + target).c_str());
    out.parts.push_back({target, content_type_of(types, target), data->second});
  }
}

bool has_page_field(const pugi::xml_node& root) {
  for (pugi::xpath_node n : root.select_nodes(".//w:instrText | .//w:fldSimple")) {
    const std::string code = n.node().name() == std::string_view("w:fldSimple")
                                 ? n.node().attribute("w:instr").value()
                                 : n.node().text().get();
    if (code.find("PAGE") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

bool load_reference_furniture(const std::map<std::string, std::string>& entries,
                              const pugi::xml_document& document, const pugi::xml_document& document_rels,
                              const std::string& path, ReferenceDocx& ref, Diagnostics& diag) {
  pugi::xml_document types;
  if (auto it = entries.find("[Content_Types].xml"); it != entries.end())
    types.load_buffer(it->second.data(), it->second.size());
  pugi::xml_node sect = document.child("w:document").child("w:body").child("w:sectPr");
  for (const char* kind : {"w:headerReference", "w:footerReference"}) {
    pugi::xml_node ref_node = sect.find_child_by_attribute(kind, "w:type", "default");
    if (!ref_node) continue;
    const std::string target = related_target(document_rels, ref_node.attribute("r:id").value());
    if (target.empty()) continue;
    ReferenceFurniture& out = kind == std::string_view("w:headerReference") ? ref.header : ref.footer;
    load_one(entries, types, resolve("word", target), path, out, diag);
  }
  return !diag.has_errors();
}

void merge_reference_furniture(const ReferenceFurniture& theirs, const char* bookmark,
                               pugi::xml_document& ours) {
  pugi::xml_node their_root = theirs.xml.first_child();
  if (!their_root) return;
  const pugi::xml_node our_para = ours.first_child().child("w:p");
  pugi::xml_document merged;
  merged.reset(theirs.xml);
  pugi::xml_node root = merged.first_child();
  pugi::xml_node mark = root.find_node([&](pugi::xml_node n) {
    return std::string_view(n.name()) == "w:bookmarkStart" &&
           std::string_view(n.attribute("w:name").value()) == bookmark;
  });
  pugi::xml_node para = mark;
  while (para && std::string_view(para.name()) != "w:p") para = para.parent();
  if (para) {
    for (pugi::xml_node c = para.first_child(); c;) {
      pugi::xml_node next = c.next_sibling();
      if (std::string_view(c.name()) != "w:pPr") para.remove_child(c);
      c = next;
    }
    for (pugi::xml_node c : our_para.children())
      if (std::string_view(c.name()) != "w:pPr") para.append_copy(c);
  } else if (!(bookmark == std::string_view(kFooterBookmark) && has_page_field(root))) {
    root.append_copy(our_para);
  }
  ours.reset(merged);
}

}  // namespace kovgen
