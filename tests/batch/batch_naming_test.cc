// Folder names for the schools of a batch: safe on every file system, limited
// in length, unique.
#include <doctest/doctest.h>

#include <vector>

#include "batch_naming.h"

using namespace kovgen;

TEST_CASE("slugs: German letters transliterated, everything else one dash") {
  CHECK(slugify("Städt. Gemeinschaftsgrundschule Lindenschule", 60) == "staedt-gemeinschaftsgrundschule-lindenschule");
  CHECK(slugify("KGS St. Martin", 60) == "kgs-st-martin");
  CHECK(slugify("Größe ÄÖÜ äöü ß Æble Çelik École Łódź", 60) == "groesse-aeoeue-aeoeue-ss-aeble-celik-ecole-lodz");
  CHECK(slugify("  --Am   Bach!!  ", 60) == "am-bach");
  CHECK(slugify("中文", 60).empty());
}

TEST_CASE("names never hold separators, dot-dot or control characters") {
  FolderNames names;
  CHECK(names.assign("../../etc", "passwd", 2) == "etc-passwd");
  CHECK(names.assign("..", "..", 3) == "zeile-3");
  CHECK(names.assign("a/b\\c", "x\ty\nz\x01", 4) == "a-b-c-x-y-z");
  CHECK(names.assign("", "C:\\Windows\\System32", 5) == "zeile-5-c-windows-system32");
  for (const std::string& n : {names.assign("/", "/", 6), names.assign(".", "..", 7)}) {
    CAPTURE(n);
    CHECK(n.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
    CHECK(n.find("..") == std::string::npos);
  }
}

TEST_CASE("Windows device names get a suffix, in any case and with an extension") {
  for (const char* reserved : {"CON", "con", "Prn", "AUX", "NUL", "COM1", "com9", "LPT1", "con.txt", "NUL .md"})
    CHECK(is_windows_reserved_name(reserved));
  for (const char* fine : {"CONS", "con-schule", "COM0", "COM10", "LPT", "icon"}) CHECK_FALSE(is_windows_reserved_name(fine));
  FolderNames names;
  CHECK(names.assign("CON", "", 2) == "con_");
  CHECK(names.assign("", "", 3) == "zeile-3");
  CHECK(names.assign("nul", "NUL", 4) == "nul_");
  CHECK(names.assign("LPT1", "Schule", 5) == "lpt1-schule");
}

TEST_CASE("names are limited in length, cut at a word boundary") {
  const std::string long_name(300, 'x');
  FolderNames names;
  const std::string a = names.assign("123456", long_name, 2);
  CHECK(a == "123456-" + std::string(kMaxNameSlugBytes, 'x'));
  const std::string words = "Gemeinschaftsgrundschule der Stadt Musterhausen am Rande des großen Waldes und noch viel mehr";
  const std::string b = names.assign("123457", words, 3);
  CHECK(b == "123457-gemeinschaftsgrundschule-der-stadt-musterhausen-am-rande-des");
  const std::string c = names.assign(std::string(300, '9'), std::string(300, 'a'), 4);
  CHECK(c.size() <= kMaxIdSlugBytes + 1 + kMaxNameSlugBytes);
  // Even with a 300-character name of multi-byte letters, a folder plus its file fits 255 bytes.
  std::string umlauts;
  for (int i = 0; i < 150; ++i) umlauts += "ä";
  CHECK(names.assign("1", umlauts, 5).size() <= 1 + 1 + kMaxNameSlugBytes);
}

TEST_CASE("names are unique, even for duplicate ids and names, the same rows give the same names") {
  auto run = [] {
    FolderNames names;
    return std::vector<std::string>{names.assign("100", "GGS Am Bach", 2), names.assign("100", "GGS Am Bach", 3),
                                    names.assign("100", "ggs am bach", 4), names.assign("100-ggs-am-bach", "2", 5),
                                    names.assign("", "", 6), names.assign("zeile-6", "", 7)};
  };
  const auto first = run();
  CHECK(first == std::vector<std::string>{"100-ggs-am-bach", "100-ggs-am-bach-2", "100-ggs-am-bach-3",
                                          "100-ggs-am-bach-2-2", "zeile-6", "zeile-6-2"});
  CHECK(run() == first);
}
