// Every use kovgen makes of libharu's internals (haru_internals.h), checked on a
// small document that qpdf then reads back uncompressed.
#include <doctest/doctest.h>

#include <zlib.h>

#include <string>

#include "haru_internals.h"
#include "pdf_fonts.h"
#include "pdf_haru.h"
#include "test_support.h"

using namespace kovgen;

namespace {

std::string deflate(const std::string& text) {
  uLongf size = compressBound(uLong(text.size()));
  std::string out(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(text.data()),
                    uLong(text.size()), 6) == Z_OK);
  out.resize(size);
  return out;
}

// The PDF as qpdf writes it with every stream uncompressed.
std::string qdf_of(HaruDoc& doc) {
  Diagnostics diag;
  REQUIRE(haru().SaveToStream(doc.get()) == HPDF_OK);
  std::string bytes(haru().GetStreamSize(doc.get()), '\0');
  HPDF_UINT32 size = HPDF_UINT32(bytes.size());
  haru().ReadFromStream(doc.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  const std::string dir = test::fresh_temp_dir("haru-internals");
  test::write_text(dir + "/in.pdf", bytes);
  test::CommandResult r = test::run_command({"qpdf", "--qdf", "--object-streams=disable", dir + "/in.pdf", "-"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return r.out;
}

}  // namespace

TEST_CASE("haru internals: sparse font, ToUnicode, glyph widths, deflated content, info and language") {
  REQUIRE(test::have_program("qpdf"));
  HaruDoc doc;
  Diagnostics diag;
  REQUIRE_FALSE(doc.failed("starting", diag));
  haru().UseUTFEncodings(doc.get());
  haru().SetCurrentEncoder(doc.get(), "UTF-8");
  const std::string font_file = test::read_text(pdf_font_path(layout::Face::regular, ""));
  const char* name = doc.embed_truetype_font(font_file);
  REQUIRE(name);
  CHECK(std::string(name) == "LiberationSerif");
  // The same font again is the same definition, not a second embedded copy.
  CHECK(doc.embed_truetype_font(font_file) == name);
  // Bytes that are no font, or a font cut short: no name, and the document says why.
  for (const std::string& broken : {std::string("no font at all"), font_file.substr(0, 4000)}) {
    HaruDoc other;
    CHECK(other.embed_truetype_font(broken) == nullptr);
    CHECK(other.failed("loading", diag));
  }
  diag = Diagnostics();
  HPDF_FontDef def = haru().GetFontDef(doc.get(), name);
  REQUIRE(def);

  CHECK(haru_internals::glyph_width(def, U'A') > 0);
  CHECK(haru_internals::glyph_width(def, U'€') > 0);
  CHECK(haru_internals::glyph_width(def, U'\u4E00') == -1);  // no CJK in Liberation Serif

  const std::vector<char32_t> used = {U'A', U'é', U'€'};
  HPDF_Font font = haru_internals::create_sparse_font(doc.get(), name, used);
  REQUIRE(font);
  CHECK(haru_internals::replace_to_unicode(font, "% kovgen test cmap\n"));

  HPDF_Page page = haru().AddPage(doc.get());
  const std::string font_name = haru().Page_GetLocalFontName(page, font);
  REQUIRE(haru_internals::set_deflated_content(
      page, deflate("BT /" + font_name + " 12 Tf 72 720 Td <000100020003> Tj ET % kovgen test content\n")));

  haru_internals::set_info(doc.get(), HPDF_INFO_TITLE, "Vereinbarung \xE4", true);  // PDFDocEncoding ä
  haru_internals::set_info(doc.get(), HPDF_INFO_SUBJECT, "Zeichen \xE2\x82\xAC", false);  // UTF-8 €
  CHECK(haru_internals::set_language(doc.get(), "de-DE"));
  REQUIRE_FALSE(doc.failed("building", diag));

  const std::string qdf = qdf_of(doc);
  CHECK(qdf.find("% kovgen test content") != std::string::npos);  // inflated by qpdf: /FlateDecode was right
  CHECK(qdf.find("% kovgen test cmap") != std::string::npos);
  CHECK(qdf.find("/Lang (de-DE)") != std::string::npos);
  CHECK(qdf.find("/Title (Vereinbarung \xE4)") != std::string::npos);
  CHECK(qdf.find("/Subject <feff") != std::string::npos);  // UTF-16 with its byte order mark
  // Embedded from memory as from the file: under libharu's first tag, with the
  // font program itself (its 'glyf' table) in the file.
  CHECK(qdf.find("/BaseFont /HPDFAA+LiberationSerif") != std::string::npos);
  CHECK(qdf.find("/FontFile2") != std::string::npos);
  CHECK(qdf.find("glyf") != std::string::npos);
  // The codes 1, 2, 3 for A, é, € (widths from Liberation Serif), not an entry per
  // code point up to U+20AC.
  CHECK(qdf.find("/W [\n    1\n    [\n      722\n      443\n      500\n    ]\n  ]") != std::string::npos);
}
