#!/usr/bin/python3
"""Subsets a TrueType font for kovgen's PDF writer (run by cmake/fonts.cmake).

    subset_font.py SOURCE.ttf OUTPUT.ttf UNICODES

UNICODES is a fontTools range list ("U+0020-007E,U+00A0-017F"). Besides the
subset, every composite glyph is decomposed into a plain outline: libharu keeps
the components of a used glyph only one level deep when it empties unused
glyphs, so a letter built from composites (DejaVu's "ễ" = "ê" + tilde, with
"ê" itself "e" + circumflex) would print without its accents.

The subset also gets a tiny 'prep' table: libharu 2.3 writes the tables of an
embedded font in a fixed order ending with 'prep', seeks to each table's start,
and fails when a missing (empty) 'prep' starts exactly at a 4096-byte boundary
of its buffer. Then the whole PDF could not be written (and libharu leaked),
for about one in a thousand sets of used glyphs (found by fuzz/pdf_fuzz.cc:
"# diLehr" as a heading).
"""
import sys

from fontTools import subset
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import newTable
from fontTools.ttLib.tables import ttProgram


def options():
    o = subset.Options()
    o.hinting = False           # PDF viewers hint themselves
    o.glyph_names = False       # post format 3
    o.layout_features = []      # libharu does not shape
    o.name_IDs = [1, 2, 3, 4, 5, 6]
    o.drop_tables += ["GDEF", "GPOS", "GSUB", "kern", "FFTM", "gasp", "MATH"]
    return o


def decompose(font):
    glyf = font["glyf"]
    glyphs = font.getGlyphSet()
    for name in font.getGlyphOrder():
        if glyf[name].isComposite():
            outline = DecomposingRecordingPen(glyphs)  # components become contours
            glyphs[name].draw(outline)
            pen = TTGlyphPen(None)
            outline.replay(pen)
            glyph = pen.glyph()
            if glyph.numberOfContours > 0:
                glyph.recalcBounds(glyf)  # the subsetter does not recalculate them
            glyf[name] = glyph


def add_prep(font):
    """A control-value program that does nothing: PUSHB[0] 0, POP."""
    prep = newTable("prep")
    prep.program = ttProgram.Program()
    prep.program.fromBytecode(b"\xb0\x00\x21")
    font["prep"] = prep


def main(source, output, unicodes):
    o = options()
    font = subset.load_font(source, o)
    subsetter = subset.Subsetter(o)
    subsetter.populate(unicodes=subset.parse_unicodes(unicodes))
    subsetter.subset(font)
    decompose(font)
    add_prep(font)
    subset.save_font(font, output, o)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
