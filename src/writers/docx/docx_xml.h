#pragma once
// Small XML helpers shared by the DOCX parts: serialization in one fixed form
// and text made safe for XML 1.0.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace kovgen {

inline constexpr const char* kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kNsR =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kNsRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";

// The document as one line of XML after a standalone XML declaration: the form
// every part of the package is written in.
std::string xml_part_bytes(const pugi::xml_document& doc);

// One node (and its subtree) as raw XML without declaration: for tests.
std::string xml_fragment(const pugi::xml_node& node);

// Parses XML that the program itself wrote (static parts); never fails silently.
pugi::xml_document parse_own_xml(std::string_view xml);

// The text without the code points XML 1.0 forbids (C0 controls other than tab,
// line feed and carriage return; U+FFFE, U+FFFF). Dropped code points are appended
// to `dropped`. Invalid UTF-8 bytes come out as U+FFFD.
std::string xml_safe_text(std::string_view text, std::vector<char32_t>& dropped);

// Appends text to a w:r as w:t (xml:space="preserve" where spaces would be lost),
// with tabs as w:tab and line feeds as w:br.
void append_run_text(pugi::xml_node run, std::string_view text);

// A new child element with attributes given as name/value pairs.
pugi::xml_node add_element(pugi::xml_node parent, const char* name,
                           std::initializer_list<std::pair<const char*, std::string_view>> attrs = {});

// A link target as a URI Word accepts: it reports a document with a space or
// a non-ASCII byte in a relationship target as damaged, so those are %-encoded.
std::string uri_escape(std::string_view url);

}  // namespace kovgen
