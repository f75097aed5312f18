#include "docx_writer.h"

#include <cstdlib>
#include <map>

#include "content_fingerprint.h"

#include "docx_document.h"
#include "docx_parts.h"
#include "docx_reference.h"
#include "docx_styles.h"
#include "docx_xml.h"

namespace kovgen {

namespace {

constexpr const char* kWordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

std::string word_type(const char* part) { return std::string(kWordprocessing) + part + "+xml"; }

// The custom property that carries kovgen's fingerprint (docx_writer.h).
std::string custom_properties_xml(std::string_view fingerprint) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
             "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
             "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
             "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" ") +
         std::string(kDocxFingerprintMarker) + std::string(fingerprint) + "</vt:lpwstr></property></Properties>";
}

DocxPart& custom_part(std::vector<DocxPart>& parts) {
  for (DocxPart& p : parts)
    if (p.name == kDocxFingerprintPart) return p;
  return parts.back();  // docx_parts always adds it
}

// The footer of each part that counts its own pages: word/footer2.xml, … .
std::string part_footer_name(size_t part) { return "footer" + std::to_string(part + 2) + ".xml"; }
std::string part_footer_id(size_t part) { return "rIdFooter" + std::to_string(part + 2); }

// The relationships of the reference's header and footer, and the images they name
// (once each: a logo may appear in both).
void add_furniture_parts(const ReferenceDocx& reference, std::vector<DocxPart>& parts, size_t part_footers) {
  std::vector<std::pair<const ReferenceFurniture*, std::string>> furniture = {
      {&reference.header, "word/_rels/header1.xml.rels"}, {&reference.footer, "word/_rels/footer1.xml.rels"}};
  // Each part's footer is the reference's too, with the same images.
  for (size_t i = 0; i < part_footers; ++i)
    furniture.push_back({&reference.footer, "word/_rels/" + part_footer_name(i) + ".rels"});
  for (const auto& [f, rels_name] : furniture) {
    if (!f->xml.first_child() || !f->rels.first_child()) continue;
    parts.push_back({rels_name, "application/vnd.openxmlformats-package.relationships+xml",
                     xml_part_bytes(f->rels)});
    for (const DocxPart& p : f->parts) {
      bool seen = false;
      for (const DocxPart& q : parts) seen = seen || q.name == p.name;
      if (!seen) parts.push_back(p);
    }
  }
}

// A section's header, footer, then the page setup (schema order, CT_SectPr); a part
// that counts its own pages restarts at 1 (w:pgNumType before w:cols and what follows).
void fill_section(pugi::xml_node sect, const pugi::xml_node& setup, const std::string& footer_id, bool restart) {
  add_element(sect, "w:headerReference", {{"w:type", "default"}, {"r:id", "rIdHeader"}});
  add_element(sect, "w:footerReference", {{"w:type", "default"}, {"r:id", footer_id}});
  for (pugi::xml_node n : setup.children()) sect.append_copy(n);
  if (!restart) return;
  pugi::xml_node numbering = sect.child("w:pgNumType");
  if (!numbering) {
    static constexpr std::string_view kAfter[] = {"w:cols",  "w:formProt", "w:vAlign",     "w:noEndnote",
                                                  "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter",
                                                  "w:docGrid", "w:printerSettings", "w:sectPrChange"};
    pugi::xml_node before = sect.find_child([](pugi::xml_node n) {
      for (std::string_view name : kAfter)
        if (name == n.name()) return true;
      return false;
    });
    numbering = before ? sect.insert_child_before("w:pgNumType", before) : sect.append_child("w:pgNumType");
  }
  if (!numbering.attribute("w:start")) numbering.append_attribute("w:start");
  numbering.attribute("w:start") = "1";
}

}  // namespace

namespace {

// The page: the reference document's, else A4 with kovgen's margins.
struct PageSetup {
  pugi::xml_document default_setup = default_page_setup();
  pugi::xml_node section;
  explicit PageSetup(const ReferenceDocx* reference)
      : section(reference && reference->page_setup.child("w:sectPr").child("w:pgSz")
                    ? reference->page_setup.child("w:sectPr")
                    : default_setup.child("w:sectPr")) {}
};

}  // namespace

bool docx_body(cmark_node* root, const WriterOptions& options, DocxBody& out, Diagnostics& diag) {
  if (!check_markdown_depth(root, options.source_name, diag)) return false;
  const PageSetup page(options.reference_docx.get());
  render_docx_body(root, options, {text_width(page.section)}, out, diag);
  return !diag.has_errors();
}

std::optional<std::vector<DocxPart>> docx_parts(cmark_node* root, const WriterOptions& options,
                                                Diagnostics& diag, const DocxBodyEdit& edit_body) {
  const DocumentInfo info = document_info(root, options);
  const ReferenceDocx* reference = options.reference_docx.get();
  const PageSetup page(reference);
  const pugi::xml_node setup = page.section;

  DocxBody body;
  if (!docx_body(root, options, body, diag)) return std::nullopt;

  pugi::xml_document styles = default_styles();
  pugi::xml_document header = header_part(info);
  const std::vector<DocxBody::NumberedPart>& parted = body.numbered_parts;
  pugi::xml_document footer = footer_part({}, parted.empty() ? std::string() : part_end_bookmark(0));
  std::vector<pugi::xml_document> part_footers;
  part_footers.reserve(parted.size());  // the documents must not move once listed below
  for (size_t i = 0; i < parted.size(); ++i)
    part_footers.push_back(footer_part(parted[i].label, part_end_bookmark(i + 1)));
  if (reference) {
    std::vector<pugi::xml_document*> documents = {&body.document, &body.comments, &header, &footer};
    for (pugi::xml_document& f : part_footers) documents.push_back(&f);
    apply_reference_styles(*reference, styles, documents);
    merge_reference_furniture(reference->header, kHeaderBookmark, header);
    merge_reference_furniture(reference->footer, kFooterBookmark, footer);
    for (pugi::xml_document& f : part_footers) merge_reference_furniture(reference->footer, kFooterBookmark, f);
  }

  // The sections: the agreement's ends before the first part, each part's before the
  // next, the last one's is the body's own.
  pugi::xml_node body_node = body.document.child("w:document").child("w:body");
  if (!parted.empty()) append_part_end(body_node, parted.size());
  pugi::xml_node last_section = body_node.append_child("w:sectPr");
  fill_section(parted.empty() ? last_section : parted.front().previous_section, setup, "rIdFooter", false);
  for (size_t i = 0; i < parted.size(); ++i)
    fill_section(i + 1 < parted.size() ? parted[i + 1].previous_section : last_section, setup, part_footer_id(i),
                 true);

  std::vector<Relationship> word_rels = {
      {"rIdStyles", office_relationship("styles"), "styles.xml"},
      {"rIdNumbering", office_relationship("numbering"), "numbering.xml"},
      {"rIdSettings", office_relationship("settings"), "settings.xml"},
      {"rIdHeader", office_relationship("header"), "header1.xml"},
      {"rIdFooter", office_relationship("footer"), "footer1.xml"},
      {"rIdComments", office_relationship("comments"), "comments.xml"},
  };
  std::vector<DocxPart> extra = reference ? reference->parts : std::vector<DocxPart>{};
  for (const DocxPart& p : extra) {
    const bool theme = p.name.find("theme") != std::string::npos;
    word_rels.push_back({theme ? "rIdTheme" : "rIdFontTable",
                         office_relationship(theme ? "theme" : "fontTable"),
                         p.name.substr(std::string("word/").size())});
  }
  for (size_t i = 0; i < parted.size(); ++i)
    word_rels.push_back({part_footer_id(i), office_relationship("footer"), part_footer_name(i)});
  for (size_t i = 0; i < body.hyperlinks.size(); ++i)
    word_rels.push_back({"rIdLink" + std::to_string(i + 1), office_relationship("hyperlink"),
                         body.hyperlinks[i], true});

  const std::vector<Relationship> package_rels = {
      {"rIdDocument", office_relationship("officeDocument"), "word/document.xml"},
      {"rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
       "docProps/core.xml"},
      {"rIdApp", office_relationship("extended-properties"), "docProps/app.xml"},
      {"rIdCustom", office_relationship("custom-properties"), "docProps/custom.xml"},
  };

  if (edit_body) edit_body(body_node);

  const std::string rels_type = "application/vnd.openxmlformats-package.relationships+xml";
  std::vector<DocxPart> parts = {
      {"_rels/.rels", rels_type, xml_part_bytes(relationships_part(package_rels))},
      {"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
       xml_part_bytes(core_properties_part(info, options.timestamp))},
      {"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
       xml_part_bytes(app_properties_part(options.creator))},
      {std::string(kDocxFingerprintPart), "application/vnd.openxmlformats-officedocument.custom-properties+xml",
       custom_properties_xml(kUnsealedFingerprint)},
      {"word/document.xml", word_type("document.main"), xml_part_bytes(body.document)},
      {"word/_rels/document.xml.rels", rels_type, xml_part_bytes(relationships_part(word_rels))},
      {"word/styles.xml", word_type("styles"), xml_part_bytes(styles)},
      {"word/numbering.xml", word_type("numbering"), xml_part_bytes(numbering_part(body.lists))},
      {"word/settings.xml", word_type("settings"), xml_part_bytes(settings_part())},
      {"word/header1.xml", word_type("header"), xml_part_bytes(header)},
      {"word/footer1.xml", word_type("footer"), xml_part_bytes(footer)},
      {"word/comments.xml", word_type("comments"), xml_part_bytes(body.comments)},
  };
  for (size_t i = 0; i < part_footers.size(); ++i)
    parts.push_back({"word/" + part_footer_name(i), word_type("footer"), xml_part_bytes(part_footers[i])});
  parts.insert(parts.end(), extra.begin(), extra.end());
  if (reference) add_furniture_parts(*reference, parts, part_footers.size());
  return parts;
}

std::optional<std::string> write_docx(cmark_node* root, const WriterOptions& options,
                                      Diagnostics& diag) {
  auto parts = docx_parts(root, options, diag);
  if (!parts) return std::nullopt;
  return package_docx(std::move(*parts), diag);
}

std::optional<std::string> package_docx(std::vector<DocxPart> parts, Diagnostics& diag) {
  std::map<std::string, std::string_view> entries;
  for (const DocxPart& p : parts) entries[p.name] = p.bytes;
  const std::string content_types = content_types_xml(parts);
  entries["[Content_Types].xml"] = content_types;
  custom_part(parts).bytes = custom_properties_xml(docx_fingerprint(entries));
  return zip_package(parts, diag);
}

std::optional<std::string> write_flat_opc(cmark_node* root, const WriterOptions& options,
                                          Diagnostics& diag) {
  auto parts = docx_parts(root, options, diag);
  if (!parts) return std::nullopt;
  std::string bytes = flat_opc_package(*parts);
  seal_in_place(bytes, kDocxFingerprintMarker);
  return bytes;
}

std::string docx_fingerprint(const std::map<std::string, std::string_view>& entries) {
  std::vector<std::string_view> hashed;
  for (const auto& [name, bytes] : entries) {
    // Folder entries, which zip tools add when a document is zipped again, hold nothing.
    if (name == kDocxFingerprintPart || name.empty() || name.back() == '/') continue;
    hashed.push_back(name);
    hashed.push_back(bytes);
  }
  return content_fingerprint(hashed);
}

}  // namespace kovgen
