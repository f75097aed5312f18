// The line cache a batch's PDFs share: the same lines as break_lines, once per
// distinct paragraph, and never one paragraph's lines for another.
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "layout.h"
#include "layout_fake_metrics.h"
#include "line_cache.h"

using namespace kovgen;
using namespace kovgen::layout;
using kovgen::test::FakeMetrics;
using kovgen::test::run;

namespace {

// Counts what is measured, to see whether a paragraph was broken again.
class CountingMetrics : public FakeMetrics {
 public:
  mutable std::atomic<int> measured{0};
  int advance(Face face, char32_t cp) const override {
    ++measured;
    return FakeMetrics::advance(face, cp);
  }
};

// Splits every word of six letters or more after its third letter.
class ThirdLetterHyphenator : public Hyphenator {
 public:
  void hyphenate(std::string_view word, std::vector<HyphenPoint>& points) const override {
    if (word.size() >= 6) points.push_back({3, false});
  }
};

bool same_lines(const std::vector<Line>& a, const std::vector<Line>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].height != b[i].height || a[i].width != b[i].width || a[i].texts.size() != b[i].texts.size() ||
        a[i].lines.size() != b[i].lines.size() || a[i].rects.size() != b[i].rects.size())
      return false;
    for (size_t k = 0; k < a[i].texts.size(); ++k) {
      const TextOp &x = a[i].texts[k], &y = b[i].texts[k];
      if (x.x != y.x || x.y != y.y || x.width != y.width || !(x.style == y.style) || x.text != y.text ||
          x.link != y.link || x.char_spacing != y.char_spacing)
        return false;
    }
  }
  return true;
}

const std::string kText =
    "Der Träger verpflichtet sich, die Mittagsverpflegung und die Hausaufgabenbetreuung "
    "in den Räumen der Schule anzubieten, und berichtet der Steuerungsgruppe jährlich.";

}  // namespace

TEST_CASE("line cache: a paragraph gets the lines break_lines gives, and a second time it is not broken again") {
  CountingMetrics m;
  const ThirdLetterHyphenator hyphenator;
  LineCache cache;
  const std::vector<Run> runs = {run(kText), run(" fett", Face::bold)};
  const std::vector<Line> direct = break_lines(runs, 120, Align::justify, 12, m, &hyphenator);
  REQUIRE(direct.size() > 3);

  m.measured = 0;
  CHECK(same_lines(cache.break_lines(runs, 120, Align::justify, 12, m, &hyphenator), direct));
  CHECK(m.measured > 0);
  m.measured = 0;
  CHECK(same_lines(cache.break_lines(runs, 120, Align::justify, 12, m, &hyphenator), direct));
  CHECK(m.measured == 0);
  CHECK(cache.size() == 1);
  // Without a cache, paragraph_lines is break_lines.
  CHECK(same_lines(paragraph_lines(runs, 120, Align::justify, 12, m, &hyphenator, nullptr), direct));
}

TEST_CASE("line cache: paragraphs that differ in anything break_lines reads are kept apart") {
  FakeMetrics m;
  const ThirdLetterHyphenator hyphenator;
  LineCache cache;
  Style underlined{};
  underlined.size = 10;
  underlined.underline = true;
  Style red{};
  red.size = 10;
  red.color = Color{0.8f, 0, 0};
  struct Variant {
    std::vector<Run> runs;
    float width;
    Align align;
    float leading;
    const Hyphenator* hyphenator;
  };
  const std::vector<Variant> variants = {
      {{run(kText)}, 120, Align::justify, 12, &hyphenator},
      {{run(kText)}, 121, Align::justify, 12, &hyphenator},
      {{run(kText)}, 120, Align::left, 12, &hyphenator},
      {{run(kText)}, 120, Align::justify, 14, &hyphenator},
      {{run(kText)}, 120, Align::justify, 12, nullptr},
      {{run(kText, Face::bold)}, 120, Align::justify, 12, &hyphenator},
      {{run(kText, Face::regular, 11)}, 120, Align::justify, 12, &hyphenator},
      {{Run{kText, underlined, {}}}, 120, Align::justify, 12, &hyphenator},
      {{Run{kText, red, {}}}, 120, Align::justify, 12, &hyphenator},
      {{Run{kText, Style{Face::regular, 10}, "https://www.schulministerium.nrw/"}}, 120, Align::justify, 12,
       &hyphenator},
      {{run(kText + "!")}, 120, Align::justify, 12, &hyphenator},
      // The same letters cut into runs elsewhere.
      {{run(kText.substr(0, 10)), run(kText.substr(10))}, 120, Align::justify, 12, &hyphenator},
      {{run(kText.substr(0, 11)), run(kText.substr(11))}, 120, Align::justify, 12, &hyphenator},
  };
  for (int round = 0; round < 2; ++round)
    for (size_t i = 0; i < variants.size(); ++i) {
      CAPTURE(round);
      CAPTURE(i);
      const Variant& v = variants[i];
      CHECK(same_lines(cache.break_lines(v.runs, v.width, v.align, v.leading, m, v.hyphenator),
                       break_lines(v.runs, v.width, v.align, v.leading, m, v.hyphenator)));
    }
  CHECK(cache.size() == variants.size());
}

TEST_CASE("line cache: full, it starts afresh, and what it gives stays right") {
  FakeMetrics m;
  LineCache cache(3);
  for (int i = 0; i < 10; ++i) {
    const std::vector<Run> runs = {run("Absatz " + std::to_string(i) + " mit einigen Wörtern darin")};
    CHECK(same_lines(cache.break_lines(runs, 60, Align::justify, 12, m, nullptr),
                     break_lines(runs, 60, Align::justify, 12, m, nullptr)));
    CHECK(cache.size() <= 3);
  }
  CHECK(cache.size() >= 1);
}

TEST_CASE("line cache: threads breaking the same paragraphs at once all get the right lines") {
  FakeMetrics m;
  const ThirdLetterHyphenator hyphenator;
  LineCache cache;
  std::vector<std::vector<Run>> paragraphs;
  std::vector<std::vector<Line>> expected;
  for (int i = 0; i < 40; ++i) {
    paragraphs.push_back({run(kText.substr(size_t(i) * 3) + " " + std::to_string(i % 7))});
    expected.push_back(break_lines(paragraphs.back(), 100, Align::justify, 12, m, &hyphenator));
  }
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int round = 0; round < 5; ++round)
        for (size_t i = 0; i < paragraphs.size(); ++i)
          if (!same_lines(cache.break_lines(paragraphs[i], 100, Align::justify, 12, m, &hyphenator), expected[i]))
            ++wrong;
    });
  for (std::thread& t : threads) t.join();
  CHECK(wrong == 0);
  CHECK(cache.size() <= paragraphs.size());
}
