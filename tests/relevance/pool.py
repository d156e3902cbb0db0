#!/usr/bin/env python3
"""Pooling and judging helper for the relevance set (see README.md in this folder).

    pool.py count PHRASE...              articles holding each phrase (folded / as typed)
    pool.py pool QID...                  pool the top $DEPTH (20) of several systems for each base
                                         query of queries.jsonl and print, per pooled article,
                                         its title, summary and the passages about the query
    pool.py grade GRADES                 merge "QID id:grade id:grade ..." lines into queries.jsonl

Systems pooled: vnsearch as typed, vnsearch without diacritics, vnsearch as a quoted phrase,
SQLite FTS5 (bench/fts5.py, every word required) and a plain grep for the folded phrase
(ranked by occurrences, title counted three times). Environment: VNSEARCH (binary),
VNSEARCH_INDEX, FTS5_DB, CORPUS (default ../shared/corpus/baomoi from the repository).
VNSEARCH_BEFORE and VNSEARCH_BEFORE_INDEX pool a second vnsearch too (the ranking before a
change: as typed and without diacritics), so a pool holds the tops from before and after it.
BLIND=1 leaves out which systems found each article, so that grades never see a rank.
"""

import json
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "bench"))
import fts5  # noqa: E402

CORPUS = os.environ.get("CORPUS", os.path.join(REPO, "..", "shared", "corpus", "baomoi"))
VNSEARCH = os.environ.get("VNSEARCH", os.path.join(REPO, "target", "release", "vnsearch"))
INDEX = os.environ.get("VNSEARCH_INDEX", "/work/rel-index")
FTS5_DB = os.environ.get("FTS5_DB", "/work/rel-fts5.db")
QUERIES = os.path.join(HERE, "queries.jsonl")


def fold(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").replace("Ð", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", text).lower()


def words(text):
    return re.findall(r"\w+", text)


_DOCS = None


def docs():
    """id -> (title, summary, body), ids as vnsearch assigns them."""
    global _DOCS
    if _DOCS is None:
        _DOCS = {}
        for path in fts5.corpus_files([CORPUS]):
            seen = set()
            with open(path, encoding="utf-8", errors="replace") as f:
                for line_no, line in enumerate(f, 1):
                    rec = json.loads(line)
                    rid = rec["id"]
                    if rid in seen:
                        rid = f"{rid}@{line_no}"
                    seen.add(rid)
                    _DOCS[rid] = (rec.get("title", ""), rec.get("summary", ""), rec.get("body", ""))
    return _DOCS


_FOLDED = {}


def folded_doc(rid):
    if rid not in _FOLDED:
        t, s, b = docs()[rid]
        _FOLDED[rid] = (" ".join(words(fold(t))), " ".join(words(fold(s + " " + b))))
    return _FOLDED[rid]


def phrase_pattern(query):
    return re.compile(r"\b" + r"\s+".join(map(re.escape, words(fold(query)))) + r"\b")


def grep_run(query, depth):
    pat = phrase_pattern(query)
    scored = []
    for rid in docs():
        t, b = folded_doc(rid)
        n = 3 * len(pat.findall(t)) + len(pat.findall(b))
        if n:
            scored.append((-n, rid))
    scored.sort()
    return [rid for _, rid in scored[:depth]]


def vnsearch_run(query, depth, binary=VNSEARCH, index=INDEX):
    out = subprocess.run(
        [binary, "--index", index, "search", "--jsonl", "--snippets", "0", "--limit", str(depth), "--", query],
        capture_output=True, text=True,
    ).stdout
    return [json.loads(line)["id"] for line in out.splitlines() if line.strip()]


def fts5_run(query, depth):
    con = sqlite3.connect(FTS5_DB)
    return [r[0] for r in fts5.search(con, query, depth, snippets=False)]


def load_queries():
    with open(QUERIES, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def passages(text, pat, limit=2, width=130):
    """Passages of the original text around the folded phrase (folding keeps lengths for NFC)."""
    norm = unicodedata.normalize("NFC", text)
    low = fold(norm)
    out = []
    # fold() keeps one character per NFC character, so positions carry over.
    flat = re.sub(r"\W", " ", low)
    loose = re.compile(pat.pattern.replace(r"\s+", r"\W+"))
    for m in loose.finditer(flat):
        a, b = max(0, m.start() - width), min(len(norm), m.end() + width)
        out.append("…" + norm[a:m.start()] + "[" + norm[m.start():m.end()] + "]" + norm[m.end():b] + "…")
        if len(out) >= limit:
            break
    return out


def pool(qid, depth=20):
    q = next(q for q in load_queries() if q["id"] == qid)
    query = q["query"]
    runs = {
        "vn": vnsearch_run(query, depth),
        "vn-fold": vnsearch_run(fold(query), depth),
        "vn-phrase": vnsearch_run('"' + query + '"', depth),
        "fts5": fts5_run(query, depth) if os.path.exists(FTS5_DB) else [],
        "grep": grep_run(query, depth),
    }
    before = os.environ.get("VNSEARCH_BEFORE")
    if before:
        before_index = os.environ.get("VNSEARCH_BEFORE_INDEX", INDEX)
        runs["vn-before"] = vnsearch_run(query, depth, before, before_index)
        runs["vn-before-fold"] = vnsearch_run(fold(query), depth, before, before_index)
    pooled = []
    for ids in runs.values():
        for rid in ids:
            if rid not in pooled:
                pooled.append(rid)
    pat = phrase_pattern(query)
    print(f"### {qid} {query!r}: {len(pooled)} pooled")
    for rid in sorted(pooled):
        t, s, b = docs()[rid]
        tf, bf = folded_doc(rid)
        n = len(pat.findall(tf)) + len(pat.findall(bf))
        by = ",".join(name for name, ids in runs.items() if rid in ids)
        tag = "" if os.environ.get("BLIND") == "1" else f" [{by}]"
        print(f"\n== {rid}{tag} phrase×{n}\nT: {t}\nS: {s[:250]}")
        for p in passages(b, pat):
            print("P:", p)
        if n == 0:
            first = words(query)[0]
            for p in passages(b, phrase_pattern(first), 1, 100):
                print("W:", p)


def count(phrases):
    for phrase in phrases:
        pat = phrase_pattern(phrase)
        exact = re.compile(re.escape(phrase), re.IGNORECASE)
        nf = sum(1 for rid in docs() if pat.search(folded_doc(rid)[0] + " " + folded_doc(rid)[1]))
        ne = sum(1 for t, s, b in docs().values() if exact.search(unicodedata.normalize("NFC", t + " " + s + " " + b)))
        print(f"{nf:6d} {ne:6d}  {phrase}")


def grade(path):
    grades = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            qid, *pairs = line.split()
            for pair in pairs:
                rid, g = pair.rsplit(":", 1)
                grades.setdefault(qid, {})[rid] = int(g)
    queries = load_queries()
    for q in queries:
        if q["id"] in grades:
            q["judgments"] = dict(sorted(grades[q["id"]].items()))
    with open(QUERIES, "w", encoding="utf-8") as f:
        for q in queries:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "count":
        count(args)
    elif cmd == "pool":
        depth = int(os.environ.get("DEPTH", "20"))
        for qid in args:
            pool(qid, depth)
    elif cmd == "grade":
        grade(args[0])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
