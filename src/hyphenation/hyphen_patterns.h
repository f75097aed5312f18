#pragma once
// Liang's hyphenation patterns as constant tables, generated at build time from
// hyphen-de by cmake/hyphen_patterns.py (see there for the layout).
#include <cstdint>
#include <string_view>
#include <vector>

namespace kovgen::hyphenation {

// Eight bytes a node, as the trie's nodes are what a look-up reads: the compound
// level has some 280,000 of them (cmake/hyphen_patterns.py checks the widths).
struct TrieNode {
  uint64_t child_begin : 20;
  uint64_t child_count : 6;
  uint64_t pattern_plus_one : 18;  // the pattern ending exactly at this node, plus one; 0 for none
  uint64_t fallback : 20;          // the longest proper suffix of this node's letters that is a node (0: the root)
};
static_assert(sizeof(TrieNode) == 8);

struct PatternLevel {
  const char* letters;      // ISO-8859-1, '.' marks the edge of the word
  const char* digits;       // pattern i: offsets[i + 1] - offsets[i] + 1 digits at offsets[i] + i
  const unsigned* offsets;  // count + 1 entries
  unsigned count;
  // The trie of the patterns' letters (node 0 the root): the children of node
  // n are the nodes[n].child_count nodes from nodes[n].child_begin on, sorted by
  // node_letters; with the fallbacks an Aho-Corasick automaton.
  const TrieNode* nodes;
  const char* node_letters;
};

// The joints of German compounds ("mittags1pause") and the syllable patterns.
extern const PatternLevel kCompoundLevel;
extern const PatternLevel kSyllableLevel;

// The pattern values between the letters of `word` (lower case, ISO-8859-1,
// without the edge dots) as libhyphen's automaton finds them (see the .cc): values[k] belongs to the gap before word[k], so the result has
// word.size() + 1 entries; an odd value allows a break there.
std::vector<unsigned char> pattern_values(const PatternLevel& level, std::string_view word);

}  // namespace kovgen::hyphenation
