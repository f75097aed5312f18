#pragma once
// Pairs of answer versions for comparing agreements (kovgen diff): each pair is
// the complete OGS sample and that sample with one kind of change, the changes a
// Fortschreibung brings.
#include <string>
#include <vector>

namespace kovgen::test {

struct VersionPair {
  std::string name;  // what changed, as a test names it
  std::string old_yaml;
  std::string new_yaml;
};

// The complete OGS sample's answers text.
std::string ogs_sample_yaml();

// Every pair: changed amount, changed time, a school added to and removed from
// the sites table, a conditional clause off and on, a changed party name, the
// Jugendamt leaving (a § replaced by another), the school year update and no change.
std::vector<VersionPair> version_pairs();

// The agreement the answers give, rendered in-process as kovgen diff renders it
// (without the checklist appendix); fails the calling test on bad answers.
std::string render_agreement(const std::string& yaml);

// One pair by name; fails the calling test when there is none.
VersionPair version_pair(const std::string& name);

// `text` with `from` replaced by `to` exactly once; fails the calling test when
// `from` is not there exactly once.
std::string replace_once(const std::string& text, const std::string& from, const std::string& to);

}  // namespace kovgen::test
