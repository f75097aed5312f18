#!/usr/bin/env python3
"""Regenerates the seed corpora in fuzz/corpus/ from the samples and test data.

Seeds are kept small (a few KB), so the fuzzers run fast: answers files are cut
into one file per top-level section (each keeping "vorlage:"), Markdown drafts
into one file per "## " section. Hand-written seeds (fuzz/seeds/<target>/) are
copied as they are. Run from anywhere: python3 fuzz/make_corpus.py
"""
import glob
import hashlib
import os
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
MAX_SEED = 4096


def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data.strip() or len(data) > MAX_SEED:
        return
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


def answers_pieces(text):
    """vorlage + one top-level section per piece; comments dropped."""
    lines = [l for l in text.splitlines() if not l.lstrip().startswith("#")]
    vorlage = next((l for l in lines if l.startswith("vorlage:")), "vorlage: ogs")
    pieces, current = [], []
    for line in lines:
        if re.match(r"^[a-z_]+:", line) and not line.startswith("vorlage:"):
            if current:
                pieces.append(current)
            current = [line]
        elif current:
            current.append(line)
    if current:
        pieces.append(current)
    for p in pieces:
        body = "\n".join(p).strip("\n")
        yield vorlage + "\n" + body + "\n"


def markdown_pieces(text):
    chunks = re.split(r"(?m)^(?=## )", text)
    for c in chunks:
        while len(c.encode("utf-8")) > MAX_SEED:
            cut = c.rfind("\n\n", 0, MAX_SEED // 2)
            if cut <= 0:
                cut = MAX_SEED // 2
            yield c[:cut]
            c = c[cut:]
        yield c


def main():
    for target in ("answers", "compose", "csv", "docx", "pdf"):
        shutil.rmtree(os.path.join(CORPUS, target), ignore_errors=True)

    answer_files = sorted(glob.glob(os.path.join(ROOT, "samples", "*", "*.yaml")))
    answer_files += sorted(glob.glob(os.path.join(ROOT, "tests", "data", "*.yaml")))
    for path in answer_files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if "vorlage: mini" in text:
            text = text.replace("vorlage: mini", "vorlage: ogs")
        for piece in answers_pieces(text):
            put("answers", piece)
            put("compose", piece)

    md_files = sorted(glob.glob(os.path.join(ROOT, "tests", "data", "*", "*.md")))
    md_files += sorted(glob.glob(os.path.join(ROOT, "tests", "golden", "*.md")))
    for path in md_files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for piece in markdown_pieces(text):
            put("docx", piece)
            put("pdf", piece)

    for target in ("answers", "compose", "csv", "docx", "pdf"):
        for path in sorted(glob.glob(os.path.join(ROOT, "fuzz", "seeds", target, "*"))):
            with open(path, "rb") as f:
                put(target, f.read())


if __name__ == "__main__":
    main()
