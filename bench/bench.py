#!/usr/bin/env python3
"""vnsearch against SQLite FTS5, raw tantivy and ripgrep on one corpus, in one run: build time,
size, memory, 1,000 queries in-process, a cold search process. Called by `bench/run` (which
builds the binary and installs ripgrep, hyperfine and tantivy-cli); prints a Markdown table, and
with --readme puts it in README.md between the bench markers.

    bench/bench.py --corpus ../shared/corpus/baomoi --bin target/release/vnsearch \
        --latency target/release/examples/query_latency [--tantivy ~/.cargo/bin/tantivy] \
        [--queries 1000] [--rg-sample 100]

Raw tantivy (`tantivy-cli`, `--tantivy`) is the floor for a tantivy-based engine: title,
summary and body as `default`-tokenizer text fields (lower case, no folding) with positions,
all stored, 2 indexing threads, no extraction; its column is left out when `--tantivy` is not
given.
"""

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fts5  # noqa: E402  (the shared FTS5 peer: build, search, to_match, records)

SEED = 4
# Provinces that news of any year mentions often; canonical names as vnsearch's table has them.
PROVINCES = [
    "Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Thanh Hóa", "Nghệ An",
    "Quảng Ninh", "Khánh Hòa", "Lâm Đồng", "Đồng Nai", "Bình Dương", "Quảng Nam", "Hà Tĩnh",
]
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
README_BEGIN = "<!-- bench:begin -->"
# Wall times on a shared machine mean little without the load they were taken under.
LOAD_AT_START = os.getloadavg()[0]
README_END = "<!-- bench:end -->"


def fold(text):
    """Vietnamese without diacritics, as a user types it on a plain keyboard."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def corpus_bytes(path):
    return sum(os.path.getsize(f) for f in fts5.corpus_files([path]))


def folder_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(
        os.path.getsize(os.path.join(root, name))
        for root, _, names in os.walk(path)
        for name in names
    )


def timed(cmd, **kwargs):
    """Runs a command under /usr/bin/time -v: (seconds, peak RSS in bytes, completed process);
    `proc.cpu_seconds` is its user + system CPU time."""
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, **kwargs
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    proc.cpu_seconds = sum(
        float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr)
    )
    return seconds, int(rss.group(1)) * 1024 if rss else 0, proc


def make_queries(corpus, count):
    """A deterministic query set drawn from the corpus text: single syllables, 2–4 syllable runs
    (bare words and quoted phrases), unaccented variants, and some with province/year filters."""
    rng = random.Random(SEED)
    docs = [title + " " + body for _, title, body in fts5.records([corpus])]
    rng.shuffle(docs)
    queries = []
    kinds = (
        ["word"] * 25 + ["run2"] * 20 + ["run3"] * 12 + ["run4"] * 8 + ["phrase"] * 5
        + ["folded"] * 15 + ["province"] * 8 + ["year"] * 7
    )
    i = 0
    while len(queries) < count:
        text = docs[i % len(docs)]
        i += 1
        words = WORD.findall(text[:4000])
        if len(words) < 8:
            continue
        kind = kinds[len(queries) % len(kinds)]
        n = {"word": 1, "run2": 2, "run3": 3, "run4": 4, "phrase": 3}.get(kind, rng.randint(1, 3))
        at = rng.randrange(0, len(words) - n)
        q = " ".join(words[at : at + n])
        entry = {"kind": kind}
        if kind == "phrase":
            q = f'"{q}"'
        if kind == "folded":
            q = fold(q)
        if kind == "province":
            entry["province"] = rng.choice(PROVINCES)
        if kind == "year":
            entry["year"] = 2017
        entry["q"] = q
        queries.append(entry)
    return queries


def percentiles(values):
    ordered = sorted(values)
    pick = lambda p: ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
    return pick(50), pick(95), pick(99)


def bench_build(args, work):
    """Full builds of both engines over the corpus."""
    size = corpus_bytes(args.corpus)
    index = os.path.join(work, "vnsearch-index")
    secs, rss, proc = timed([args.bin, "index", "--quiet", "--index", index, args.corpus])
    summary = proc.stderr.strip().splitlines()
    summary = next((l for l in summary if "indexed" in l), "")
    docs = int(re.search(r"(\d+) documents in the index", summary).group(1))
    vn = {
        "seconds": secs, "cpu": proc.cpu_seconds, "rss": rss, "bytes": folder_bytes(index),
        "docs": docs, "summary": summary,
    }

    # A second run over the unchanged corpus: the incremental path. It first deletes the files
    # of segments merged away, which may still be on disk right after the build: the size is
    # measured after it.
    resecs, _, proc = timed([args.bin, "index", "--quiet", "--index", index, args.corpus])
    vn["rerun_seconds"] = resecs
    vn["bytes"] = folder_bytes(index)

    db = os.path.join(work, "fts5.db")
    secs, rss, proc = timed([sys.executable, fts5.__file__, "build", db, args.corpus])
    fdocs = int(proc.stdout.split()[0])
    ft = {"seconds": secs, "cpu": proc.cpu_seconds, "rss": rss, "bytes": os.path.getsize(db), "docs": fdocs}
    return size, index, db, vn, ft


# The raw tantivy index: the three texts of a record as tantivy-cli's `default` tokenizer reads
# them, with positions, all stored (meta.json as `tantivy new` writes it, without its prompts).
TANTIVY_FIELDS = ("title", "summary", "body")
TANTIVY_THREADS = 2


def tantivy_meta():
    text = {
        "indexing": {"record": "position", "fieldnorms": True, "tokenizer": "default"},
        "stored": True,
        "fast": False,
    }
    return {
        "index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
        "segments": [],
        "schema": [{"name": name, "type": "text", "options": text} for name in TANTIVY_FIELDS],
        "opstamp": 0,
    }


def bench_tantivy_build(args, work):
    """tantivy-cli's build of the same records (converted beforehand to the one JSON object a
    line it reads; the conversion is not timed). None when tantivy-cli fails."""
    index = os.path.join(work, "tantivy-index")
    os.makedirs(index)
    with open(os.path.join(index, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(tantivy_meta(), f)
    docs_path = os.path.join(work, "tantivy-docs.json")
    docs = 0
    with open(docs_path, "w", encoding="utf-8") as out:
        for path in fts5.corpus_files([args.corpus]):
            if not path.endswith(".jsonl"):
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                for line in f:
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    doc = {name: rec.get(name) or "" for name in TANTIVY_FIELDS}
                    out.write(json.dumps(doc, ensure_ascii=False) + "\n")
                    docs += 1
    cmd = [args.tantivy, "index", "-i", index, "-f", docs_path, "-t", str(TANTIVY_THREADS)]
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    secs = time.perf_counter() - start
    if proc.returncode != 0 or "Terminated successfully" not in proc.stdout:
        print(f"bench: raw tantivy left out: tantivy index failed:\n{proc.stderr[-1000:]}", file=sys.stderr)
        return None
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr))
    return {
        "index": index, "seconds": secs, "cpu": cpu, "rss": int(rss.group(1)) * 1024 if rss else 0,
        "bytes": folder_bytes(index), "docs": docs,
    }


def tantivy_query(q):
    """A benchmark query in tantivy's query language, as vnsearch reads it: every bare word
    required, a quoted phrase as a phrase. Lower case (the `default` tokenizer lowercases
    anyway), so no word reads as an operator (AND, OR, NOT, IN, TO)."""
    text = q["q"].lower()
    if text.startswith('"'):
        return '"' + " ".join(fts5._WORD.findall(text)) + '"'
    return " ".join(f"+{w}" for w in fts5._WORD.findall(text))


def bench_tantivy_queries(args, tv, queries, work):
    """`tantivy bench`: each query parsed and run for the top 10 and the count, then the top
    10 fetched from the store; a query's latency is the sum of the two (no snippets, no
    filters). None when it fails."""
    qfile = os.path.join(work, "tantivy-queries.txt")
    with open(qfile, "w", encoding="utf-8") as f:
        for q in queries:
            f.write(tantivy_query(q) + "\n")
    proc = subprocess.run(
        [args.tantivy, "bench", "-i", tv["index"], "-q", qfile, "-n", "1"],
        capture_output=True, text=True,
    )
    if proc.returncode != 0:
        print(f"bench: raw tantivy queries left out: tantivy bench failed:\n{proc.stderr[-1000:]}", file=sys.stderr)
        return None
    _, _, rest = proc.stdout.partition("SEARCH\n")
    search_part, _, fetch_part = rest.partition("FETCH STORE\n")
    search = [l.rsplit("\t", 2) for l in search_part.splitlines() if l.count("\t") >= 2]
    search = [r for r in search if r[1].isdigit()]
    fetch = [l.rsplit("\t", 1) for l in fetch_part.splitlines() if "\t" in l]
    fetch = [r for r in fetch if r[1].isdigit()]
    if len(search) != len(queries) or len(fetch) != len(queries):
        print(f"bench: raw tantivy queries left out: tantivy bench answered {len(search)} of {len(queries)}", file=sys.stderr)
        return None
    latencies = [(int(s[2]) + int(f[1])) / 1e3 for s, f in zip(search, fetch)]
    return {"lat": latencies, "hits": sum(1 for s in search if int(s[1]) > 0)}


def bench_queries(args, index, db, queries, work):
    qfile = os.path.join(work, "queries.jsonl")
    with open(qfile, "w", encoding="utf-8") as f:
        for q in queries:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    # vnsearch: one process, the engine opened once, each query timed inside.
    proc = subprocess.run([args.latency, index, qfile], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench: query_latency failed:\n{proc.stderr[-2000:]}")
    rows = [line.split("\t") for line in proc.stdout.splitlines()]
    vn_lat = [float(r[0]) / 1e3 for r in rows]
    vn_hits = sum(1 for r in rows if int(r[1]) > 0)

    # vnsearch search --batch: the whole process (open, 1,000 answers as JSON lines, exit); it
    # answers chunks of lines in parallel.
    bfile = os.path.join(work, "batch.jsonl")
    with open(bfile, "w", encoding="utf-8") as f:
        for q in queries:
            line = {"query": q["q"]}
            line.update({k: q[k] for k in ("province", "year") if k in q})
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    start = time.perf_counter()
    proc = subprocess.run(
        [args.bin, "search", "--index", index, "--limit", "10", "--batch", bfile],
        capture_output=True, text=True,
    )
    batch_s = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench: search --batch failed:\n{proc.stderr[-2000:]}")
    batch_lines = len(proc.stdout.splitlines())
    if batch_lines != len(queries):
        sys.exit(f"bench: search --batch answered {batch_lines} of {len(queries)} lines")

    # FTS5: one connection, top 10 by bm25 with snippet(); filters cannot be expressed (FTS5 has
    # no extracted provinces or dates), so the filtered queries run on their text alone.
    con = sqlite3.connect(db)
    fts_lat = []
    fts_hits = 0
    for q in queries:
        start = time.perf_counter()
        hits = fts5.search(con, q["q"], 10, snippets=True)
        fts_lat.append((time.perf_counter() - start) * 1e3)
        fts_hits += bool(hits)
    con.close()

    # ripgrep: each query's words as one fixed string (ignoring case) over the raw files; a
    # sample of the queries, extrapolated to the whole set.
    sample = queries[:: max(1, len(queries) // args.rg_sample)][: args.rg_sample]
    start = time.perf_counter()
    rg_hits = 0
    for q in sample:
        needle = " ".join(fts5._WORD.findall(q["q"]))
        proc = subprocess.run(
            ["rg", "-c", "-i", "-F", "--no-filename", needle, args.corpus],
            capture_output=True, text=True,
        )
        rg_hits += proc.returncode == 0
    rg_total = (time.perf_counter() - start) * len(queries) / len(sample)
    return {
        "vn": vn_lat, "vn_hits": vn_hits, "batch_s": batch_s,
        "fts": fts_lat, "fts_hits": fts_hits,
        "rg_total_s": rg_total, "rg_sample": len(sample), "rg_hits": rg_hits,
    }


def bench_cold(args, index, db, queries):
    """Median wall time of a whole `vnsearch search` process (open, answer, exit), and of the
    FTS5 script doing the same, over the same few queries."""
    picks = [q["q"] for q in queries[:: max(1, len(queries) // 20)][:20]]
    vn_cmds = [[args.bin, "search", "--index", index, "--limit", "10", "--", q] for q in picks]
    fts_cmds = [[sys.executable, fts5.__file__, "search", db, q, "10"] for q in picks]
    if shutil.which("hyperfine"):
        return hyperfine_median(vn_cmds, work_json=True), hyperfine_median(fts_cmds), "hyperfine"
    return python_median(vn_cmds), python_median(fts_cmds), "python, 3 runs of 20 queries"


def hyperfine_median(cmds, work_json=False):
    import shlex
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(
            ["hyperfine", "--warmup", "1", "--runs", "5", "-N", "-i", "--style", "none",
             "--export-json", out.name] + [shlex.join(c) for c in cmds],
            capture_output=True, check=True,
        )
        results = json.load(open(out.name))["results"]
    return statistics.median(t for r in results for t in r["times"]) * 1e3


def python_median(cmds):
    times = []
    for _ in range(3):
        for cmd in cmds:
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True)
            times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def faster(peer, ours):
    """How many times faster vnsearch is (peer time ÷ vnsearch time), or slower."""
    ratio = peer / ours
    return f"{ratio:.1f}× faster" if ratio >= 1 else f"{1 / ratio:.1f}× slower"


def table(size, vn, ft, q, cold, cold_how, nq, target, tv=None, tq=None):
    """The README table: vnsearch beside FTS5 and, when it ran, raw tantivy (`tv`: its build,
    `tq`: its queries)."""
    mb = size / 1e6
    vp = percentiles(q["vn"])
    fp = percentiles(q["fts"])
    vn_total = sum(q["vn"]) / 1e3
    fts_total = sum(q["fts"]) / 1e3
    tv_total = sum(tq["lat"]) / 1e3 if tq else None
    tp = percentiles(tq["lat"]) if tq else None

    def raw(build_value, query_value=None, *, queries=False):
        """The two raw tantivy cells: its figure and vnsearch against it ("—" when absent)."""
        if (queries and tq is None) or (not queries and tv is None):
            return ["—", "—"]
        return [build_value(), query_value() if query_value else ""]

    rows = [
        ["Full index build, s", f"{vn['seconds']:.1f}", f"{ft['seconds']:.1f}", faster(ft['seconds'], vn['seconds']),
         *raw(lambda: f"{tv['seconds']:.1f}", lambda: faster(tv['seconds'], vn['seconds'])), "≥ 2× faster than FTS5"],
        ["Full index build, CPU s (user + system)", f"{vn['cpu']:.1f}", f"{ft['cpu']:.1f}", faster(ft['cpu'], vn['cpu']),
         *raw(lambda: f"{tv['cpu']:.1f}", lambda: faster(tv['cpu'], vn['cpu'])), ""],
        ["Build throughput, MB/s", f"{mb / vn['seconds']:.1f}", f"{mb / ft['seconds']:.1f}", "",
         *raw(lambda: f"{mb / tv['seconds']:.1f}"), ""],
        ["Build throughput, docs/s", f"{vn['docs'] / vn['seconds']:,.0f}", f"{ft['docs'] / ft['seconds']:,.0f}", "",
         *raw(lambda: f"{tv['docs'] / tv['seconds']:,.0f}"), ""],
        ["Peak RSS while building, MB", f"{vn['rss'] / 2**20:.0f}", f"{ft['rss'] / 2**20:.0f}", "",
         *raw(lambda: f"{tv['rss'] / 2**20:.0f}"), "≤ 1024"],
        ["Index size, MB (÷ corpus)", f"{vn['bytes'] / 1e6:.0f} ({vn['bytes'] / size:.2f})",
         f"{ft['bytes'] / 1e6:.0f} ({ft['bytes'] / size:.2f})", f"{vn['bytes'] / ft['bytes']:.2f}× FTS5's size",
         *raw(lambda: f"{tv['bytes'] / 1e6:.0f} ({tv['bytes'] / size:.2f})",
              lambda: f"{vn['bytes'] / tv['bytes']:.2f}× tantivy's size"), "≤ 0.6× FTS5's"],
        ["Re-index unchanged corpus, s", f"{vn['rerun_seconds']:.2f} ({vn['rerun_seconds'] / vn['seconds'] * 100:.1f}% of a build)",
         "—", "", "—", "", "< 5%"],
        [f"{nq} queries, top 10 + snippets, total s (one thread)", f"{vn_total:.2f}", f"{fts_total:.2f}",
         faster(fts_total, vn_total), *raw(lambda: f"{tv_total:.2f}", lambda: faster(tv_total, vn_total), queries=True),
         "≥ 10× faster than FTS5"],
        [f"{nq} queries as `search --batch FILE`, whole process s", f"{q['batch_s']:.2f}", f"{fts_total:.2f}",
         faster(fts_total, q['batch_s']), "—", "", ""],
        ["Query latency p50 / p95 / p99, ms", f"{vp[0]:.2f} / {vp[1]:.2f} / {vp[2]:.2f}",
         f"{fp[0]:.2f} / {fp[1]:.2f} / {fp[2]:.2f}", "",
         *raw(lambda: f"{tp[0]:.2f} / {tp[1]:.2f} / {tp[2]:.2f}", queries=True), ""],
        [f"ripgrep, same {nq} queries, s", f"{vn_total:.2f} / {q['batch_s']:.2f} (batch)", f"{q['rg_total_s']:.1f} (rg)",
         f"{q['rg_total_s'] / vn_total:.0f}× / {q['rg_total_s'] / q['batch_s']:.0f}× faster", "", "", "≥ 100× faster"],
        ["Cold `search` process, median ms", f"{cold[0]:.1f}", f"{cold[1]:.1f}", faster(cold[1], cold[0]), "—", "", "< 50 ms"],
        ["Queries with at least one hit", f"{q['vn_hits']}/{nq}", f"{q['fts_hits']}/{nq}", "",
         *raw(lambda: f"{tq['hits']}/{nq}", queries=True), ""],
    ]
    peer = f" / {tv['docs']:,} tantivy documents" if tv else ""
    lines = [
        f"Corpus: `{os.path.relpath(os.path.abspath(target), os.getcwd())}`, {len(q['vn'])} queries; "
        f"{mb:.1f} MB in {vn['docs']:,} vnsearch documents / {ft['docs']:,} FTS5 rows{peer}; "
        f"{os.cpu_count()} cores, load average {LOAD_AT_START:.1f} when the run started; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "| measure | vnsearch | SQLite FTS5 | vnsearch vs FTS5 | raw tantivy | vnsearch vs tantivy | target |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    lines += [f"| {' | '.join(r)} |" for r in rows]
    lines += [
        "",
        f"- vnsearch latency: in one process (`examples/query_latency.rs`: the engine opened once, "
        f"each query as `vnsearch search` runs it, top 10 with 3 snippets). FTS5: python3's sqlite3, "
        f"one connection, `bm25` + `snippet()`, top 10; the province/year filters have no FTS5 "
        f"equivalent, so those queries run on their words alone there. `search --batch` answers "
        f"chunks of lines in parallel on all cores, so its whole-process time can beat the sum "
        f"of one-thread latencies.",
    ]
    if tv:
        lines.append(
            f"- Raw tantivy: `tantivy-cli` (`tantivy index -t {TANTIVY_THREADS}`, its default 1 GB "
            f"writer budget), title, summary and body as `default`-tokenizer text fields with "
            f"positions, all stored; no extraction, no folding, no pairs, no duplicate detection. "
            f"Queries: `tantivy bench` (every word required as `+word`, phrases as phrases, no "
            f"filters), top 10 by BM25 and the count, then the 10 documents read from the store; "
            f"no snippets."
            + ("" if tq else " Its queries did not run (see the message on stderr).")
        )
    else:
        lines.append("- Raw tantivy: not measured in this run (tantivy-cli could not be installed).")
    lines += [
        f"- ripgrep: `rg -c -i -F` of each query's words as one string over the raw files (no "
        f"ranking, no diacritic folding, no snippets); {q['rg_sample']} of the {nq} queries run, "
        f"time extrapolated to {nq}.",
        f"- Cold process: {cold_how}, 20 different queries; FTS5's is `python3 bench/fts5.py search`.",
        f"- vnsearch build: `{vn['summary'].replace('vnsearch: ', '')}`",
    ]
    return "\n".join(lines)


def update_readme(text):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "README.md")
    readme = open(path, encoding="utf-8").read()
    if README_BEGIN not in readme or README_END not in readme:
        print(f"bench: README.md has no {README_BEGIN} … {README_END} markers; not updated", file=sys.stderr)
        return
    head, rest = readme.split(README_BEGIN, 1)
    _, tail = rest.split(README_END, 1)
    open(path, "w", encoding="utf-8").write(f"{head}{README_BEGIN}\n{text}\n{README_END}{tail}")
    print("bench: README.md updated", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--latency", required=True)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--rg-sample", type=int, default=100)
    parser.add_argument("--tantivy", help="tantivy-cli's `tantivy` binary: adds raw tantivy as a peer")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="vnsearch-bench-")
    try:
        print(f"bench: building both indexes of {args.corpus} …", file=sys.stderr)
        size, index, db, vn, ft = bench_build(args, work)
        tv = None
        if args.tantivy:
            print("bench: building the raw tantivy index …", file=sys.stderr)
            tv = bench_tantivy_build(args, work)
        queries = make_queries(args.corpus, args.queries)
        print(f"bench: {len(queries)} queries …", file=sys.stderr)
        q = bench_queries(args, index, db, queries, work)
        tq = bench_tantivy_queries(args, tv, queries, work) if tv else None
        print("bench: cold processes …", file=sys.stderr)
        vn_cold, fts_cold, how = bench_cold(args, index, db, queries)
        text = table(size, vn, ft, q, (vn_cold, fts_cold), how, len(queries), args.corpus, tv, tq)
        print(text)
        if args.readme:
            update_readme(text)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
