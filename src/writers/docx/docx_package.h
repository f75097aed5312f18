#pragma once
// The OPC package around the WordprocessingML parts: a deterministic zip (.docx)
// or one Flat OPC XML file (pkg:package, which Word opens directly).
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "docx_reader.h"  // read_zip

namespace kovgen {

struct DocxPart {
  std::string name;          // path inside the package, e.g. "word/document.xml"
  std::string content_type;  // e.g. "application/xml"; empty for [Content_Types].xml
  std::string bytes;         // the part as written into the zip
};

// "[Content_Types].xml" for the given parts (one Override per part).
std::string content_types_xml(const std::vector<DocxPart>& parts);

// The parts as a zip in the given order, prefixed by [Content_Types].xml. Every
// entry is stamped 1980-01-01 00:00, so equal parts give equal bytes. Parts of
// 64 KiB and more are deflated, smaller ones stored (faster, a few KB larger).
std::optional<std::string> zip_package(const std::vector<DocxPart>& parts, Diagnostics& diag);

// Any files as a zip, in the given order, with the same fixed time stamps (a
// batch's agreements for download); content_type is not used.
std::optional<std::string> zip_files(const std::vector<DocxPart>& files, Diagnostics& diag);

// The same parts as one Flat OPC document. Each XML part's root element is copied
// byte for byte (without its XML declaration) into pkg:xmlData; other parts (images)
// go into pkg:binaryData as base64.
std::string flat_opc_package(const std::vector<DocxPart>& parts);

// Whether a part of this content type is XML ("…+xml", "application/xml").
bool is_xml_content_type(std::string_view content_type);

// The bytes of an XML part without its leading XML declaration.
std::string_view without_xml_declaration(std::string_view xml);

}  // namespace kovgen
