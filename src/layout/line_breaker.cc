// The line breaker (layout.h's break_lines): chooses the breaks of a whole
// paragraph that cost least (badness of the spaces, hyphens), TeX-style.
#include <algorithm>
#include <limits>

#include "text_words.h"

namespace kovgen::layout {

namespace {

// A second hyphenated line in a row costs this much more; a third is avoided at
// any price but losing text.
constexpr float kConsecutivePenalty = 100;
constexpr int kMaxHyphenRun = 2;
// A space stretched by this fraction of its width is as bad (100) as one shrunk
// by kMaxShrink; TeX's values for a roman font.
constexpr double kStretchability = 0.5;

// Chooses break points in words[begin, end) (no forced break inside) that
// minimise the summed badness and hyphen penalties of the lines; returns the
// index after each line. The state of a break includes how many hyphenated
// lines end in a row there, so that at most kMaxHyphenRun follow each other.
// `worst` is raised to the badness of the worst line chosen.
std::vector<size_t> choose_breaks(const std::vector<Word>& words, size_t begin, size_t end,
                                  float width, bool justify, float space, double& worst) {
  const double inf = std::numeric_limits<double>::infinity();
  constexpr int kStates = kMaxHyphenRun + 1;
  struct Best {
    double cost[kStates];
    double worst[kStates];  // the worst line's badness on the way here
    size_t from[kStates];
    int from_state[kStates];
  };
  std::vector<Best> best(end - begin + 1);
  for (Best& b : best)
    for (int h = 0; h < kStates; ++h) {
      b.cost[h] = inf;
      b.worst[h] = 0;
      b.from[h] = begin;
      b.from_state[h] = 0;
    }
  best[0].cost[0] = 0;
  for (size_t j = begin + 1; j <= end; ++j) {
    if (j < end && !words[j - 1].breakable) continue;
    const bool hyphen = j < end && words[j - 1].hyphen_width > 0;
    double line_width = hyphen ? words[j - 1].hyphen_width : 0;
    int glues = 0;
    // A justified line other than the last may also shrink its spaces a little.
    const double shrink = justify && j < end ? kMaxShrink : 0;
    double natural_glue = 0;
    for (size_t i = j; i-- > begin;) {
      line_width += words[i].width;
      if (i + 1 < j) {
        line_width += words[i].glue + words[i + 1].lead_kern;
        if (words[i].glue > 0) ++glues;
        natural_glue += words[i].glue;
      }
      if (line_width - shrink * natural_glue > width + 0.01 && i + 1 < j) break;
      if (i > begin && !words[i - 1].breakable) continue;
      const Best& from = best[i - begin];
      double cost = 0;
      if (j < end && line_width > width && natural_glue > 0) {
        // Shrunk spaces: as bad at their limit as spaces stretched by kStretchability.
        const double ratio = std::min(1.0, (line_width - width) / (shrink * natural_glue));
        cost = 100 * ratio * ratio * ratio;
      } else if (j < end) {
        double slack = std::max(0.0, width - line_width);
        if (justify) {
          // Badness of the stretched spaces, like TeX: grows with the cube.
          const double ratio = std::min(slack / (std::max(glues, 1) * space * kStretchability), 10.0);
          cost = 100 * ratio * ratio * ratio + (glues == 0 ? 1000 : 0);
        } else {
          cost = slack * slack / (space * space);
        }
      }
      const double badness = cost;
      // TeX's demerits: squares, so that one very loose line costs more than
      // several slightly loose ones; each line costs a little (fewer lines).
      cost = (10 + badness) * (10 + badness);
      if (hyphen) cost += double(words[j - 1].penalty) * words[j - 1].penalty;
      Best& to = best[j - begin];
      for (int h = 0; h < kStates; ++h) {
        if (from.cost[h] == inf) continue;
        // A third hyphen in a row is only taken when nothing else fits (a word
        // with soft hyphens in a narrow column): it must never lose words.
        const bool too_many = hyphen && h == kMaxHyphenRun;
        const int next = hyphen ? std::min(h + 1, kMaxHyphenRun) : 0;
        const double total = from.cost[h] + cost + (next >= 2 ? kConsecutivePenalty * kConsecutivePenalty : 0) + (too_many ? 1e18 : 0);
        if (total < to.cost[next]) {
          to.cost[next] = total;
          to.worst[next] = std::max(from.worst[h], badness);
          to.from[next] = i;
          to.from_state[next] = h;
        }
      }
    }
  }
  std::vector<size_t> ends;
  int state = 0;
  for (int h = 1; h < kStates; ++h)
    if (best[end - begin].cost[h] < best[end - begin].cost[state]) state = h;
  worst = std::max(worst, best[end - begin].worst[state]);
  for (size_t j = end; j > begin;) {
    ends.push_back(j);
    const Best& b = best[j - begin];
    if (b.cost[state] == inf) break;  // unreachable: cannot happen after splitting
    const size_t i = b.from[state];
    state = b.from_state[state];
    j = i;
  }
  std::reverse(ends.begin(), ends.end());
  return ends;
}


// The line breaks of all words, between forced breaks: (first word, end) per line.
std::vector<std::pair<size_t, size_t>> all_breaks(const std::vector<Word>& words, float width, bool justify,
                                                  float space, double& worst) {
  std::vector<std::pair<size_t, size_t>> lines;
  size_t begin = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!words[i].forced && i + 1 < words.size()) continue;
    size_t start = begin;
    for (size_t e : choose_breaks(words, begin, i + 1, width, justify, space, worst)) {
      lines.emplace_back(start, e);
      start = e;
    }
    begin = i + 1;
  }
  return lines;
}

// Like TeX's \pretolerance: a paragraph whose lines are all at least this good
// without hyphenation is not hyphenated (most paragraphs of an agreement are one
// to three lines). 100 is spaces at 1.5 times their width.
constexpr double kPretolerance = 100;

}  // namespace

std::vector<Line> break_lines(const std::vector<Run>& runs, float width, Align align,
                              float leading, const GlyphMetrics& metrics, const Hyphenator* hyphenator) {
  std::vector<Word> split = split_words(runs, metrics);
  keep_protected_tokens_whole(split, width, metrics);
  std::vector<Line> lines;
  if (split.empty()) return lines;
  float space = 0;
  for (const Run& r : runs) space = std::max(space, advance_pt(metrics, r.style, ' '));
  if (space <= 0) space = 3;
  const bool justify = align == Align::justify;
  auto prepare = [&](std::vector<Word> words, const Hyphenator* h) {
    hyphenate_words(words, h, width, metrics);
    split_long_words(words, width, metrics);
    set_lead_kerning(words, metrics);
    return words;
  };
  // A word wider than the line is cut between letters in the first pass; a
  // hyphenation point is the better place, whatever the spaces say.
  const bool cut_word = std::any_of(split.begin(), split.end(), [&](const Word& w) { return w.width > width; });
  // The first pass (soft hyphens only) changes the words only where they have
  // soft hyphens or are too wide. Otherwise it runs on them as they are, and the
  // second pass needs no copy of them: most paragraphs, in a batch thousands.
  const bool first_pass_changes =
      cut_word || std::any_of(split.begin(), split.end(), [](const Word& w) { return !w.splits.empty(); });
  std::vector<Word> first_words;
  if (first_pass_changes) first_words = prepare(hyphenator ? split : std::move(split), nullptr);
  else set_lead_kerning(split, metrics);
  double worst = 0;
  std::vector<std::pair<size_t, size_t>> breaks =
      all_breaks(first_pass_changes ? first_words : split, width, justify, space, worst);
  std::vector<Word> words;
  if (hyphenator && (worst > kPretolerance || cut_word)) {
    words = prepare(std::move(split), hyphenator);
    breaks = all_breaks(words, width, justify, space, worst);
  } else {
    words = first_pass_changes ? std::move(first_words) : std::move(split);
  }
  for (size_t k = 0; k < breaks.size(); ++k) {
    const auto [start, end] = breaks[k];
    const bool last = end == words.size() || words[end - 1].forced;
    lines.push_back(make_line(words, start, end, width, align, last, leading, metrics));
  }
  return lines;
}

void measure_extent(const std::vector<Run>& runs, const GlyphMetrics& metrics,
                    float& min_width, float& max_width) {
  min_width = max_width = 0;
  float chunk = 0, segment = 0;  // since the last break opportunity / forced break
  for (const Word& w : split_words(runs, metrics)) {
    chunk += w.width;
    segment += w.width;
    min_width = std::max(min_width, chunk);
    max_width = std::max(max_width, segment);
    if (w.breakable) chunk = 0;
    else chunk += w.glue;
    if (w.forced) segment = 0;
    else segment += w.glue;
  }
}

}  // namespace kovgen::layout
