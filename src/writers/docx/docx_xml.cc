#include "docx_xml.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "i18n.h"
#include "utf8.h"

namespace kovgen {

namespace {

// Straight into a string: a std::ostringstream costs more than the writing itself.
struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

}  // namespace

std::string xml_part_bytes(const pugi::xml_document& doc) {
  StringWriter w;
  w.out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  doc.save(w, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return std::move(w.out);
}

std::string xml_fragment(const pugi::xml_node& node) {
  StringWriter w;
  node.print(w, "", pugi::format_raw, pugi::encoding_utf8);
  return std::move(w.out);
}

pugi::xml_document parse_own_xml(std::string_view xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result ok = doc.load_buffer(xml.data(), xml.size());
  if (!ok) {
    // A bug in a static part, not a user error: fail loudly during development.
    std::fprintf(stderr, "%s\n", fill(tr("kovgen: internal XML error: {}"), {ok.description()}).c_str());
    std::abort();
  }
  return doc;
}

std::string xml_safe_text(std::string_view text, std::vector<char32_t>& dropped) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c >= 0x20 && c < 0x80) {  // the common case, ASCII
      out += static_cast<char>(c);
      ++pos;
      continue;
    }
    char32_t cp = next_code_point(text, pos);
    bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
    if (!allowed) {
      dropped.push_back(cp);
      continue;
    }
    if (cp == 0xFFFD)
      append_utf8(out, cp);
    else
      out.append(text.substr(start, pos - start));
  }
  return out;
}

void append_run_text(pugi::xml_node run, std::string_view text) {
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\t' && text[i] != '\n') continue;
    std::string_view piece = text.substr(start, i - start);
    if (!piece.empty()) {
      pugi::xml_node t = run.append_child("w:t");
      // Word drops leading, trailing and doubled spaces unless told to keep them.
      if (piece.front() == ' ' || piece.back() == ' ' || piece.find("  ") != piece.npos)
        t.append_attribute("xml:space") = "preserve";
      t.text().set(std::string(piece).c_str());
    }
    if (i < text.size()) run.append_child(text[i] == '\t' ? "w:tab" : "w:br");
    start = i + 1;
  }
}

pugi::xml_node add_element(pugi::xml_node parent, const char* name,
                           std::initializer_list<std::pair<const char*, std::string_view>> attrs) {
  pugi::xml_node n = parent.append_child(name);
  for (const auto& [key, value] : attrs)
    n.append_attribute(key).set_value(value.data(), value.size());
  return n;
}

std::string uri_escape(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : url) {
    const bool keep = c > 0x20 && c < 0x7F && !std::strchr("<>\"{}|\\^`", c);
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}


}  // namespace kovgen
