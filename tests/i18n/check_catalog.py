#!/usr/bin/python3
"""Fails when a message a person can read has no German translation.

Extracts every message marked in the sources (tr, tr_n, N_; src/base/i18n.h)
with xgettext and checks the merged German catalog: each one translated, not
fuzzy, with as many {} placeholders as the English, and no translation left
over for a message the sources no longer have.

Usage: check_catalog.py SOURCE_DIR MERGED_DE_PO XGETTEXT
"""
import pathlib
import subprocess
import sys
import tempfile


def parse_po(text):
    """Entries as dicts: msgid, msgid_plural, msgstr (list), fuzzy."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and ("msgid" in entry):
            entries.append(entry)

    for line in text.splitlines():
        if not line.strip():
            finish()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"msgstr": [], "fuzzy": False}
        if line.startswith("#,") and "fuzzy" in line:
            entry["fuzzy"] = True
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            value = eval(line)  # a C string literal as msgcat writes it
            if field == "msgstr":
                entry["msgstr"][-1] += value
            else:
                entry[field] += value
            continue
        keyword, _, rest = line.partition(" ")
        value = eval(rest)
        if keyword.startswith("msgstr"):
            field = "msgstr"
            entry["msgstr"].append(value)
        else:
            field = keyword
            entry[keyword] = value
    finish()
    return [e for e in entries if e["msgid"] != ""]


def main():
    source_dir, merged_po, xgettext = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    sources = sorted(str(p) for p in (source_dir / "src").rglob("*") if p.suffix in (".cc", ".h"))
    with tempfile.TemporaryDirectory() as tmp:
        pot = pathlib.Path(tmp) / "kovgen.pot"
        subprocess.run([xgettext, "--from-code=UTF-8", "--language=C++", "--no-wrap",
                        "--keyword=tr", "--keyword=tr_n:1,2", "--keyword=N_",
                        "-o", str(pot)] + sources, check=True)
        wanted = parse_po(pot.read_text(encoding="utf-8"))
    catalog = {e["msgid"]: e for e in parse_po(pathlib.Path(merged_po).read_text(encoding="utf-8"))}
    problems = []
    for message in wanted:
        english = message["msgid"]
        german = catalog.get(english)
        if german is None or not all(german["msgstr"]) or german["fuzzy"]:
            problems.append(f"no German translation: {english!r}")
            continue
        for translation in german["msgstr"]:
            if translation.count("{}") != english.count("{}"):
                problems.append(f"placeholders differ: {english!r} -> {translation!r}")
    left_over = set(catalog) - {m["msgid"] for m in wanted}
    for english in sorted(left_over):
        problems.append(f"translation of a message no source has: {english!r}")
    for p in problems:
        print(p)
    print(f"{len(wanted)} messages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
