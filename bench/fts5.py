#!/usr/bin/env python3
"""SQLite FTS5 as the peer that vnsearch is measured against (speed and relevance).

The configuration is the one the issues name: tokenize='unicode61 remove_diacritics 2',
bm25() ranking, snippet(). Documents get the same ids vnsearch gives them: a JSON Lines
record's `id` field (`id@line` for a repeated id, as vnsearch does) and a text file's stem.

    bench/fts5.py build DB PATH...        build a database from .jsonl/.txt files or folders
    bench/fts5.py search DB QUERY [N]     print the top N ids (default 10)

Other scripts import `build`, `to_match`, `search`.
"""

import json
import os
import re
import sqlite3
import sys
import time
import unicodedata

SCHEMA = """
CREATE VIRTUAL TABLE docs USING fts5(
    id UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


def corpus_files(paths):
    """Every .jsonl and .txt file under the given paths, in a stable order."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith((".jsonl", ".txt")):
                        yield os.path.join(root, name)
        else:
            yield path


def records(paths):
    """(id, title, body) for every article, ids as vnsearch assigns them."""
    for path in corpus_files(paths):
        if path.endswith(".jsonl"):
            seen = set()
            with open(path, encoding="utf-8", errors="replace") as f:
                for line_no, line in enumerate(f, 1):
                    line = line.strip()
                    if not line:
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    rid = str(rec.get("id") or f"line{line_no}")
                    if rid in seen:
                        rid = f"{rid}@{line_no}"
                    seen.add(rid)
                    body = "\n".join(
                        part for part in (rec.get("summary"), rec.get("body")) if part
                    )
                    yield rid, rec.get("title") or "", body
        else:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            title, _, body = text.partition("\n")
            yield os.path.splitext(os.path.basename(path))[0], title, body


def build(db_path, paths):
    """Builds the database from scratch; returns (documents, bytes of text)."""
    if os.path.exists(db_path):
        os.remove(db_path)
    con = sqlite3.connect(db_path)
    con.executescript(SCHEMA)
    count = 0
    size = 0
    batch = []
    for rid, title, body in records(paths):
        batch.append((rid, title, body))
        size += len(title.encode()) + len(body.encode())
        count += 1
        if len(batch) >= 1000:
            con.executemany("INSERT INTO docs(id, title, body) VALUES (?, ?, ?)", batch)
            batch.clear()
    con.executemany("INSERT INTO docs(id, title, body) VALUES (?, ?, ?)", batch)
    con.commit()
    con.close()
    return count, size


_WORD = re.compile(r"\w+", re.UNICODE)


def to_match(query):
    """A user's query as an FTS5 MATCH expression: every word required (AND, like
    vnsearch's default), a quoted phrase kept as a phrase; FTS5 syntax characters are
    never passed through, so no query is a syntax error."""
    query = unicodedata.normalize("NFC", query.replace("\u00d0", "\u0110"))
    parts = []
    for i, chunk in enumerate(query.split('"')):
        words = _WORD.findall(chunk)
        if not words:
            continue
        if i % 2 == 1:
            parts.append('"' + " ".join(words) + '"')
        else:
            parts.extend('"' + w + '"' for w in words)
    return " AND ".join(parts)


def search(con, query, limit=10, snippets=True):
    """Top `limit` (id, score, snippet) by bm25, best first (title weighted ×2 as in vnsearch)."""
    match = to_match(query)
    if not match:
        return []
    snippet = "snippet(docs, 2, '[', ']', '…', 32)" if snippets else "''"
    sql = (
        f"SELECT id, bm25(docs, 0.0, 2.0, 1.0) AS score, {snippet} FROM docs "
        "WHERE docs MATCH ? ORDER BY score LIMIT ?"
    )
    return con.execute(sql, (match, limit)).fetchall()


def main(argv):
    if len(argv) >= 3 and argv[1] == "build":
        start = time.perf_counter()
        count, size = build(argv[2], argv[3:])
        secs = time.perf_counter() - start
        print(f"{count} documents, {size / 1e6:.1f} MB in {secs:.1f} s")
        return 0
    if len(argv) >= 4 and argv[1] == "search":
        con = sqlite3.connect(argv[2])
        limit = int(argv[4]) if len(argv) > 4 else 10
        for rid, score, snip in search(con, argv[3], limit):
            print(f"{rid}\t{score:.3f}\t{snip}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
