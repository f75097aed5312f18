#pragma once
// The pair kerning of the text fonts, generated at build time from the source
// fonts by cmake/kern_table.py (the embedded subsets carry none).
namespace kovgen {

struct KernPair {
  char16_t left, right;
  short value;  // thousandths of an em
};

struct KernTable {
  const KernPair* pairs;  // sorted by (left, right)
  int count;
};

// One table per text face, in layout::Face order (regular, bold, italic, bold italic).
extern const KernTable kKernTables[];
extern const int kKernTableCount;

}  // namespace kovgen
