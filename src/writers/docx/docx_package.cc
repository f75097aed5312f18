#include "docx_package.h"

#include <algorithm>
#include <memory>
#include <sstream>

#include <pugixml.hpp>
#include "i18n.h"
#include "zip_library.h"

namespace kovgen {

namespace {

constexpr zip_uint16_t kDosTime = 0;                        // 00:00:00
constexpr zip_uint16_t kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01, the DOS epoch
constexpr size_t kDeflateFrom = 64 * 1024;                  // bytes

struct ZipCloser {
  const ZipLibrary* lz;
  void operator()(zip_t* z) const { lz->discard(z); }
};

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const size_t n = std::min<size_t>(3, bytes.size() - i);
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (n > 1) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (n > 2) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += kDigits[(v >> 18) & 63];
    out += kDigits[(v >> 12) & 63];
    out += n > 1 ? kDigits[(v >> 6) & 63] : '=';
    out += n > 2 ? kDigits[v & 63] : '=';
  }
  return out;
}

std::string zip_error_text(const ZipLibrary* lz, zip_error_t* error) {
  std::string s = lz->error_strerror(error);
  return s;
}

}  // namespace

bool is_xml_content_type(std::string_view content_type) {
  return content_type.size() >= 3 && content_type.substr(content_type.size() - 3) == "xml";
}

std::string content_types_xml(const std::vector<DocxPart>& parts) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  decl.append_attribute("standalone") = "yes";
  pugi::xml_node types = doc.append_child("Types");
  types.append_attribute("xmlns") = "http://schemas.openxmlformats.org/package/2006/content-types";
  pugi::xml_node rels = types.append_child("Default");
  rels.append_attribute("Extension") = "rels";
  rels.append_attribute("ContentType") = "application/vnd.openxmlformats-package.relationships+xml";
  pugi::xml_node xml = types.append_child("Default");
  xml.append_attribute("Extension") = "xml";
  xml.append_attribute("ContentType") = "application/xml";
  for (const DocxPart& p : parts) {
    if (p.content_type.empty() || p.content_type == "application/xml" ||
        p.content_type == "application/vnd.openxmlformats-package.relationships+xml")
      continue;
    pugi::xml_node o = types.append_child("Override");
    o.append_attribute("PartName") = ("/" + p.name).c_str();
    o.append_attribute("ContentType") = p.content_type.c_str();
  }
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

std::optional<std::string> zip_package(const std::vector<DocxPart>& parts, Diagnostics& diag) {
  std::vector<DocxPart> all;
  all.push_back({"[Content_Types].xml", "", content_types_xml(parts)});
  all.insert(all.end(), parts.begin(), parts.end());
  return zip_files(all, diag);
}

std::optional<std::string> zip_files(const std::vector<DocxPart>& all, Diagnostics& diag) {
  std::string load_error;
  const ZipLibrary* lz = zip_library(load_error);
  if (!lz) {
    diag.error({}, load_error);
    return std::nullopt;
  }
  zip_error_t error;
  lz->error_init(&error);
  zip_source_t* buffer = lz->source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) {
    diag.error({}, fill(tr("cannot create zip: {}"), {zip_error_text(lz, &error)}));
    lz->error_fini(&error);
    return std::nullopt;
  }
  // Keep the buffer alive after zip_close so its bytes can be read back.
  lz->source_keep(buffer);
  std::unique_ptr<zip_t, ZipCloser> archive(lz->open_from_source(buffer, ZIP_TRUNCATE, &error), ZipCloser{lz});
  if (!archive) {
    diag.error({}, fill(tr("cannot create zip: {}"), {zip_error_text(lz, &error)}));
    lz->error_fini(&error);
    lz->source_free(buffer);
    return std::nullopt;
  }
  for (const DocxPart& p : all) {
    // Borrowed bytes: `all` outlives zip_close below.
    zip_source_t* data = lz->source_buffer(archive.get(), p.bytes.data(), p.bytes.size(), 0);
    zip_int64_t index = data ? lz->file_add(archive.get(), p.name.c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (data) lz->source_free(data);
      diag.error({}, fill(tr("cannot add {} to zip: {}"), {p.name, lz->strerror(archive.get())}));
      lz->source_free(buffer);
      return std::nullopt;
    }
    // Deflating is the writer's largest cost after process start (a fresh quarter
    // megabyte window per entry, then the data); a few kilobytes saved do not pay
    // for it. Only large parts, as document.xml of a long agreement, are deflated.
    if (p.bytes.size() >= kDeflateFrom)
      lz->set_file_compression(archive.get(), index, ZIP_CM_DEFLATE, 1);
    else
      lz->set_file_compression(archive.get(), index, ZIP_CM_STORE, 0);
    lz->file_set_dostime(archive.get(), index, kDosTime, kDosDate, 0);
  }
  if (lz->close(archive.get()) != 0) {
    diag.error({}, fill(tr("cannot write zip: {}"), {lz->strerror(archive.get())}));
    lz->source_free(buffer);
    return std::nullopt;
  }
  archive.release();  // zip_close freed it
  std::string bytes;
  zip_stat_t st;
  if (lz->source_stat(buffer, &st) == 0 && lz->source_open(buffer) == 0) {
    bytes.resize(st.size);
    zip_int64_t n = lz->source_read(buffer, bytes.data(), st.size);
    lz->source_close(buffer);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) bytes.clear();
  }
  lz->source_free(buffer);
  if (bytes.empty()) {
    diag.error({}, tr("cannot read back the written zip"));
    return std::nullopt;
  }
  return bytes;
}

std::string_view without_xml_declaration(std::string_view xml) {
  if (xml.substr(0, 5) != "<?xml") return xml;
  size_t end = xml.find("?>");
  if (end == std::string_view::npos) return xml;
  xml.remove_prefix(end + 2);
  while (!xml.empty() && (xml.front() == '\n' || xml.front() == '\r')) xml.remove_prefix(1);
  return xml;
}

std::string flat_opc_package(const std::vector<DocxPart>& parts) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<?mso-application progid=\"Word.Document\"?>\n"
      "<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">";
  for (const DocxPart& p : parts) {
    // Names and content types are ours (ASCII, no markup), so no escaping is needed.
    out += "<pkg:part pkg:name=\"/" + p.name + "\" pkg:contentType=\"" + p.content_type + "\"";
    // Word wants padding on relationship parts, as it writes them itself.
    if (p.name.size() > 5 && p.name.substr(p.name.size() - 5) == ".rels")
      out += " pkg:padding=\"256\"";
    if (!is_xml_content_type(p.content_type)) {
      // Images and other binary parts: base64 in lines of 76, as Word writes them.
      out += " pkg:compression=\"store\"><pkg:binaryData>";
      const std::string encoded = base64(p.bytes);
      for (size_t at = 0; at < encoded.size(); at += 76) {
        if (at > 0) out += '\n';
        out += encoded.substr(at, 76);
      }
      out += "</pkg:binaryData></pkg:part>";
      continue;
    }
    out += "><pkg:xmlData>";
    out += without_xml_declaration(p.bytes);
    out += "</pkg:xmlData></pkg:part>";
  }
  out += "</pkg:package>\n";
  return out;
}

}  // namespace kovgen
