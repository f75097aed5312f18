// Hyphenation and kerning in the line breaker (issue 16). Fake font: 5 pt per
// character at 10 pt; a fake hyphenator with fixed points per word, so that the
// layout's own rules are what is tested here (the German patterns are tested in
// tests/hyphenation/).
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "layout.h"
#include "layout_fake_metrics.h"

using namespace kovgen;
using namespace kovgen::layout;
using kovgen::test::FakeMetrics;
using kovgen::test::line_text;
using kovgen::test::run;

namespace {

const std::string kShy = "\xC2\xAD";

// Points for known words (lower case), every second letter for others.
class FakeHyphenator : public Hyphenator {
 public:
  std::map<std::string, std::vector<HyphenPoint>> known;
  mutable std::vector<std::string> asked;
  void hyphenate(std::string_view word, std::vector<HyphenPoint>& points) const override {
    asked.emplace_back(word);
    auto hit = known.find(std::string(word));
    if (hit != known.end()) {
      points.insert(points.end(), hit->second.begin(), hit->second.end());
      return;
    }
    for (int k = 2; k < int(word.size()); k += 2) points.push_back({k, false});
  }
};

using Lines = std::vector<std::string>;

Lines lines_of(const std::vector<Run>& runs, float width, const Hyphenator* h, Align align = Align::justify) {
  FakeMetrics m;
  Lines out;
  for (const Line& l : break_lines(runs, width, align, 12, m, h)) out.push_back(line_text(l));
  return out;
}

Lines lines_of(const std::string& text, float width, const Hyphenator* h, Align align = Align::justify) {
  return lines_of(std::vector<Run>{run(text)}, width, h, align);
}

// A fake font with kerning for a few pairs, in thousandths of an em.
class KernedMetrics : public FakeMetrics {
 public:
  int kerning(Face, char32_t l, char32_t r) const override {
    if (l == 'V' && r == 'o') return -130;
    if (l == 'T' && r == 'e') return -70;
    if (l == 'W' && r == 'a') return -80;
    return 0;
  }
};

}  // namespace

TEST_CASE("a soft hyphen is a break point that prints a hyphen only at the line end") {
  // "aaaa Ganztagsschule" (19 characters) does not fit into 60 pt (12 characters).
  const Lines broken = lines_of("aaaa Ganz" + kShy + "tags" + kShy + "schule", 60, nullptr);
  REQUIRE(broken.size() == 2);
  CHECK(broken[0] == "aaaa Ganz" + kShy);
  CHECK(broken[1] == "tagsschule");
  // On one line the soft hyphens vanish.
  CHECK(lines_of("aaaa Ganz" + kShy + "tagsschule", 200, nullptr) == Lines{"aaaa Ganztagsschule"});
}

TEST_CASE("soft hyphens survive resolve_glyphs for the line breaker") {
  FakeMetrics m;
  Diagnostics diag;
  auto runs = resolve_glyphs({run("Ganz" + kShy + "tag\xE2\x80\x8B\tx")}, m, diag);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].text == "Ganz" + kShy + "tag x");
}

TEST_CASE("a word with soft hyphens breaks only where its author put them") {
  FakeHyphenator h;
  // Without the soft hyphen the fake would allow "Ganz-tags..." after 2, 4, ... letters.
  const Lines lines = lines_of("aaaa Ganztags" + kShy + "schule bbbb", 70, &h);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "aaaa Ganztags" + kShy);
  CHECK(h.asked.empty());  // "aaaa" is too short, "bbbb" the last word, the other has soft hyphens
}

TEST_CASE("hyphenation points break a justified paragraph and the hyphen counts in the width") {
  FakeHyphenator h;
  h.known["Verpflegung"] = {{3, false}, {6, false}};  // Ver-pfle-gung
  // 60 pt = 12 characters: "aaaa bb Ver-" fills the line exactly, hyphen included.
  const Lines lines = lines_of("aaaa bb Verpflegung cc dd", 60, &h);
  CHECK(lines == Lines{"aaaa bb Ver" + kShy, "pflegung cc", "dd"});
  // Without a hyphenator the same text leaves a hole in the first line.
  CHECK(lines_of("aaaa bb Verpflegung cc dd", 60, nullptr) == Lines{"aaaa bb", "Verpflegung", "cc dd"});
}

TEST_CASE("no hyphenation in the last word, short words, or too close to the word's ends") {
  FakeHyphenator h;
  // The last word of a paragraph is never asked for (the issue forbids a hyphen
  // there), in justified and in ragged text.
  lines_of("aaaa Verpflegung", 60, &h);
  CHECK(h.asked == std::vector<std::string>{});
  CHECK(lines_of("aaaa Verpflegung", 60, &h, Align::left) == Lines{"aaaa", "Verpflegung"});
  CHECK(h.asked == std::vector<std::string>{});
  h.known["Verpflegung"] = {{3, false}, {7, false}};
  CHECK(lines_of("aaaa bb Verpflegung", 60, &h) == Lines{"aaaa bb", "Verpflegung"});
  // Words under six letters are not asked for.
  h.asked.clear();
  lines_of("Hallo Welt ende", 40, &h);
  CHECK(h.asked.empty());
  // Points leaving fewer than two letters before or three after are dropped.
  h.known["Abcdefgh"] = {{1, false}, {6, false}};
  const Lines lines = lines_of("Abcdefgh xx", 40, &h);
  for (const std::string& l : lines) CHECK(l.find(kShy) == std::string::npos);
}

TEST_CASE("an e-mail address breaks at its hyphen only in a column narrower than itself") {
  // "aaaa bbbb info@awo-" would fill 19 of 20 characters, "aaaa bbbb" alone only 9:
  // a plain word would break at its hyphen, the address stays whole.
  const Lines text = lines_of("aaaa bbbb info@awo-xy.de cc", 100, nullptr);
  CHECK(text == Lines{"aaaa bbbb", "info@awo-xy.de cc"});
  CHECK(lines_of("aaaa bbbb Platz-xyzde cc", 100, nullptr) == Lines{"aaaa bbbb Platz-", "xyzde cc"});
  // Ten characters wide, the address (14) must break, and at its hyphen.
  CHECK(lines_of("info@awo-xy.de", 50, nullptr, Align::left) == Lines{"info@awo-", "xy.de"});
}

TEST_CASE("German quotation marks around a word do not keep it from being hyphenated") {
  FakeHyphenator h;
  lines_of("aaaa \xE2\x80\x9EGanzt\xC3\xA4gig\xE2\x80\x9C bbbb", 40, &h);  // „Ganztägig“
  CHECK(h.asked == std::vector<std::string>{"Ganzt\xC3\xA4gig"});
}

TEST_CASE("numbers, amounts, dates, paragraphs, addresses and links are never hyphenated") {
  FakeHyphenator h;
  const std::vector<std::string> texts = {
      "aaaa 123456789 end",          "aaaa 1.250,00 end",  "aaaa 31.07.2027 end",
      "aaaa §\xC2\xA0" "8a SGBVIII end", "aaaa info@ganztagsschule.de end", "aaaa https://www.schulministerium.nrw end",
      "aaaa 123456-Grundschule end", "aaaa NRW-Landesprogramm end"};
  for (const std::string& t : texts) {
    h.asked.clear();
    lines_of(t, 40, &h);
    for (const std::string& w : h.asked) {
      CAPTURE(t);
      CAPTURE(w);
      // Only plain words of letters reach the hyphenator, never a token with
      // digits, an address or a link; "Grundschule" after a number's hyphen may.
      CHECK((w == "Grundschule" || w == "Landesprogramm"));
    }
  }
  // A linked word is protected as a whole.
  Run link = run("Ganztagsschule");
  link.link = "https://example.org";
  h.asked.clear();
  lines_of(std::vector<Run>{run("aaaa "), link, run(" end")}, 40, &h);
  CHECK(h.asked.empty());
  // The same word without the link is asked.
  lines_of(std::vector<Run>{run("aaaa "), run("Ganztagsschule"), run(" end")}, 40, &h);
  CHECK(h.asked == std::vector<std::string>{"Ganztagsschule"});
}

TEST_CASE("at most two hyphenated lines follow each other") {
  FakeHyphenator h;  // breaks every second letter
  // Narrow lines of long words would be hyphenated on every line if allowed.
  std::string text;
  for (int i = 0; i < 12; ++i) text += "abcdefghijklmn ";
  text += "end";
  FakeMetrics m;
  const std::vector<Line> lines = break_lines({run(text)}, 50, Align::justify, 12, m, &h);
  int run_length = 0, longest = 0, hyphenated = 0;
  for (const Line& l : lines) {
    const bool hy = line_text(l).size() >= 2 && line_text(l).substr(line_text(l).size() - 2) == kShy;
    hyphenated += hy;
    run_length = hy ? run_length + 1 : 0;
    longest = std::max(longest, run_length);
  }
  CHECK(hyphenated > 2);
  CHECK(longest <= 2);
}

TEST_CASE("kerning narrows measured widths: Vo, Te, Wa") {
  KernedMetrics m;
  const Style s{Face::regular, 10};
  CHECK(text_width(m, s, "Vo") == doctest::Approx(10 - 1.3));
  CHECK(text_width(m, s, "Te") == doctest::Approx(10 - 0.7));
  CHECK(text_width(m, s, "Wa") == doctest::Approx(10 - 0.8));
  CHECK(text_width(m, s, "V o") == doctest::Approx(15));  // never across a space
  // A line's natural width includes the pairs of each word.
  const std::vector<Line> lines = break_lines({run("Vor Tee Wal")}, 200, Align::left, 12, m);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].width == doctest::Approx(55 - 1.3 - 0.7 - 0.8));
  REQUIRE(lines[0].texts.size() == 1);
  CHECK(lines[0].texts[0].width == doctest::Approx(55 - 2.8));
}

TEST_CASE("table cells are hyphenated: a word wider than its column breaks at a hyphenation point") {
  FakeMetrics m;
  PageGeometry page;
  page.width = 240;
  page.margin_left = page.margin_right = 20;
  Block t;
  t.kind = BlockKind::table;
  t.table.leading = 12;
  // Two words of 30 letters (150 pt each) cannot both keep their width in 200 pt.
  const std::string a(30, 'a'), word = "bcdefghijklmnopqrstuvwxyzbcdef";  // no "a" in it
  t.table.rows.push_back({{{run(a)}}, {{run(word)}}});
  auto cell_texts = [&](const Hyphenator* h) {
    std::vector<std::string> texts;
    for (const Page& p : layout_document({t}, {}, page, m, h))
      for (const TextOp& op : p.texts)
        if (op.text.find('a') == std::string::npos) texts.push_back(op.text);
    return texts;
  };
  FakeHyphenator h;
  const std::vector<std::string> hyphenated = cell_texts(&h);
  REQUIRE(hyphenated.size() > 1);
  std::string joined;
  for (size_t i = 0; i < hyphenated.size(); ++i) {
    const std::string& text = hyphenated[i];
    CAPTURE(text);
    // Every line but the last ends in the drawn hyphen, and the pieces give the word back.
    const bool ends_in_hyphen = text.size() > 2 && text.substr(text.size() - 2) == kShy;
    CHECK(ends_in_hyphen == (i + 1 < hyphenated.size()));
    joined += ends_in_hyphen ? text.substr(0, text.size() - 2) : text;
  }
  CHECK(joined == word);
  // Without a hyphenator the word is cut between letters and no hyphen is drawn.
  for (const std::string& text : cell_texts(nullptr)) CHECK(text.find(kShy) == std::string::npos);
}
