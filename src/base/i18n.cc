#include "i18n.h"

#include <libintl.h>

namespace kovgen {

namespace {
constexpr const char* kDomain = "kovgen";
}

const char* tr(const char* english) { return dgettext(kDomain, english); }

const char* tr_n(const char* singular, const char* plural, unsigned long n) {
  return dngettext(kDomain, singular, plural, n);
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> values) {
  std::string out;
  out.reserve(pattern.size() + 32);
  auto next = values.begin();
  size_t pos = 0;
  while (pos < pattern.size()) {
    const size_t hole = pattern.find("{}", pos);
    if (hole == std::string_view::npos || next == values.end()) break;
    out.append(pattern, pos, hole - pos);
    out.append(*next++);
    pos = hole + 2;
  }
  out.append(pattern.substr(pos));
  return out;
}

}  // namespace kovgen
