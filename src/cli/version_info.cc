#include "version_info.h"

#include <cmark-gfm.h>
#include <hpdf_version.h>
#include <libical/ical.h>
#include <pugixml.hpp>
#include <utf8proc.h>
#include <xxhash.h>
#include <yaml.h>
#include <zlib.h>

#include "i18n.h"
#include "version.h"

#ifndef KOVGEN_MINIZIP_SONAME
#define KOVGEN_MINIZIP_SONAME "libminizip.so.1"
#endif
#ifndef KOVGEN_LIBHPDF_SONAME
#define KOVGEN_LIBHPDF_SONAME "libhpdf-2.3.0.so"
#endif
#ifndef KOVGEN_LIBICAL_SONAME
#define KOVGEN_LIBICAL_SONAME "libical.so.3"
#endif
#ifndef KOVGEN_LIBEDIT_SONAME
#define KOVGEN_LIBEDIT_SONAME "libedit.so.2"
#endif

namespace kovgen::cli {

namespace {

std::string dotted(unsigned major, unsigned minor, unsigned patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

}  // namespace

std::string version_text() {
  std::string text = std::string("kovgen ") + KOVGEN_VERSION + "\n";
  const std::string commit = kBuildCommit;
  text += fill(tr("source commit: {}"), {commit.empty() ? tr("unknown") : commit}) + "\n";
  // Linked libraries say their own version, as loaded; the ones loaded only when
  // a format needs them (zip_library.h, haru_library.h, ical_library.h,
  // line_reader.cc) say the
  // version of the headers kovgen was built with and the soname it loads.
  const unsigned xxhash = XXH_versionNumber();
  const unsigned pugixml = PUGIXML_VERSION;
  text += tr("libraries:") + std::string("\n");
  text += std::string("  cmark-gfm ") + cmark_version_string() + "\n";
  text += std::string("  libyaml ") + yaml_get_version_string() + "\n";
  text += "  pugixml " + std::to_string(pugixml / 1000) + "." + std::to_string(pugixml / 10 % 100) + "\n";
  text += std::string("  utf8proc ") + utf8proc_version() + "\n";
  text += "  xxHash " + dotted(xxhash / 10000, xxhash / 100 % 100, xxhash % 100) + "\n";
  text += std::string("  zlib ") + zlibVersion() + "\n";
  // minizip's headers carry no version of their own.
  text += "  minizip (" KOVGEN_MINIZIP_SONAME ", " + std::string(tr("loaded for DOCX")) + ")\n";
  text += "  libharu " HPDF_VERSION_TEXT " (" KOVGEN_LIBHPDF_SONAME ", " + std::string(tr("loaded for PDF")) + ")\n";
  text += "  libical " ICAL_VERSION " (" KOVGEN_LIBICAL_SONAME ", " + std::string(tr("loaded for calendar files")) + ")\n";
  text += "  libedit (" KOVGEN_LIBEDIT_SONAME ", " + std::string(tr("loaded for line editing in the interview")) + ")\n";
  return text;
}

}  // namespace kovgen::cli
