#include "csv_reader.h"

#include <algorithm>
#include <cctype>

#include "i18n.h"
#include "utf8.h"

namespace kovgen {

namespace {

// Windows-1252 0x80..0x9F; 0 marks the five undefined bytes.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string from_cp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0xA0) append_utf8(out, kCp1252High[c - 0x80] ? kCp1252High[c - 0x80] : 0xFFFD);
    else append_utf8(out, c);
  }
  return out;
}

std::optional<std::string> from_utf16(std::string_view bytes, bool little_endian, const std::string& file,
                                      Diagnostics& diag) {
  if (bytes.size() % 2 != 0) {
    diag.error({file}, tr("UTF-16 file with an odd number of bytes"));
    return std::nullopt;
  }
  std::string out;
  out.reserve(bytes.size() / 2);
  auto unit = [&](size_t i) -> char16_t {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char16_t>(little_endian ? (b << 8 | a) : (a << 8 | b));
  };
  for (size_t i = 0; i < bytes.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const char16_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      } else {
        cp = 0xFFFD;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    append_utf8(out, cp);
  }
  return out;
}

// Whether the text holds at least one valid multi-byte UTF-8 sequence.
bool has_utf8_sequences(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp >= 0x80 && cp != 0xFFFD && pos - start > 1) return true;
  }
  return false;
}

bool is_blank(const CsvRecord& r) {
  return std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) {
    return f.find_first_not_of(" \t") == std::string::npos;
  });
}

std::string trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

// "sep=;" (Excel also writes it quoted after a round trip), then a line end.
std::optional<char> sep_line_separator(std::string_view text, size_t* length) {
  size_t p = 0;
  const bool quoted = !text.empty() && text[0] == '"';
  if (quoted) ++p;
  if (text.size() < p + 5) return std::nullopt;
  std::string head(text.substr(p, 4));
  std::transform(head.begin(), head.end(), head.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  if (head != "sep=") return std::nullopt;
  const char sep = text[p + 4];
  p += 5;
  if (quoted) {
    if (p >= text.size() || text[p] != '"') return std::nullopt;
    ++p;
  }
  if (p < text.size() && text[p] != '\n' && text[p] != '\r') return std::nullopt;
  *length = p;
  return sep;
}

// The most frequent of ; , TAB outside quotes in the first record; ";" on a tie.
char guess_separator(std::string_view text) {
  int semicolons = 0, commas = 0, tabs = 0;
  bool in_quotes = false;
  for (char c : text) {
    if (c == '"') in_quotes = !in_quotes;
    else if (!in_quotes && (c == '\n' || c == '\r')) break;
    else if (!in_quotes && c == ';') ++semicolons;
    else if (!in_quotes && c == ',') ++commas;
    else if (!in_quotes && c == '\t') ++tabs;
  }
  if (tabs > semicolons && tabs > commas) return '\t';
  return commas > semicolons ? ',' : ';';
}

}  // namespace

std::optional<DecodedCsv> decode_csv_bytes(std::string bytes, const std::string& file, Diagnostics& diag) {
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    if (!check_utf8(bytes, file, diag)) return std::nullopt;
    return DecodedCsv{std::move(bytes), "UTF-8 mit BOM"};
  }
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    const bool le = bytes[0] == '\xFF';
    auto text = from_utf16(std::string_view(bytes).substr(2), le, file, diag);
    if (!text || !check_utf8(*text, file, diag)) return std::nullopt;
    return DecodedCsv{std::move(*text), le ? "UTF-16LE" : "UTF-16BE"};
  }
  if (find_invalid_utf8(bytes) == std::string::npos) {
    if (!check_utf8(bytes, file, diag)) return std::nullopt;  // NUL bytes
    return DecodedCsv{std::move(bytes), "UTF-8"};
  }
  if (has_utf8_sequences(bytes)) {
    // Mostly UTF-8 with some broken bytes: name the first one instead of guessing.
    check_utf8(bytes, file, diag);
    return std::nullopt;
  }
  std::string text = from_cp1252(bytes);
  if (!check_utf8(text, file, diag)) return std::nullopt;
  return DecodedCsv{std::move(text), "Windows-1252"};
}

CsvReader::CsvReader(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {
  size_t length = 0;
  if (auto sep = sep_line_separator(text_, &length)) {
    separator_ = *sep;
    had_sep_line_ = true;
    pos_ = length;
    skip_line_end();
  } else {
    separator_ = guess_separator(text_);
  }
}

bool CsvReader::at_line_end() const { return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r'; }

void CsvReader::skip_line_end() {
  if (pos_ >= text_.size()) return;
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

std::string CsvReader::plain_field() {
  const size_t start = pos_;
  while (!at_line_end() && text_[pos_] != separator_) ++pos_;
  return std::string(text_.substr(start, pos_ - start));
}

std::string CsvReader::quoted_field(Diagnostics& diag, bool& failed) {
  const int opened_line = line_;
  ++pos_;  // the opening quote
  std::string out;
  while (true) {
    if (pos_ >= text_.size()) {
      diag.error({file_, opened_line}, tr("the quote (\") opened here is never closed; the rest of the file was not read"));
      failed = true;
      return out;
    }
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        out += '"';
        pos_ += 2;
        continue;
      }
      ++pos_;
      break;
    }
    if (c == '\r' || c == '\n') {
      skip_line_end();
      out += '\n';
      continue;
    }
    out += c;
    ++pos_;
  }
  // Lenient: text after the closing quote ("a"b) is kept; trailing blanks are dropped.
  std::string rest = plain_field();
  if (rest.find_first_not_of(" \t") != std::string::npos) out += rest;
  return out;
}

bool CsvReader::next(CsvRecord& record, Diagnostics& diag) {
  while (pos_ < text_.size()) {
    record.line = line_;
    record.fields.clear();
    bool failed = false;
    while (true) {
      // Blanks before an opening quote are tolerated (a, "b").
      size_t p = pos_;
      while (p < text_.size() && (text_[p] == ' ' || (text_[p] == '\t' && separator_ != '\t'))) ++p;
      if (p < text_.size() && text_[p] == '"') {
        pos_ = p;
        record.fields.push_back(quoted_field(diag, failed));
        if (failed) {
          pos_ = text_.size();
          return true;
        }
      } else {
        record.fields.push_back(plain_field());
      }
      if (record.fields.size() > kMaxCsvColumns) {
        // A row of a million separators would otherwise take gigabytes.
        diag.error({file_, record.line, static_cast<int>(record.fields.size())},
                   fill(tr("more than {} columns in one row; the rest of the file was not read"),
                        {std::to_string(kMaxCsvColumns)}));
        record.fields.clear();
        pos_ = text_.size();
        return false;
      }
      if (pos_ < text_.size() && text_[pos_] == separator_) {
        ++pos_;
        continue;
      }
      break;
    }
    skip_line_end();
    if (!is_blank(record)) return true;
  }
  return false;
}

int CsvHeader::index_of(std::string_view name) const {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

std::string_view CsvHeader::field(const CsvRecord& r, int index) {
  if (index < 0 || static_cast<size_t>(index) >= r.fields.size()) return {};
  return r.fields[static_cast<size_t>(index)];
}

std::optional<CsvHeader> make_csv_header(const CsvRecord& first, const std::string& file, Diagnostics& diag) {
  CsvHeader h;
  h.line = first.line;
  for (const auto& f : first.fields) h.names.push_back(trim(f));
  while (!h.names.empty() && h.names.back().empty()) h.names.pop_back();
  bool ok = true;
  for (size_t i = 0; i < h.names.size(); ++i) {
    const Location at{file, first.line, static_cast<int>(i + 1)};
    if (h.names[i].empty()) {
      diag.error(at, fill(tr("column {} has no name in the header row"), {std::to_string(i + 1)}));
      ok = false;
    } else if (h.index_of(h.names[i]) != static_cast<int>(i)) {
      diag.error(at, fill(tr("column \u201E{}\u201C appears twice in the header row"), {h.names[i]}));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return h;
}

bool check_row_width(const CsvRecord& r, const CsvHeader& h, const std::string& file, Diagnostics& diag) {
  for (size_t i = h.names.size(); i < r.fields.size(); ++i) {
    if (r.fields[i].find_first_not_of(" \t") == std::string::npos) continue;
    diag.error({file, r.line, static_cast<int>(i + 1)},
               fill(tr("row has a value in column {} but the header names only {} columns (a separator too many?)"),
                    {std::to_string(i + 1), std::to_string(h.names.size())}));
    return false;
  }
  return true;
}

}  // namespace kovgen
