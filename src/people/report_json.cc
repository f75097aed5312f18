#include "report_json.h"

#include <cstdio>

#include "utf8.h"

namespace kovgen {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (size_t pos = 0; pos < s.size();) {
    const size_t start = pos;
    const char32_t cp = next_code_point(s, pos);
    if (pos - start > 1) {
      out.append(s, start, pos - start);
      continue;
    }
    // JSON is UTF-8: a byte that starts no valid sequence (a file name from an
    // old file system, say) becomes U+FFFD instead of making the report invalid.
    if (cp == 0xFFFD) {
      out += "\\ufffd";
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[start]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

namespace {

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_string(items[i]);
  return out + "]";
}

std::vector<std::string> missing_sections(const Findings& f, bool mandatory) {
  std::vector<std::string> names;
  for (const auto& s : f.sections)
    if (!s.complete && s.mandatory == mandatory) names.push_back(s.name());
  return names;
}

}  // namespace

std::string findings_to_json(const Findings& f, std::string_view source_file) {
  std::string out = "{\n";
  out += "  \"source\": " + json_string(source_file) + ",\n";
  out += "  \"template\": " + json_string(f.template_id) + ",\n";
  out += "  \"template_title\": " + json_string(f.template_title) + ",\n";
  out += "  \"stand\": " + json_string(f.stand) + ",\n";
  out += "  \"unterschriftsreif\": " + std::string(is_ready_to_sign(f) ? "true" : "false") + ",\n";
  out += "  \"mandatory_missing\": " + json_list(missing_sections(f, true)) + ",\n";
  out += "  \"recommended_missing\": " + json_list(missing_sections(f, false)) + ",\n";
  out += "  \"placeholders\": " + json_list(f.placeholders) + ",\n";
  out += "  \"sections_complete\": " + std::to_string(f.complete_count()) + ",\n";
  out += "  \"sections_total\": " + std::to_string(f.sections.size()) + ",\n";
  out += "  \"sections\": [";
  for (size_t i = 0; i < f.sections.size(); ++i) {
    const auto& s = f.sections[i];
    out += i ? ",\n    {" : "\n    {";
    out += "\"id\": " + json_string(s.id) + ", \"title\": " + json_string(s.title) +
           ", \"heading\": " + json_string(s.heading) + ", \"step\": " + std::to_string(s.step) +
           ", \"mandatory\": " + (s.mandatory ? "true" : "false") +
           ", \"status\": " + (s.complete ? "\"complete\"" : "\"incomplete\"") + ", \"missing\": [";
    for (size_t j = 0; j < s.missing.size(); ++j)
      out += (j ? ", " : "") + std::string("{\"key\": ") + json_string(s.missing[j].key) +
             ", \"label\": " + json_string(s.missing[j].label) + "}";
    out += "]}";
  }
  out += "\n  ]\n}\n";
  return out;
}

}  // namespace kovgen
