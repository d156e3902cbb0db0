#!/usr/bin/env python3
"""Paired A/B timing of two vnsearch builds on one corpus, for a change that must not slow it down.

    bench/ab.py --old-bin OLD/vnsearch --old-latency OLD/query_latency \
                --new-bin NEW/vnsearch --new-latency NEW/query_latency \
                [--corpus ../shared/corpus/baomoi] [--pairs 5] [--builds 3]

On a shared, noisy machine a single run of each says little: the runs alternate (old, new, old,
new …) so that both see the same load, and the medians are compared. Each binary queries the
index it built itself (the analysis may differ). Measures: full index build (wall and CPU s), and
bench/run's 1,000 in-process queries (`examples/query_latency`: total s, p50 and p95 ms, and the
CPU seconds of the whole process, which includes opening the index), and each index's size.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402  (make_queries, percentiles: the query set of bench/run)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(binary, corpus, index):
    """Wall and CPU seconds of one full build: CPU time is what a loaded machine leaves steady."""
    shutil.rmtree(index, ignore_errors=True)
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run([binary, "index", "--quiet", "--index", index, corpus], check=True,
                   capture_output=True)
    return time.perf_counter() - start, children_cpu() - cpu


def latency(program, index, qfile):
    cpu = children_cpu()
    out = subprocess.run([program, index, qfile], check=True, capture_output=True, text=True)
    cpu = children_cpu() - cpu
    ms = [float(line.split("\t")[0]) / 1e3 for line in out.stdout.splitlines()]
    p50, p95, _ = bench.percentiles(ms)
    return sum(ms) / 1e3, p50, p95, cpu


def change(old, new):
    return f"{(new - old) / old * 100:+.1f}%"


def dir_mb(path):
    """Size of an index folder (the analysis decides it, so it is compared too)."""
    total = sum(os.path.getsize(os.path.join(root, name))
                for root, _, names in os.walk(path) for name in names)
    return total / 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for side in ("old", "new"):
        parser.add_argument(f"--{side}-bin", required=True)
        parser.add_argument(f"--{side}-latency", required=True)
    parser.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus", "baomoi"))
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--builds", type=int, default=3)
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="vnsearch-ab-")
    try:
        indexes = {side: os.path.join(work, side) for side in ("old", "new")}
        builds = {"old": [], "new": []}
        for i in range(args.builds):
            order = ("old", "new") if i % 2 == 0 else ("new", "old")
            for side in order:
                secs, cpu = build(getattr(args, f"{side}_bin"), args.corpus, indexes[side])
                builds[side].append((secs, cpu))
                print(f"ab: build {i + 1} {side}: {secs:.1f} s, {cpu:.1f} CPU s", file=sys.stderr)
        qfile = os.path.join(work, "queries.jsonl")
        with open(qfile, "w", encoding="utf-8") as f:
            import json
            for q in bench.make_queries(args.corpus, args.queries):
                f.write(json.dumps(q, ensure_ascii=False) + "\n")
        runs = {"old": [], "new": []}
        for i in range(args.pairs):
            order = ("old", "new") if i % 2 == 0 else ("new", "old")
            for side in order:
                runs[side].append(latency(getattr(args, f"{side}_latency"), indexes[side], qfile))
                print(f"ab: queries {i + 1} {side}: {runs[side][-1][0]:.2f} s", file=sys.stderr)
        rows = [("index size, MB", dir_mb(indexes["old"]), dir_mb(indexes["new"]))]
        for k, name in enumerate(["full index build, s", "full index build, CPU s"]):
            rows.append((name + " (median of %d)" % args.builds,
                         statistics.median(b[k] for b in builds["old"]),
                         statistics.median(b[k] for b in builds["new"])))
        for k, name in enumerate(["%d queries, total s" % args.queries, "query p50, ms",
                                  "query p95, ms", "%d queries, process CPU s" % args.queries]):
            rows.append((name + " (median of %d)" % args.pairs,
                         statistics.median(r[k] for r in runs["old"]),
                         statistics.median(r[k] for r in runs["new"])))
        print("| measure | old | new | change |")
        print("| --- | --- | --- | --- |")
        for name, old, new in rows:
            print(f"| {name} | {old:.2f} | {new:.2f} | {change(old, new)} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
