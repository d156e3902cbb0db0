#!/usr/bin/env python3
"""Finds phrases that fold alike: two- and three-syllable phrases of a corpus whose forms
without marks are the same and that are both frequent ("dựa vào" / "đưa vào", "sữa chua" /
"sửa chữa"), and writes them as the check of `vnsearch eval --collisions`.

    bench/collisions.py [--corpus DIR] [--out tests/relevance/collisions.jsonl]
    bench/collisions.py --check BINARY --index DIR [--corpus DIR]

The second form measures any vnsearch build (one without `eval --collisions` too): it runs each
phrase of the check through `BINARY search --batch` and reads its top 10 from the corpus
records, with this script's own reading of the text, so the share it prints does not depend on
the index that ranked them.

A phrase is neighbouring syllables not split by punctuation (a hyphen does not split), read as
vnsearch reads them: NFC, lower case, Ð→Đ, the tone mark wherever it was typed (hoà = hòa),
the i/y spellings that `index_schema/spelling.tsv` merges as one. Of the forms held by at least
10 articles (so that a top 10 of them exists), two kinds are kept, each form one line
`{"query", "folded", "articles", "others": [{"form", "articles"}]}`: both frequent (the form and
another of its group each held by `--frequent` articles, 200) and rare beside a dominant form
(held by `--rare` articles, 50, where another form is held by `--dominant` times as many, 10:
"sữa chua" 63 beside "sửa chữa" 718). Forms typed without any mark are left out (they are not
a query with diacritics). On baomoi the 10-article groups alone give some 87,000 phrases,
mostly across word boundaries ("á có", "và tự"), too many to search in a test.
"""

import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SPELLING = os.path.join(REPO, "index_schema", "spelling.tsv")
TOKEN = re.compile(r"\w+")
# Combining tone marks (grave, acute, hook, tilde, dot below); the others are vowel marks.
TONES = "\u0300\u0301\u0309\u0303\u0323"
RULE_INITIALS = {"h", "k", "l", "m", "s", "t", "qu"}


def texts(corpus):
    for path in sorted(glob.glob(os.path.join(corpus, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                yield "\n".join([r.get("title", ""), r.get("summary", ""), r.get("body", "")])


class Reader:
    """Syllables as vnsearch's exact and folded views see them."""

    def __init__(self):
        self.exact_cache = {}
        with open(SPELLING, encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f][1:]
        self.merges = {}
        for row in rows:
            if len(row) > 4 and row[4] == "merge":
                self.merges[self.key(row[0])] = self.key(row[1])

    @staticmethod
    def key(syllable):
        """Placement-free form: the letters with their vowel marks, then the tone apart."""
        decomposed = unicodedata.normalize("NFD", syllable)
        tone = "".join(c for c in decomposed if c in TONES)
        letters = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        return letters + ("|" + tone if tone else "")

    def exact(self, token):
        """(exact key, folded form) of a lower-case token, or None when it is no syllable."""
        hit = self.exact_cache.get(token)
        if hit is not None or token in self.exact_cache:
            return hit
        forms = None
        if not any(c.isdigit() or c == "_" for c in token):
            k = self.key(token)
            k = self.merges.get(k, k)
            folded = "".join(
                c for c in unicodedata.normalize("NFD", token) if not unicodedata.combining(c)
            ).replace("đ", "d")
            if len(folded) <= 3 and folded.endswith("i") and folded[:-1] in RULE_INITIALS:
                folded = folded[:-1] + "y"
            forms = (k, folded)
        self.exact_cache[token] = forms
        return forms

    def runs(self, text):
        """Runs of syllables with no punctuation between neighbours, as (key, folded, written)."""
        text = unicodedata.normalize("NFC", text).replace("Ð", "Đ").replace("ð", "đ").lower()
        run, last_end = [], None
        for m in TOKEN.finditer(text):
            forms = self.exact(m.group())
            gap = text[last_end : m.start()] if last_end is not None else ""
            joined = forms is not None and all(c.isspace() or c in "-–" for c in gap)
            if not joined and run:
                yield run
                run = []
            if forms is not None:
                run.append((forms[0], forms[1], m.group()))
            last_end = m.end()
        if run:
            yield run


def has_marks(key):
    return "|" in key or not key.isascii()


def count(corpus, reader, n, wanted=None):
    """Articles holding each n-syllable phrase (by exact keys), its written forms and its
    folded form."""
    articles = collections.Counter()
    written = collections.defaultdict(collections.Counter)
    folds = {}
    for text in texts(corpus):
        seen = set()
        for run in reader.runs(text):
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                key = " ".join(s[0] for s in gram)
                if wanted is not None and not wanted(gram):
                    continue
                if key not in seen:
                    seen.add(key)
                    written[key][" ".join(s[2] for s in gram)] += 1
                    folds.setdefault(key, " ".join(s[1] for s in gram))
        articles.update(seen)
    return articles, written, folds


def collisions(counted, minimum):
    """Groups of frequent forms that fold alike: folded → [(key, articles, written form)],
    most frequent form first."""
    articles, written, folds = counted
    groups = collections.defaultdict(list)
    for key, n in articles.items():
        if n >= minimum:
            groups[folds[key]].append((key, n, written[key].most_common(1)[0][0]))
    return {f: sorted(g, key=lambda x: (-x[1], x[0])) for f, g in groups.items() if len(g) >= 2}


def holds(reader, text, phrase):
    """Whether the text holds the phrase as typed: a syllable typed with marks with them, one
    typed without in any form."""
    n = len(phrase)
    for run in reader.runs(text):
        for i in range(len(run) - n + 1):
            if all(
                (t[0] == p[0]) if has_marks(p[0]) else (t[1] == p[1])
                for t, p in zip(run[i : i + n], phrase)
            ):
                return True
    return False


def check(args, reader):
    with open(args.out, encoding="utf-8") as f:
        phrases = [json.loads(line) for line in f if line.strip()]
    records = {}
    for path in sorted(glob.glob(os.path.join(args.corpus, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                records[r["id"]] = "\n".join([r.get("title", ""), r.get("summary", ""), r.get("body", "")])
    lines = "".join(
        json.dumps({"query": p["query"], "limit": 10, "snippets": 0}, ensure_ascii=False) + "\n"
        for p in phrases
    )
    out = subprocess.run(
        [args.check, "--index", args.index, "search", "--batch", "-", "--fields", "id"],
        input=lines, capture_output=True, text=True, check=False,
    )
    answers = [json.loads(line) for line in out.stdout.splitlines()]
    held = 0
    for p, answer in zip(phrases, answers):
        phrase = [(k, f) for k, f, _ in next(reader.runs(p["query"]))]
        ids = [h["id"] for h in answer.get("hits", [])][:10]
        needed = min(10, p["articles"])
        if len(ids) >= needed and all(holds(reader, records.get(i, ""), phrase) for i in ids[:needed]):
            held += 1
    print(f"{held}/{len(phrases)} phrases that fold alike hold their top 10 as typed "
          f"({100 * held / max(1, len(phrases)):.1f}%)")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus", "baomoi"))
    parser.add_argument("--min-articles", type=int, default=10)
    parser.add_argument("--frequent", type=int, default=200)
    parser.add_argument("--rare", type=int, default=50)
    parser.add_argument("--dominant", type=int, default=10)
    parser.add_argument("--out", default=os.path.join(REPO, "tests", "relevance", "collisions.jsonl"))
    parser.add_argument("--check", metavar="BINARY")
    parser.add_argument("--index")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        print(f"collisions: skipped: {args.corpus} is absent", file=sys.stderr)
        return 0
    reader = Reader()
    if args.check:
        return check(args, reader)
    counted2 = count(args.corpus, reader, 2)
    bigrams = counted2[0]
    groups2 = collisions(counted2, args.min_articles)
    colliding = {key for g in groups2.values() for key, _, _ in g}
    frequent = {key for key, n in bigrams.items() if n >= args.min_articles}
    print(f"collisions: {len(groups2)} two-syllable groups", file=sys.stderr)

    def candidate(gram):
        # A three-syllable collision holds a two-syllable one: the part where its forms differ.
        first = gram[0][0] + " " + gram[1][0]
        second = gram[1][0] + " " + gram[2][0]
        return (first in colliding or second in colliding) and first in frequent and second in frequent

    groups3 = collisions(count(args.corpus, reader, 3, candidate), args.min_articles)
    print(f"collisions: {len(groups3)} three-syllable groups", file=sys.stderr)

    lines = []
    for groups in (groups2, groups3):
        for folded in sorted(groups):
            forms = groups[folded]
            for key, n, form in forms:
                if not has_marks(key):
                    continue
                rest = [m for k, m, _ in forms if k != key]
                both = n >= args.frequent and max(rest) >= args.frequent
                drowned = n >= args.rare and max(rest) >= args.dominant * n
                if not (both or drowned):
                    continue
                others = [{"form": f, "articles": m} for k, m, f in forms if k != key]
                lines.append({"query": form, "folded": folded, "articles": n, "others": others})
    with open(args.out, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"collisions: {len(lines)} phrases written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
