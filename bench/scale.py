#!/usr/bin/env python3
"""How vnsearch's costs grow with the corpus: baomoi replicated with variation at several sizes,
each measured in one run. Called by `bench/scale` (which builds the release binary); prints a
Markdown table, draws a PNG, and with --readme puts the table in README.md between the scale
markers.

    bench/scale.py --corpus ../shared/corpus/baomoi --bin target/release/vnsearch \
        --latency target/release/examples/query_latency [--sizes 1,4,16] [--queries 1000]

Replication: copy 0 is baomoi as it is; copy k > 0 has every record's id and URL suffixed with
k, " (bản k)" added to its title and a sentence naming copy k woven into its body after the
first sentence, so duplicate detection keeps every copy. Records are written 500 to a file, so
"changing 1% of the files" means something on a corpus that ships as four large files. The
copies repeat baomoi's vocabulary: term dictionaries grow less than on twenty years of real
news, postings and the document store grow as they would.
"""

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (queries, percentiles, timing, hyperfine)
import fts5  # noqa: E402  (corpus_files)

RECORDS_PER_FILE = 500
README_BEGIN = "<!-- scale:begin -->"
README_END = "<!-- scale:end -->"
SENTENCE_END = re.compile(r"[.!?…](\s)")


def vary(record, copy):
    """Copy `copy` of a baomoi record (copy 0 is the record itself)."""
    if copy == 0:
        return record
    out = dict(record)
    out["id"] = f"{record.get('id', '')}-{copy}"
    if record.get("url"):
        out["url"] = f"{record['url']}?ban={copy}"
    out["title"] = f"{record.get('title', '')} (bản {copy})"
    body = record.get("body") or ""
    woven = f" Bản sao số {copy} của bài."
    found = SENTENCE_END.search(body)
    at = found.start(1) if found else len(body)
    out["body"] = body[:at] + woven + body[at:]
    return out


def base_records(corpus):
    records = []
    for path in fts5.corpus_files([corpus]):
        if not path.endswith(".jsonl"):
            continue
        with open(path, encoding="utf-8") as f:
            records.extend(json.loads(line) for line in f if line.strip())
    return records


def write_copy(records, copy, folder, changed=()):
    """Writes copy `copy` into `folder` as part-NNN.jsonl files; the records of the file numbers
    in `changed` get one more sentence (the 1% update). Returns the file paths."""
    os.makedirs(folder, exist_ok=True)
    paths = []
    for number, start in enumerate(range(0, len(records), RECORDS_PER_FILE)):
        path = os.path.join(folder, f"part-{number:03}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for record in records[start : start + RECORDS_PER_FILE]:
                record = vary(record, copy)
                if number in changed:
                    record = dict(record)
                    record["body"] = (record.get("body") or "") + " Bài được cập nhật."
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def folder_bytes(path):
    return bench.folder_bytes(path)


def index_run(binary, index, folders):
    """One `vnsearch index` run: (wall s, peak RSS bytes, peak anonymous RSS bytes, CPU s,
    summary line). Peak RSS counts the index files tantivy maps while it merges segments
    (page cache the kernel can take back); the anonymous part, sampled from /proc every 50 ms,
    is the memory the process itself holds."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [binary, "index", "--quiet", "--index", index] + folders,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    anon = [0]
    sampler = threading.Thread(target=sample_anonymous_rss, args=(proc.pid, anon), daemon=True)
    sampler.start()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"scale: vnsearch index failed:\n{stderr[-2000:]}")
    summary = next((l for l in stderr.splitlines() if "indexed" in l), "")
    return (seconds, usage.ru_maxrss * 1024, anon[0], usage.ru_utime + usage.ru_stime,
            summary)


def sample_anonymous_rss(pid, peak):
    """Keeps the largest RssAnon of /proc/PID/status in peak[0] until the process is gone."""
    path = f"/proc/{pid}/status"
    while True:
        try:
            with open(path) as f:
                status = f.read()
        except OSError:
            return
        match = re.search(r"^RssAnon:\s+(\d+) kB", status, re.M)
        if not match:  # a zombie: exited, not yet reaped
            return
        peak[0] = max(peak[0], int(match.group(1)) * 1024)
        time.sleep(0.05)


def query_latencies(latency_bin, index, qfile):
    proc = subprocess.run([latency_bin, index, qfile], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"scale: query_latency failed:\n{proc.stderr[-2000:]}")
    rows = [line.split("\t") for line in proc.stdout.splitlines()]
    return [float(r[0]) / 1e3 for r in rows], [int(r[1]) for r in rows]


def cold_median(binary, index, queries):
    picks = [q["q"] for q in queries[:: max(1, len(queries) // 20)][:20]]
    cmds = [[binary, "search", "--index", index, "--limit", "10", "--", q] for q in picks]
    if shutil.which("hyperfine"):
        return bench.hyperfine_median(cmds)
    return bench.python_median(cmds)


def measure(args, factor, records, work, queries, qfile):
    """Every figure for one corpus size."""
    folders = [os.path.join(work, "corpus", f"copy-{k:02}") for k in range(factor)]
    for k, folder in enumerate(folders):
        if not os.path.isdir(folder):
            write_copy(records, k, folder)
    files = sorted(
        os.path.join(folder, name) for folder in folders for name in os.listdir(folder)
    )
    size = sum(os.path.getsize(f) for f in files)
    index = os.path.join(work, f"index-{factor}x")
    shutil.rmtree(index, ignore_errors=True)
    print(f"scale: {factor}×: building ({size / 1e6:.0f} MB) …", file=sys.stderr)
    load = os.getloadavg()[0]
    build_s, rss, anon_rss, cpu_s, summary = index_run(args.bin, index, folders)
    docs = int(re.search(r"(\d+) documents in the index", summary).group(1))
    duplicates = int(re.search(r"(\d+) duplicates", summary).group(1))
    rerun_s, _, _, _, _ = index_run(args.bin, index, folders)
    # Measured after the re-run, which first deletes the files of segments merged away: right
    # after the build some may still be on disk.
    index_bytes = folder_bytes(index)

    # 1% of the files change (every hundredth file, at least one), then are put back.
    per_copy = len(os.listdir(folders[0]))
    step = 100
    changed = {}
    for n in range(0, len(files), step):
        k, number = divmod(n, per_copy)
        changed.setdefault(k, set()).add(number)
    for k, numbers in changed.items():
        write_copy(records, k, folders[k], changed=numbers)
    update_s, update_rss, _, _, update_summary = index_run(args.bin, index, folders)
    for k in changed:
        write_copy(records, k, folders[k])
    updated = int(re.search(r"(\d+) updated", update_summary).group(1))

    print(f"scale: {factor}×: {len(queries)} queries …", file=sys.stderr)
    latencies, totals = query_latencies(args.latency, index, qfile)
    cold_ms = cold_median(args.bin, index, queries)
    p50, p95, p99 = bench.percentiles(latencies)
    # The queries whose matches are the most numerous: does counting them grow with the corpus?
    ranked = sorted(zip(totals, latencies), reverse=True)
    common = [lat for _, lat in ranked[: max(1, len(ranked) // 20)]]
    result = {
        "factor": factor,
        "files": len(files),
        "corpus_bytes": size,
        "documents": docs,
        "duplicates": duplicates,
        "build_s": build_s,
        "build_cpu_s": cpu_s,
        "docs_per_s": docs / build_s,
        "mb_per_s": size / 1e6 / build_s,
        "peak_rss_bytes": rss,
        "peak_anonymous_rss_bytes": anon_rss,
        "index_bytes": index_bytes,
        "rerun_s": rerun_s,
        "update_s": update_s,
        "update_rss_bytes": update_rss,
        "updated_docs": updated,
        "query_ms": {"p50": p50, "p95": p95, "p99": p99, "mean": statistics.mean(latencies)},
        "common_word_queries_ms_median": statistics.median(common),
        "max_total": max(totals),
        "cold_ms": cold_ms,
        "load_average_at_build": load,
        "summary": summary,
    }
    if not args.keep:
        shutil.rmtree(index, ignore_errors=True)
    return result


def check_copies_kept(results):
    """Every copy must be indexed: N× the corpus is N× the documents of 1× (and N× its
    duplicates, the same records repeated within each copy). A variation that duplicate
    detection caught would shrink the larger sizes without anyone noticing."""
    base = next((r for r in results if r["factor"] == 1), None)
    last = results[-1]
    if base is None:
        if last["documents"] % last["factor"]:
            sys.exit(f"scale: {last['factor']}×: {last['documents']} documents is no multiple of {last['factor']}")
        return
    expected = (base["documents"] * last["factor"], base["duplicates"] * last["factor"])
    if (last["documents"], last["duplicates"]) != expected:
        sys.exit(
            f"scale: {last['factor']}×: {last['documents']} documents and {last['duplicates']} duplicates, "
            f"not {expected[0]} and {expected[1]}: duplicate detection dropped replicated copies"
        )


def table(results, nq):
    head = "| measure | " + " | ".join(f"{r['factor']}×" for r in results) + " | target at 16× |"
    rows = [head, "| --- |" + " --- |" * len(results) + " --- |"]

    def row(name, fmt, target=""):
        rows.append(f"| {name} | " + " | ".join(fmt(r) for r in results) + f" | {target} |")

    row("articles (documents in the index; duplicates dropped)", lambda r: f"{r['documents']:,} ({r['duplicates']:,})")
    row("corpus, MB (files)", lambda r: f"{r['corpus_bytes'] / 1e6:,.0f} ({r['files']})")
    row("full build, s (CPU s)", lambda r: f"{r['build_s']:.1f} ({r['build_cpu_s']:.0f})")
    row("build throughput, docs/s (MB/s)", lambda r: f"{r['docs_per_s']:,.0f} ({r['mb_per_s']:.1f})",
        "within 20% of 1×")
    row("peak RSS while building, MB", lambda r: f"{r['peak_rss_bytes'] / 2**20:,.0f}", "≤ 1024")
    row("… of it the process's own (anonymous), MB; the rest is mapped index files",
        lambda r: f"{r['peak_anonymous_rss_bytes'] / 2**20:,.0f}", "")
    row("index size, MB (÷ corpus)", lambda r: f"{r['index_bytes'] / 1e6:,.0f} ({r['index_bytes'] / r['corpus_bytes']:.2f})")
    row("re-index unchanged, s (% of build)", lambda r: f"{r['rerun_s']:.2f} ({r['rerun_s'] / r['build_s'] * 100:.1f}%)", "< 5%")
    row("update after 1% of files changed, s (% of build)", lambda r: f"{r['update_s']:.1f} ({r['update_s'] / r['build_s'] * 100:.1f}%)", "< 10%")
    row(f"{nq} queries, p50 / p95 / p99 ms", lambda r: "{p50:.1f} / {p95:.1f} / {p99:.1f}".format(**r["query_ms"]),
        "p50 ≤ 15, p99 ≤ 60")
    row("commonest 5% of queries, median ms", lambda r: f"{r['common_word_queries_ms_median']:.1f}")
    row("cold `vnsearch search`, median ms", lambda r: f"{r['cold_ms']:.1f}", "< 50")
    row("load average when the build started", lambda r: f"{r['load_average_at_build']:.1f}")
    return "\n".join(rows)


def fit(xs, ys):
    """Least-squares line through the points: (slope, intercept)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    var = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var if var else 0.0
    return slope, my - slope * mx


def limits(results, p99_target=60.0):
    """What one machine holds, from the measured curve: the articles under the p99 target (a
    straight line through the measured p99s, which is what counting and scoring every match
    predicts), and the disk and build memory they take (bytes per article of the largest
    size). A sentence, printed under the table; an extrapolation, said to be one."""
    if len(results) < 2:
        return "One size only: no curve to extrapolate from."
    docs = [r["documents"] for r in results]
    slope, intercept = fit(docs, [r["query_ms"]["p99"] for r in results])
    last = results[-1]
    per_doc = last["index_bytes"] / last["documents"]
    if slope <= 0:
        return (f"p99 did not grow between {docs[0]:,} and {docs[-1]:,} articles "
                f"({results[0]['query_ms']['p99']:.1f} → {last['query_ms']['p99']:.1f} ms): no limit follows.")
    articles = (p99_target - intercept) / slope
    return (
        f"Extrapolated from these sizes (a straight line through the p99s: {slope * 1e5:.2f} ms per "
        f"100,000 articles, {intercept:.1f} ms at none): p99 reaches {p99_target:.0f} ms at about "
        f"**{articles / 1e3:,.0f} thousand articles**, whose index would take about "
        f"{articles * per_doc / 1e9:.1f} GB of disk ({per_doc / 1e3:.1f} KB an article at "
        f"{last['factor']}×); peak RSS while building was {last['peak_rss_bytes'] / 2**20:,.0f} MB at "
        f"{last['documents']:,} articles, {last['peak_anonymous_rss_bytes'] / 2**20:,.0f} MB of it the "
        f"process's own memory (the rest is index files mapped while segments merge, page cache "
        f"the kernel takes back under pressure)."
    )


def plot(results, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("scale: matplotlib is missing (pip install matplotlib): no plot drawn", file=sys.stderr)
        return False
    docs = [r["documents"] / 1e3 for r in results]
    fig, axes = plt.subplots(2, 2, figsize=(10, 7))
    ax = axes[0][0]
    ax.plot(docs, [r["docs_per_s"] for r in results], "o-")
    ax.set_title("build throughput, documents/s")
    ax.set_ylim(bottom=0)
    ax = axes[0][1]
    ax.plot(docs, [r["peak_rss_bytes"] / 2**20 for r in results], "o-", label="peak RSS, build")
    ax.plot(docs, [r["peak_anonymous_rss_bytes"] / 2**20 for r in results], "^-",
            label="… anonymous (not mapped files)")
    ax.plot(docs, [r["index_bytes"] / 1e6 for r in results], "s-", label="index size")
    ax.axhline(1024, color="grey", linestyle=":", label="1 GiB")
    ax.set_title("memory and disk, MB")
    ax.legend()
    ax = axes[1][0]
    for key, style in (("p50", "o-"), ("p95", "s-"), ("p99", "^-")):
        ax.plot(docs, [r["query_ms"][key] for r in results], style, label=key)
    ax.plot(docs, [r["cold_ms"] for r in results], "x--", label="cold process")
    ax.axhline(60, color="grey", linestyle=":", label="p99 target")
    ax.set_title("query latency, ms (top 10 + snippets)")
    ax.legend()
    ax = axes[1][1]
    ax.plot(docs, [r["build_s"] for r in results], "o-", label="full build")
    ax.plot(docs, [r["update_s"] for r in results], "s-", label="1% update")
    ax.plot(docs, [r["rerun_s"] for r in results], "^-", label="unchanged re-run")
    ax.set_title("indexing, s")
    ax.legend()
    for row in axes:
        for ax in row:
            ax.set_xlabel("thousand articles")
            ax.grid(alpha=0.3)
    fig.suptitle("vnsearch on baomoi replicated (bench/scale)")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    return True


def update_readme(text):
    path = os.path.join(HERE, "..", "README.md")
    readme = open(path, encoding="utf-8").read()
    if README_BEGIN not in readme or README_END not in readme:
        print(f"scale: README.md has no {README_BEGIN} … {README_END} markers; not updated", file=sys.stderr)
        return
    head, rest = readme.split(README_BEGIN, 1)
    _, tail = rest.split(README_END, 1)
    open(path, "w", encoding="utf-8").write(f"{head}{README_BEGIN}\n{text}\n{README_END}{tail}")
    print("scale: README.md updated", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--latency", required=True)
    parser.add_argument("--sizes", default="1,4,16", help="replication factors, e.g. 1,4,16")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--plot", default=os.path.join(HERE, "..", "docs", "scale.png"))
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--work", help="folder for the corpora and indexes (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep each size's index in the work folder (index-Nx)")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args()
    factors = sorted({int(s) for s in args.sizes.split(",")})
    work = args.work or tempfile.mkdtemp(prefix="vnsearch-scale-")
    try:
        records = base_records(args.corpus)
        queries = bench.make_queries(args.corpus, args.queries)
        qfile = os.path.join(work, "queries.jsonl")
        with open(qfile, "w", encoding="utf-8") as f:
            for q in queries:
                f.write(json.dumps(q, ensure_ascii=False) + "\n")
        results = []
        for factor in factors:
            results.append(measure(args, factor, records, work, queries, qfile))
            print(json.dumps(results[-1], ensure_ascii=False), file=sys.stderr)
            check_copies_kept(results)
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        text = (
            f"Corpus: `{os.path.relpath(os.path.abspath(args.corpus), os.getcwd())}` replicated "
            f"{', '.join(f'{f}×' for f in factors)}; {len(queries)} queries; {os.cpu_count()} cores; "
            f"{when}; one run of `bench/scale --sizes {','.join(map(str, factors))}`.\n\n"
            + table(results, len(queries))
            + "\n\n"
            + limits(results)
        )
        print(text)
        if plot(results, args.plot):
            print(f"scale: plot written to {os.path.relpath(args.plot)}", file=sys.stderr)
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump({"when": when, "results": results}, f, ensure_ascii=False, indent=1)
        if args.readme:
            update_readme(text)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
