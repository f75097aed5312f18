#include "docx_package.h"

#include <algorithm>
#include <memory>
#include <sstream>

#include <pugixml.hpp>
#include "i18n.h"
#include "zip_library.h"

namespace kovgen {

namespace {

constexpr uLong kDosTime = 0;                        // 00:00:00
constexpr uLong kDosDate = (0 << 9) | (1 << 5) | 1;  // 1980-01-01, the DOS epoch
constexpr size_t kDeflateFrom = 64 * 1024;           // bytes
// Sizes in a zip without its 64-bit extension are 32 bits; none of our parts
// comes near, and the writer refuses one that would rather than wrap around.
constexpr size_t kLargestEntry = 0xffffffffu;
// "Made by" Unix (3), zip specification 2.0: what unzip and Word expect of a plain archive.
constexpr uLong kMadeByUnix = 3 << 8 | 20;
// Unix mode in the high half: a plain file, rw-r--r--, as unzip then creates it.
constexpr uLong kRegularFile = 0100644u << 16;
// General purpose flag 11: the entry's name is UTF-8 (a batch's German school names).
constexpr uLong kUtf8Name = 1 << 11;

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
  const ZipLibrary* mz = zip_library(load_error);
  if (!mz) {
    diag.error({}, load_error);
    return std::nullopt;
  }
  ZipMemory memory;
  memory.writing = true;
  zlib_filefunc_def functions = zip_memory_functions(memory);
  zipFile archive = mz->zipOpen2("", APPEND_STATUS_CREATE, nullptr, &functions);
  if (!archive) {
    diag.error({}, tr("cannot create zip"));
    return std::nullopt;
  }
  zip_fileinfo stamp{};
  stamp.dosDate = kDosDate << 16 | kDosTime;
  stamp.external_fa = kRegularFile;
  for (const DocxPart& p : all) {
    // Deflating is the writer's largest cost after process start (a fresh quarter
    // megabyte window per entry, then the data); a few kilobytes saved do not pay
    // for it. Only large parts, as document.xml of a long agreement, are deflated.
    const bool deflate = p.bytes.size() >= kDeflateFrom;
    const bool ascii = std::all_of(p.name.begin(), p.name.end(), [](char c) { return (c & 0x80) == 0; });
    const bool added =
        p.bytes.size() <= kLargestEntry &&
        mz->zipOpenNewFileInZip4(archive, p.name.c_str(), &stamp, nullptr, 0, nullptr, 0, nullptr,
                                 deflate ? Z_DEFLATED : 0, deflate ? 1 : 0, 0, -MAX_WBITS, DEF_MEM_LEVEL,
                                 Z_DEFAULT_STRATEGY, nullptr, 0, kMadeByUnix, ascii ? 0 : kUtf8Name) == ZIP_OK &&
        mz->zipWriteInFileInZip(archive, p.bytes.data(), static_cast<unsigned>(p.bytes.size())) == ZIP_OK &&
        mz->zipCloseFileInZip(archive) == ZIP_OK;
    if (!added) {
      mz->zipClose(archive, nullptr);
      diag.error({}, fill(tr("cannot add {} to zip"), {p.name}));
      return std::nullopt;
    }
  }
  if (mz->zipClose(archive, nullptr) != ZIP_OK) {
    diag.error({}, tr("cannot write zip"));
    return std::nullopt;
  }
  return std::move(memory.written);
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
