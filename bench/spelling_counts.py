#!/usr/bin/env python3
"""Counts, in the baomoi corpus, the articles holding each form of index_schema/spelling.tsv.

    bench/spelling_counts.py [--corpus DIR] [--write] [PHRASE ...]

Prints the table with fresh counts (`--write` writes them into index_schema/spelling.tsv); the
decisions and notes are the table's own. Phrases given on the command line are counted too
(articles holding the phrase, lower case, NFC, as written: no tone or spelling unification), for
README's table of what vnsearch treats as one word.
"""

import argparse
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TABLE = os.path.join(REPO, "index_schema", "spelling.tsv")
WORD = re.compile(r"[^\W\d_]+")


def articles(corpus):
    for path in sorted(glob.glob(os.path.join(corpus, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                text = "\n".join([r.get("title", ""), r.get("summary", ""), r.get("body", "")])
                yield unicodedata.normalize("NFC", text).lower()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus", "baomoi"))
    parser.add_argument("--write", action="store_true")
    parser.add_argument("phrases", nargs="*")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"spelling_counts: skipped: {args.corpus} is absent", file=sys.stderr)
        return 0
    with open(TABLE, encoding="utf-8") as f:
        header, *rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    forms = {cell for row in rows for cell in row[:2]}
    phrases = [unicodedata.normalize("NFC", p).lower() for p in args.phrases]
    counts = dict.fromkeys(forms, 0)
    phrase_counts = dict.fromkeys(phrases, 0)
    for text in articles(args.corpus):
        words = WORD.findall(text)
        for form in forms.intersection(words):
            counts[form] += 1
        if phrases:
            joined = " " + " ".join(words) + " "
            for p in phrases:
                if f" {p} " in joined:
                    phrase_counts[p] += 1
    lines = ["\t".join(header)]
    for row in rows:
        row[2], row[3] = str(counts[row[0]]), str(counts[row[1]])
        lines.append("\t".join(row))
    out = "\n".join(lines) + "\n"
    if args.write:
        with open(TABLE, "w", encoding="utf-8") as f:
            f.write(out)
    else:
        sys.stdout.write(out)
    for p in phrases:
        print(f"{p}\t{phrase_counts[p]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
