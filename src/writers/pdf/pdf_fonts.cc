#include "pdf_fonts.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "file_io.h"
#include "haru_internals.h"
#include "haru_library.h"
#include "i18n.h"
#include "kern_pairs.h"


#ifndef KOVGEN_FONT_DIR
#define KOVGEN_FONT_DIR ""
#endif

namespace kovgen {

namespace {

using layout::Face;

struct FaceFiles {
  const char* subset;  // name in the build's font directory
  const char* system;  // the full font of the Debian package
};

constexpr FaceFiles kFiles[layout::kFaceCount] = {
    {"serif-regular.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"},
    {"serif-bold.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"},
    {"serif-italic.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf"},
    {"serif-bold-italic.ttf",
     "/usr/share/fonts/truetype/liberation2/LiberationSerif-BoldItalic.ttf"},
    {"mono.ttf", "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"},
    {"symbol.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"},
};

bool exists(const std::string& path) { return is_regular_file(path); }

// libharu gives a UTF-8 font an identity CMap as its ToUnicode map, which
// readers take to mean code = Unicode (and poppler warns about). The codes here
// are 1, 2, 3, ..., so the map must say which character each one is, or copying
// and searching text in the PDF would fail. Runs of consecutive characters become
// one bfrange entry; a CMap block holds at most 100 entries.
std::string to_unicode_cmap(const std::vector<char32_t>& used) {
  struct Range {
    size_t first_code, count;
    char32_t first_cp;
  };
  std::vector<Range> ranges;
  for (size_t k = 0; k < used.size(); ++k) {
    // A range may only vary in its last byte, on both sides.
    if (!ranges.empty() && ranges.back().first_cp + ranges.back().count == used[k] && (used[k] & 0xFF) != 0 &&
        ((k + 1) & 0xFF) != 0)
      ++ranges.back().count;
    else
      ranges.push_back({k + 1, 1, used[k]});
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  char line[64];
  for (size_t block = 0; block < ranges.size(); block += 100) {
    const size_t end = std::min(ranges.size(), block + 100);
    out += std::to_string(end - block) + " beginbfrange\n";
    for (size_t r = block; r < end; ++r) {
      std::snprintf(line, sizeof line, "<%04zx> <%04zx> <%04x>\n", ranges[r].first_code,
                    ranges[r].first_code + ranges[r].count - 1, unsigned(ranges[r].first_cp));
      out += line;
    }
    out += "endbfrange\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace

std::string pdf_font_path(Face face, const std::string& font_dir) {
  const FaceFiles& f = kFiles[int(face)];
  if (!font_dir.empty()) {
    std::string p = font_dir + "/" + f.subset;
    if (exists(p)) return p;
  }
  if (*KOVGEN_FONT_DIR) {
    std::string p = std::string(KOVGEN_FONT_DIR) + "/" + f.subset;
    if (exists(p)) return p;
  }
  return f.system;
}

bool PdfFonts::ensure_loaded(int i) const {
  if (tried_[i]) return defs_[i] != nullptr;
  tried_[i] = true;
  const std::string path = pdf_font_path(Face(i), font_dir_);
  const std::string doing = fill(tr("loading the font {}"), {path});
  if (!exists(path)) {
    load_errors_.error({}, fill(tr("PDF: font file {} not found (install fonts-liberation2 and fonts-dejavu-core, "
                                   "or set KOVGEN_FONT_DIR)"),
                                {path}));
    return false;
  }
  std::optional<std::string> bytes = read_file(path, load_errors_);
  if (!bytes) return false;
  const char* name = doc_.embed_truetype_font(std::move(*bytes));
  if (doc_.failed(doing.c_str(), load_errors_)) return false;
  if (!name || !(defs_[i] = haru().GetFontDef(doc_.get(), name))) {
    load_errors_.error({}, fill(tr("PDF: libharu could not load the font {}"), {path}));
    return false;
  }
  names_[i] = name;
  cache_[i].assign(kCached, -2);
  return true;
}

bool PdfFonts::load(Face face, Diagnostics& diag) {
  if (ensure_loaded(int(face))) return true;
  return report(diag);
}

bool PdfFonts::report(Diagnostics& diag) const {
  diag.append(load_errors_);
  const bool ok = !load_errors_.has_errors();
  load_errors_ = Diagnostics();
  return ok;
}

int PdfFonts::advance(Face face, char32_t cp) const {
  const int i = int(face);
  // The common case first: a loaded face (its cache is filled on loading) and a
  // character measured before. This runs several times for every character.
  if (cp < kCached && !cache_[i].empty() && cache_[i][cp] != -2) return cache_[i][cp];
  if (cp > 0xFFFF || !ensure_loaded(i)) return -1;  // libharu's UTF-8 stops at the BMP
  if (cp < kCached && cache_[i][cp] != -2) return cache_[i][cp];
  const int width = haru_internals::glyph_width(defs_[i], cp);
  if (cp < kCached) cache_[i][cp] = short(width);
  return width;
}

bool PdfFonts::create_fonts(const std::array<std::vector<char32_t>, layout::kFaceCount>& used,
                            Diagnostics& diag) {
  for (int i = 0; i < layout::kFaceCount; ++i) {
    if (used[i].empty()) continue;
    if (!ensure_loaded(i)) return report(diag);
    // Drawing marks glyphs as used too, but only what it measures through the
    // UTF-8 encoder; measuring here keeps the two in step.
    for (char32_t cp : used[i]) advance(Face(i), cp);
    if (used[i].size() >= 0xFFFE) {  // two-byte codes, one left for libharu's extra entry
      diag.error({}, tr("PDF: more different characters than one font can hold"));
      return false;
    }
    codes_[i] = used[i];
    low_codes_[i].assign(kCached, 0);
    for (size_t k = 0; k < used[i].size() && used[i][k] < kCached; ++k)
      low_codes_[i][used[i][k]] = uint16_t(k + 1);
    fonts_[i] = haru_internals::create_sparse_font(doc_.get(), names_[i].c_str(), used[i]);
    const std::string doing = fill(tr("creating the font {}"), {names_[i]});
    if (doc_.failed(doing.c_str(), diag)) return false;
    if (!fonts_[i] || !haru_internals::replace_to_unicode(fonts_[i], to_unicode_cmap(used[i]))) {
      diag.error({}, fill(tr("PDF: libharu could not create the font {}"), {names_[i]}));
      return false;
    }
  }
  return true;
}

int PdfFonts::kerning(Face face, char32_t left, char32_t right) const {
  const int i = int(face);
  if (i >= kKernTableCount || left > 0xFFFF || right > 0xFFFF) return 0;
  // Few letters begin a pair ("T", "V", "W", "r", quotes), and this runs for
  // every pair of letters measured and drawn: most leave after one look-up.
  static const auto starts = [] {
    std::array<std::vector<bool>, layout::kFaceCount> s;
    for (int f = 0; f < kKernTableCount; ++f) {
      s[f].assign(kCached, false);
      for (int k = 0; k < kKernTables[f].count; ++k)
        if (kKernTables[f].pairs[k].left < kCached) s[f][kKernTables[f].pairs[k].left] = true;
    }
    return s;
  }();
  if (left < kCached && !starts[i][left]) return 0;
  const KernTable& table = kKernTables[i];
  const KernPair* end = table.pairs + table.count;
  const KernPair* hit = std::lower_bound(table.pairs, end, std::pair<char32_t, char32_t>(left, right),
                                         [](const KernPair& p, const std::pair<char32_t, char32_t>& key) {
                                           return p.left != key.first ? p.left < key.first : p.right < key.second;
                                         });
  return hit != end && hit->left == left && hit->right == right ? hit->value : 0;
}

uint16_t PdfFonts::code(layout::Face face, char32_t cp) const {
  const int i = int(face);
  if (cp < kCached && !low_codes_[i].empty()) return low_codes_[i][cp];
  const auto& codes = codes_[i];
  const auto hit = std::lower_bound(codes.begin(), codes.end(), cp);
  return hit != codes.end() && *hit == cp ? uint16_t(hit - codes.begin() + 1) : 0;
}

}  // namespace kovgen
