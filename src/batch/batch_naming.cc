#include "batch_naming.h"

#include <algorithm>
#include <cctype>

#include "utf8.h"

namespace kovgen {

namespace {

// Latin letters beyond ASCII, lower-cased and without accents.
const char* transliterate(char32_t cp) {
  switch (cp) {
    case U'ä': case U'Ä': case U'æ': case U'Æ': return "ae";
    case U'ö': case U'Ö': case U'œ': case U'Œ': return "oe";
    case U'ü': case U'Ü': return "ue";
    case U'ß': case U'ẞ': return "ss";
    case U'à': case U'á': case U'â': case U'ã': case U'å': case U'À': case U'Á': case U'Â': case U'Ã':
    case U'Å': return "a";
    case U'ç': case U'Ç': case U'č': case U'Č': case U'ć': case U'Ć': return "c";
    case U'è': case U'é': case U'ê': case U'ë': case U'È': case U'É': case U'Ê': case U'Ë': return "e";
    case U'ì': case U'í': case U'î': case U'ï': case U'Ì': case U'Í': case U'Î': case U'Ï': return "i";
    case U'ñ': case U'Ñ': case U'ń': return "n";
    case U'ò': case U'ó': case U'ô': case U'õ': case U'ø': case U'Ò': case U'Ó': case U'Ô': case U'Õ':
    case U'Ø': return "o";
    case U'ù': case U'ú': case U'û': case U'Ù': case U'Ú': case U'Û': return "u";
    case U'ý': case U'ÿ': case U'Ý': return "y";
    case U'š': case U'Š': case U'ś': case U'Ś': case U'ş': case U'Ş': return "s";
    case U'ž': case U'Ž': case U'ź': case U'ż': return "z";
    case U'ł': case U'Ł': return "l";
    default: return nullptr;
  }
}

}  // namespace

std::string slugify(std::string_view text, size_t max_bytes) {
  std::string slug;
  bool pending_dash = false;
  auto append = [&](std::string_view piece) {
    if (pending_dash && !slug.empty()) slug += '-';
    pending_dash = false;
    slug += piece;
  };
  for (size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) {
      const char c = static_cast<char>(std::tolower(static_cast<int>(cp)));
      append(std::string_view(&c, 1));
    } else if (const char* t = transliterate(cp)) {
      append(t);
    } else {
      pending_dash = true;
    }
  }
  if (slug.size() > max_bytes) {
    const size_t dash = slug.rfind('-', max_bytes);
    slug.resize(dash != std::string::npos && dash >= max_bytes / 2 ? dash : max_bytes);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug;
}

bool is_windows_reserved_name(std::string_view name) {
  std::string base(name.substr(0, name.find('.')));
  while (!base.empty() && base.back() == ' ') base.pop_back();
  std::transform(base.begin(), base.end(), base.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  if (base == "con" || base == "prn" || base == "aux" || base == "nul") return true;
  return base.size() == 4 && (base.rfind("com", 0) == 0 || base.rfind("lpt", 0) == 0) && base[3] >= '1' &&
         base[3] <= '9';
}

std::string FolderNames::assign(std::string_view id, std::string_view name, int row_line) {
  std::string folder = slugify(id, kMaxIdSlugBytes);
  if (folder.empty()) folder = "zeile-" + std::to_string(row_line);
  const std::string name_slug = slugify(name, kMaxNameSlugBytes);
  if (!name_slug.empty() && name_slug != folder) folder += "-" + name_slug;
  if (is_windows_reserved_name(folder)) folder += "_";
  std::string unique = folder;
  for (int n = 2; used_.count(unique); ++n) unique = folder + "-" + std::to_string(n);
  used_.insert(unique);
  return unique;
}

}  // namespace kovgen
