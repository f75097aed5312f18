// Where a slug longer than its limit is cut: at the last dash within the limit,
// but only if that keeps at least half of it; else hard at the limit.
#include <doctest/doctest.h>

#include <string>

#include "batch_naming.h"

using namespace kovgen;

namespace {

std::string rep(char c, size_t n) { return std::string(n, c); }

}  // namespace

TEST_CASE("a dash in the first half is no cut point") {
  // Cutting at the dash would leave "ab" of a 24-byte limit.
  CHECK(slugify("ab-" + rep('x', 40), 24) == "ab-" + rep('x', 21));
  CHECK(slugify(rep('a', 11) + "-" + rep('x', 40), 24) == rep('a', 11) + "-" + rep('x', 12));
  CHECK(slugify("a-b-" + rep('x', 40), 24) == "a-b-" + rep('x', 20));
}

TEST_CASE("a dash at half the limit or later is the cut point") {
  CHECK(slugify(rep('a', 12) + "-" + rep('x', 40), 24) == rep('a', 12));
  CHECK(slugify(rep('a', 20) + "-" + rep('x', 40), 24) == rep('a', 20));
  // A dash right at the limit: the words before it fit exactly.
  CHECK(slugify(rep('a', 24) + "-" + rep('x', 40), 24) == rep('a', 24));
  CHECK(slugify("aaaa-bbbb-cccc-dddd-eeee-ffff", 24) == "aaaa-bbbb-cccc-dddd-eeee");
  CHECK(slugify("aaaa-bbbb-cccc-dddd-eeee-ffff", 22) == "aaaa-bbbb-cccc-dddd");
  // The last dash within the limit counts, not the first one.
  CHECK(slugify("aaaaaaaaaaaaa-bb-cc-" + rep('x', 40), 24) == "aaaaaaaaaaaaa-bb-cc");
}

TEST_CASE("a slug of exactly the limit is not cut, one byte more is") {
  CHECK(slugify("aaaa-bbbb-cccc-dddd-eeee", 24) == "aaaa-bbbb-cccc-dddd-eeee");
  CHECK(slugify("aaaa-bbbb-cccc-dddd-eeeee", 24) == "aaaa-bbbb-cccc-dddd");
  CHECK(slugify(rep('x', 24), 24) == rep('x', 24));
  CHECK(slugify(rep('x', 25), 24) == rep('x', 24));
}

TEST_CASE("a cut slug fits its limit, is never empty and never ends in a dash") {
  CHECK(slugify(rep('x', 100), 60) == rep('x', 60));  // no dash: cut hard
  for (size_t limit = 1; limit <= 30; ++limit) {
    CAPTURE(limit);
    const std::string s = slugify("Ab Cd-Ef GHI jklm nopqr stuvwx " + rep('y', 40), limit);
    CHECK(s.size() <= limit);
    CHECK_FALSE(s.empty());
    CHECK(s.back() != '-');
  }
}

TEST_CASE("the cut counts bytes of the slug, after transliteration") {
  // "ä" becomes "ae": 13 umlauts are 26 slug bytes.
  std::string umlauts;
  for (int i = 0; i < 13; ++i) umlauts += "ä";
  CHECK(slugify(umlauts, 24) == "aeaeaeaeaeaeaeaeaeaeaeae");
  CHECK(slugify("Größe Straße " + umlauts, 24) == "groesse-strasse");
}
