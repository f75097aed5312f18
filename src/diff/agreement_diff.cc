#include "agreement_diff.h"

namespace kovgen::diff {
namespace {

// A changed paragraph is shown as one changed paragraph, not as one removed and
// one added, while at least this share of its words stays.
constexpr double kSameBlockSimilarity = 0.5;

// What identifies a section across versions: its title, not its number, which
// moves when a section before it comes or goes.
std::string section_key(const Section& s) {
  if (s.level == 0) return "\x01preface";
  if (s.level == 1) return "\x01title";
  return (s.label.empty() ? "" : "§ ") + s.title;
}

// What identifies a block across versions: its text without the paragraph number.
std::string block_key(const Block& b) {
  if (b.kind == BlockKind::heading) return "\x01heading";  // a section's heading is matched with the section
  return std::string(without_absatz_number(b.text));
}

std::string section_text(const Section& s) {
  std::string text;
  for (const Block& b : s.blocks) text += std::string(without_absatz_number(b.text)) + "\n";
  return text;
}

// Pairs a run of removed items with the run of added items next to it where they
// are alike enough; `alike(i, j)` compares before[i] with after[j]. Unpaired items
// stay removed or added. The order is kept: removed before added.
template <typename Alike>
std::vector<Step> pair_changes(const std::vector<Step>& steps, Alike alike) {
  std::vector<Step> out;
  size_t i = 0;
  while (i < steps.size()) {
    if (steps[i].edit == Edit::same) {
      out.push_back(steps[i]);
      ++i;
      continue;
    }
    std::vector<Step> removed, added;
    while (i < steps.size() && steps[i].edit != Edit::same) {
      (steps[i].edit == Edit::removed ? removed : added).push_back(steps[i]);
      ++i;
    }
    // Greedy, in order: each removed item takes the first alike added item after
    // the last one taken, so nothing crosses.
    size_t next_added = 0;
    for (const Step& r : removed) {
      size_t found = added.size();
      for (size_t k = next_added; k < added.size(); ++k)
        if (alike(r.before, added[k].after)) {
          found = k;
          break;
        }
      if (found == added.size()) {
        out.push_back(r);
        continue;
      }
      for (size_t k = next_added; k < found; ++k) {
        out.push_back(added[k]);
      }
      out.push_back({Edit::same, r.before, added[found].after});
      next_added = found + 1;
    }
    for (size_t k = next_added; k < added.size(); ++k) {
      out.push_back(added[k]);
    }
  }
  return out;
}

std::vector<BlockChange> compare_blocks(const Section* before, const Section* after) {
  static const std::vector<Block> none;
  const std::vector<Block>& a = before ? before->blocks : none;
  const std::vector<Block>& b = after ? after->blocks : none;
  std::vector<std::string> ka, kb;
  for (const Block& x : a) ka.push_back(block_key(x));
  for (const Block& x : b) kb.push_back(block_key(x));
  const auto steps = pair_changes(
      compare_sequences(ka, kb),
      [&](size_t i, size_t j) { return a[i].kind == b[j].kind && similarity(a[i].text, b[j].text) >= kSameBlockSimilarity; });
  std::vector<BlockChange> out;
  for (size_t n = 0; n < steps.size(); ++n) {
    const Step& s = steps[n];
    BlockChange c;
    if (s.edit == Edit::removed) {
      c = {Change::removed, &a[s.before], nullptr, {}};
    } else if (s.edit == Edit::added) {
      c = {Change::added, nullptr, &b[s.after], {}};
    } else {
      c.before = &a[s.before];
      c.after = &b[s.after];
      // Same key, but the number "(n)" may differ.
      c.change = c.before->text == c.after->text ? Change::same : Change::changed;
      if (c.change == Change::changed) c.words = word_diff(c.before->text, c.after->text);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

bool SectionChange::renumbered() const {
  return change == Change::changed && before && after && before->label != after->label;
}

std::string section_name(const Section& s) {
  if (!s.label.empty()) return s.label;
  return s.title;
}

AgreementDiff::AgreementDiff(std::string_view before, std::string_view after)
    : before_(split_agreement(before)), after_(split_agreement(after)) {
  std::vector<std::string> ka, kb;
  for (const Section& s : before_) ka.push_back(section_key(s));
  for (const Section& s : after_) kb.push_back(section_key(s));
  const auto steps = pair_changes(
      compare_sequences(ka, kb),
      [&](size_t i, size_t j) {
        return before_[i].level == after_[j].level &&
               similarity(section_text(before_[i]), section_text(after_[j])) >= kSameBlockSimilarity;
      });
  for (const Step& s : steps) {
    SectionChange c;
    if (s.edit != Edit::added) c.before = &before_[s.before];
    if (s.edit != Edit::removed) c.after = &after_[s.after];
    c.blocks = compare_blocks(c.before, c.after);
    if (!c.before) c.change = Change::added;
    else if (!c.after) c.change = Change::removed;
    else {
      c.change = Change::same;
      for (const BlockChange& b : c.blocks)
        if (b.change != Change::same) c.change = Change::changed;
    }
    changes_.push_back(std::move(c));
  }
}

AgreementDiff::AgreementDiff(const AgreementDiff& source, BoldDropped) : before_(source.before_), after_(source.after_) {
  for (std::vector<Section>* side : {&before_, &after_})
    for (Section& s : *side) {
      s.title = without_strong(s.title);
      for (Block& b : s.blocks) b.text = without_strong(b.text);
    }
  // The copies keep the order, so an element's index finds its copy.
  auto copy_of = [](const auto* element, const auto& originals, auto& copies) {
    return element ? &copies[static_cast<size_t>(element - originals.data())] : nullptr;
  };
  for (const SectionChange& from : source.changes_) {
    SectionChange c;
    c.change = from.change;
    c.before = copy_of(from.before, source.before_, before_);
    c.after = copy_of(from.after, source.after_, after_);
    bool any_change = false;
    for (const BlockChange& block : from.blocks) {
      BlockChange b;
      b.change = block.change;
      b.before = from.before ? copy_of(block.before, from.before->blocks, c.before->blocks) : nullptr;
      b.after = from.after ? copy_of(block.after, from.after->blocks, c.after->blocks) : nullptr;
      if (b.before && b.after) {
        b.change = b.before->text == b.after->text ? Change::same : Change::changed;
        if (b.change == Change::changed) b.words = word_diff(b.before->text, b.after->text);
      }
      any_change = any_change || b.change != Change::same;
      c.blocks.push_back(std::move(b));
    }
    if (c.before && c.after) c.change = any_change ? Change::changed : Change::same;
    changes_.push_back(std::move(c));
  }
}

bool AgreementDiff::has_changes() const {
  for (const SectionChange& s : changes_)
    if (s.change != Change::same) return true;
  return false;
}

}  // namespace kovgen::diff
