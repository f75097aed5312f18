#!/usr/bin/python3
"""Compiles a libhyphen dictionary into C++ tables (run by src/hyphenation).

    hyphen_patterns.py DICTIONARY.dic OUTPUT.cc

hyphen-de's hyph_de_DE.dic has two levels: a list of about 69,000 compounds
whose digits mark the joints ("mittags1pause"), then, after NEXTLEVEL, the
TeX patterns for syllables. libhyphen turns that into a state machine on every
load, which takes seconds of CPU time; a document takes milliseconds. So the
patterns are sorted here, once, into constant tables that need no loading.

Each level becomes three arrays: the letters of all patterns (ISO-8859-1, '.'
for the word's edge) back to back, the offset of each pattern's letters, and
for pattern i its len+1 digits (the value before each letter and after the
last) starting at offset[i] + i.

For the look-up each level also becomes a trie of its patterns' letters, the
children of node n being the child_count[n] nodes from child_begin[n] on,
sorted by their letter, and the blocks of children laid out depth first. Per
node: its letter, the index of the pattern that ends there exactly plus one
(0: none), and its fallback, the node of the longest proper suffix of its
letters that is a node too (Aho-Corasick's failure link), so that one pass over
a word finds, after each letter, the longest string ending there that begins a
pattern. Node 0 is the root. A node's child_begin, child_count, pattern and
fallback lie side by side (one TrieNode), and the letters in an array of their
own, which a node's children's search reads: a step down the trie then touches
two places in memory, not three.
"""
import sys


def parse(path):
    levels = [[]]
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    encoding = lines[0].strip().decode("ascii")
    for raw in lines[1:]:
        line = raw.strip().decode(encoding)
        if not line or line.startswith("#") or line.startswith("%"):
            continue
        if line == "NEXTLEVEL":
            levels.append([])
            continue
        word = line.split()[0]
        if word.isupper() or "-" in word or "'" in word or "/" in word:
            continue  # a keyword (LEFTHYPHENMIN ...) or NOHYPHEN's patterns
        letters, digits = "", ["0"]
        for ch in word:
            if ch.isdigit():
                digits[-1] = ch
            else:
                letters += ch
                digits.append("0")
        levels[-1].append((letters.encode("iso-8859-1"), "".join(digits)))
    for i, level in enumerate(levels):
        # A pattern listed twice keeps the digits of its last line, as libhyphen,
        # which overwrites the state's match ("ka1bi1nett", later "kabinett").
        last = {}
        for key, digits in level:
            last[key] = digits
        levels[i] = sorted(last.items())
    return levels


def c_string(data):
    out, line = [], ""
    for b in data:
        ch = chr(b)
        line += ch if 0x20 <= b < 0x7F and ch not in '"\\?' else "\\%03o" % b
        if len(line) > 100:
            out.append('"%s"' % line)
            line = ""
    out.append('"%s"' % line)
    return "\n    ".join(out)


def fallbacks(children):
    """Per node (numbered as created, 0 the root) the node of the longest proper
    suffix of its letters that is a node as well; 0 for none."""
    fallback = [0] * len(children)
    queue = list(children[0].values())  # the root's children fall back to the root
    for node in queue:  # grows while it is walked: breadth first
        for letter, child in children[node].items():
            f = fallback[node]
            while f and letter not in children[f]:
                f = fallback[f]
            fallback[child] = children[f].get(letter, 0)
            queue.append(child)
    return fallback


def trie(level):
    """(child_begin, child_count, letters, patterns, fallbacks) of the level's trie, per node."""
    children = [{}]  # node -> {letter: node}, numbered as created
    pattern = [-1]
    for index, (key, _) in enumerate(level):
        node = 0
        for letter in key:
            if letter not in children[node]:
                children[node][letter] = len(children)
                children.append({})
                pattern.append(-1)
            node = children[node][letter]
        pattern[node] = index
    # Each node's children lie side by side; the blocks of children follow each
    # other depth first, so that a walk down a long compound, past its last
    # fork, reads memory in order.
    order, letter_of, begin = [0], [0], {}
    stack = [0]
    while stack:
        node = stack.pop()
        begin[node] = len(order)
        kids = sorted(children[node].items())
        for letter, child in kids:
            order.append(child)
            letter_of.append(letter)
        stack.extend(child for _, child in reversed(kids))
    fallback = fallbacks(children)
    index = {node: i for i, node in enumerate(order)}
    return ([begin[n] for n in order], [len(children[n]) for n in order], bytes(letter_of),
            [pattern[n] for n in order], [index[fallback[n]] for n in order])


def main(source, output):
    levels = parse(source)
    if len(levels) != 2:
        sys.exit("expected a compound level and a NEXTLEVEL: " + source)
    parts = ["// Generated by cmake/hyphen_patterns.py from " + source.split("/")[-1] + ". Do not edit.",
             '#include "hyphen_patterns.h"', "", "namespace kovgen::hyphenation {", "namespace {"]
    names = ["kCompound", "kSyllable"]
    for name, level in zip(names, levels):
        keys = b"".join(k for k, _ in level)
        digits = "".join(d for _, d in level).encode("ascii")
        offsets, pos = [], 0
        for k, _ in level:
            offsets.append(pos)
            pos += len(k)
        offsets.append(pos)
        parts.append("const char %sLetters[] =\n    %s;" % (name, c_string(keys)))
        parts.append("const char %sDigits[] =\n    %s;" % (name, c_string(digits)))
        rows = [", ".join(str(o) for o in offsets[i:i + 16]) for i in range(0, len(offsets), 16)]
        parts.append("const unsigned %sOffsets[] = {\n    %s};" % (name, ",\n    ".join(rows)))
        begin, count, letters, patterns, fallback = trie(level)
        # TrieNode's bit fields (hyphen_patterns.h).
        if len(begin) >= 1 << 20 or len(level) + 1 >= 1 << 18 or max(count) >= 1 << 6:
            sys.exit("the patterns do not fit TrieNode's bit fields: " + source)
        cells = ["{%d, %d, %d, %d}" % (b, c, p + 1, f) for b, c, p, f in zip(begin, count, patterns, fallback)]
        rows = [", ".join(cells[i:i + 12]) for i in range(0, len(cells), 12)]
        parts.append("const TrieNode %sNodes[] = {\n    %s};" % (name, ",\n    ".join(rows)))
        parts.append("const char %sNodeLetters[] =\n    %s;" % (name, c_string(letters)))
    parts.append("}  // namespace")
    for name, level in zip(names, levels):
        parts.append("const PatternLevel %sLevel{%sLetters, %sDigits, %sOffsets, %d,"
                     " %sNodes, %sNodeLetters};"
                     % (name, name, name, name, len(level), name, name))
    parts.append("}  // namespace kovgen::hyphenation\n")
    with open(output, "w", encoding="ascii") as f:
        f.write("\n".join(parts))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
