#include "pdf_watermark.h"

#include <cmath>

namespace kovgen {

namespace {

struct Pt {
  float x, y;  // in letter units: cap height 1, y up
};

using Stroke = std::vector<Pt>;

// A quarter-ellipse-free way to draw the round parts: points on an arc.
void arc(Stroke& s, float cx, float cy, float rx, float ry, float from_deg, float to_deg) {
  constexpr int kSteps = 6;
  for (int i = 0; i <= kSteps; ++i) {
    const float a = (from_deg + (to_deg - from_deg) * i / kSteps) * 3.14159265f / 180;
    s.push_back({cx + rx * std::cos(a), cy + ry * std::sin(a)});
  }
}

// The strokes of one capital of "ENTWURF" and its advance width.
std::vector<Stroke> letter(char c, float& advance) {
  switch (c) {
    case 'E': advance = 0.72f; return {{{0.6f, 1}, {0, 1}, {0, 0}, {0.6f, 0}}, {{0, 0.5f}, {0.5f, 0.5f}}};
    case 'N': advance = 0.86f; return {{{0, 0}, {0, 1}, {0.72f, 0}, {0.72f, 1}}};
    case 'T': advance = 0.78f; return {{{0, 1}, {0.7f, 1}}, {{0.35f, 1}, {0.35f, 0}}};
    case 'W': advance = 1.18f; return {{{0, 1}, {0.26f, 0}, {0.53f, 0.8f}, {0.8f, 0}, {1.06f, 1}}};
    case 'U': {
      advance = 0.84f;
      Stroke s{{0, 1}, {0, 0.34f}};
      arc(s, 0.35f, 0.34f, 0.35f, 0.34f, 180, 360);
      s.push_back({0.7f, 1});
      return {s};
    }
    case 'R': {
      advance = 0.8f;
      Stroke bowl{{0, 0}, {0, 1}, {0.38f, 1}};
      arc(bowl, 0.38f, 0.74f, 0.28f, 0.26f, 90, -90);
      bowl.push_back({0, 0.48f});
      return {bowl, {{0.3f, 0.48f}, {0.68f, 0}}};
    }
    case 'F': advance = 0.7f; return {{{0.6f, 1}, {0, 1}, {0, 0}}, {{0, 0.52f}, {0.5f, 0.52f}}};
    default: advance = 0.5f; return {};
  }
}

}  // namespace

Stamp draft_watermark(const layout::PageGeometry& page) {
  const char* word = "ENTWURF";
  std::vector<std::pair<float, std::vector<Stroke>>> letters;  // x offset, strokes
  float width = 0;
  for (const char* c = word; *c; ++c) {
    float advance = 0;
    auto strokes = letter(*c, advance);
    letters.push_back({width, std::move(strokes)});
    width += advance;
  }
  width -= 0.12f;  // no spacing after the last letter

  // Scale the word to 70 % of the diagonal, then rotate it along the diagonal
  // from bottom left to top right (y grows downwards on the page).
  const float diagonal = std::hypot(page.width, page.height);
  const float cap = 0.7f * diagonal / width;
  const float angle = std::atan2(page.height, page.width);
  const float cs = std::cos(angle), sn = std::sin(angle);
  const float cx = page.width / 2, cy = page.height / 2;
  auto place = [&](Pt p) {
    const float x = (p.x - width / 2) * cap, y = (p.y - 0.5f) * cap;  // centred, y up
    return Pt{cx + x * cs - y * sn, cy - (x * sn + y * cs)};
  };
  Stamp stamp;
  stamp.color = {0.95f, 0.82f, 0.82f};
  stamp.width = cap * 0.11f;
  for (const auto& [offset, strokes] : letters)
    for (const Stroke& s : strokes) {
      stamp.strokes.emplace_back();
      for (const Pt& p : s) {
        const Pt q = place({p.x + offset, p.y});
        const std::pair<float, float> point{std::round(q.x * 2) / 2, std::round(q.y * 2) / 2};
        if (stamp.strokes.back().empty() || stamp.strokes.back().back() != point)
          stamp.strokes.back().push_back(point);
      }
    }
  return stamp;
}

}  // namespace kovgen
