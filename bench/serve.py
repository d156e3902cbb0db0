#!/usr/bin/env python3
"""`vnsearch serve` under load on loopback, beside `vnsearch search --batch` in the same run:
requests per second and p50/p99 latency of /api/search with bench.py's 1,000 queries at
concurrency 1, 8 and 64 (wrk, a fixed time per level), and the time from opening the page to
its first results in headless Chromium (through chromedriver). Called by `bench/serve`, which
builds the release binary and installs wrk and chromium if missing; prints a Markdown table,
and with --readme puts it in README.md between the serve-bench markers.

    bench/serve.py --corpus ../shared/corpus/baomoi --bin target/release/vnsearch \
        [--queries 1000] [--seconds 10] [--page-loads 10] [--readme]
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import make_queries  # noqa: E402  (the same 1,000 queries as bench/run)

README_BEGIN = "<!-- serve-bench:begin -->"
README_END = "<!-- serve-bench:end -->"
LEVELS = (1, 8, 64)


def build_index(args, work):
    index = os.path.join(work, "index")
    start = time.perf_counter()
    subprocess.run([args.bin, "index", "--quiet", "--index", index, args.corpus], check=True,
                   capture_output=True)
    return index, time.perf_counter() - start


def api_target(q):
    pairs = [("q", q["q"])]
    pairs += [(k, str(q[k])) for k in ("province", "year") if k in q]
    return "/api/search?" + urllib.parse.urlencode(pairs)


def run_batch(args, index, queries, work):
    """The same queries as `search --batch FILE` (top 10, 3 snippets): whole-process time."""
    path = os.path.join(work, "batch.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for q in queries:
            line = {"query": q["q"]}
            line.update({k: q[k] for k in ("province", "year") if k in q})
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    start = time.perf_counter()
    proc = subprocess.run([args.bin, "search", "--index", index, "--limit", "10", "--batch", path],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    lines = proc.stdout.splitlines()
    if len(lines) != len(queries):
        sys.exit(f"bench/serve: search --batch answered {len(lines)} of {len(queries)}: {proc.stderr[-500:]}")
    return seconds


class Server:
    def __init__(self, args, index):
        self.proc = subprocess.Popen(
            [args.bin, "serve", "--index", index, "--bind", "127.0.0.1:0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"http://([0-9.]+:\d+)/", line)
        if not match:
            self.proc.kill()
            sys.exit(f"bench/serve: no URL from vnsearch serve: {line!r} {self.proc.stderr.read()[-500:]}")
        self.address = match.group(1)
        self.base = f"http://{self.address}"

    def stop(self):
        self.proc.send_signal(2)
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return None


WRK_SCRIPT = """
local paths = {%s}
local n = #paths
local counter = 0
local i = 0
function setup(thread)
  thread:set("start", counter)
  counter = counter + 97
end
function init(args)
  i = start or 0
end
function request()
  i = (i %% n) + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout, latency.max))
end
"""


def lua_string(text):
    return '"' + "".join(c if c.isalnum() or c in "/?=&%-_.+" else f"\\{ord(c)}" for c in text) + '"'


def run_wrk(server, queries, concurrency, seconds, work):
    script = os.path.join(work, "paths.lua")
    with open(script, "w") as f:
        f.write(WRK_SCRIPT % ",".join(lua_string(api_target(q)) for q in queries))
    threads = min(2, concurrency)
    proc = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(concurrency), "-d", f"{seconds}s", "--timeout", "10s",
         "-s", script, server.base],
        capture_output=True, text=True)
    match = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", proc.stdout)
    if proc.returncode != 0 or not match:
        sys.exit(f"bench/serve: wrk failed: {proc.stdout[-800:]} {proc.stderr[-800:]}")
    requests, duration_us, p50_us, p99_us, errors, max_us = map(int, match.groups())
    return {
        "concurrency": concurrency, "requests": requests, "rps": requests / (duration_us / 1e6),
        "p50": p50_us / 1e3, "p99": p99_us / 1e3, "max": max_us / 1e3, "errors": errors,
    }


def check_answers(server, queries):
    """Every query answers 200 with JSON (wrk only counts statuses)."""
    bad = 0
    for q in queries[:: max(1, len(queries) // 50)]:
        with urllib.request.urlopen(server.base + api_target(q), timeout=30) as r:
            body = json.load(r)
            bad += r.status != 200 or body.get("version") != 1
    if bad:
        sys.exit(f"bench/serve: {bad} sampled answers were not version-1 JSON")


def webdriver(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as r:
        return json.load(r)["value"]


def first_results_in_chromium(server, queries, loads, work):
    """Median and worst time from navigation start to the first results drawn (the page's own
    `data-first-results-ms`, performance.now() when it drew them), over `loads` fresh page loads."""
    chromium = shutil.which("chromium")
    driver_bin = shutil.which("chromedriver")
    if not chromium or not driver_bin:
        return None, "chromium/chromedriver missing"
    port = 9515 + os.getpid() % 1000
    driver = subprocess.Popen([driver_bin, f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                webdriver(base, "GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"binary": chromium, "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--window-size=1280,1000",
            f"--user-data-dir={os.path.join(work, 'profile')}"]}}}}
        session = webdriver(base, "POST", "/session", caps)["sessionId"]
        times = []
        picks = [q for q in queries if "province" not in q and "year" not in q][:loads]
        for q in [{"q": ""}] + picks:
            url = server.base + "/?" + urllib.parse.urlencode({"q": q["q"]})
            webdriver(base, "POST", f"/session/{session}/url", {"url": url})
            for _ in range(200):
                ms = webdriver(base, "POST", f"/session/{session}/execute/sync",
                               {"script": "return document.body.dataset.firstResultsMs || null", "args": []})
                if ms is not None:
                    times.append(float(ms))
                    break
                time.sleep(0.05)
        webdriver(base, "DELETE", f"/session/{session}")
        return times, f"{len(times)} loads (the landing page and {len(times) - 1} queries)"
    finally:
        driver.kill()
        driver.wait()


def table(args, docs, index_s, batch_s, levels, page, page_how, nq, load):
    batch_rps = nq / batch_s
    rows = []
    for level in levels:
        ratio = level["rps"] / batch_rps
        rows.append((
            f"`/api/search`, concurrency {level['concurrency']}",
            f"{level['rps']:,.0f}", f"{level['p50']:.1f} / {level['p99']:.1f}",
            f"{ratio * 100:.0f}%", str(level["errors"]),
        ))
    rows.append((f"`search --batch` ({nq} lines, whole process)", f"{batch_rps:,.0f}", "—", "100%", "0"))
    lines = [
        f"Corpus: `{os.path.relpath(os.path.abspath(args.corpus), os.getcwd())}`, {docs:,} documents "
        f"(indexed in {index_s:.1f} s); {nq} queries (bench/bench.py's set: words, runs, phrases, "
        f"unaccented, with province and year filters), top 10 with 3 snippets; wrk, "
        f"{args.seconds} s per level on loopback; {os.cpu_count()} cores shared by server and client "
        f"(load average {load[0]:.1f} at the start, {load[1]:.1f} at the end); "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "| load | requests/s | latency p50 / p99, ms | vs `search --batch` | errors |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [f"| {' | '.join(r)} |" for r in rows]
    lines.append("")
    if page:
        lines.append(
            f"- Page in headless Chromium, navigation start → first results drawn: median "
            f"{statistics.median(page):.0f} ms, worst {max(page):.0f} ms over {page_how}.")
    else:
        lines.append(f"- Page in headless Chromium: not measured ({page_how}).")
    lines.append(
        "- Targets (issue 13): p99 ≤ 20 ms at concurrency 8; throughput at concurrency 8 ≥ 80% of "
        "`search --batch`; first results ≤ 300 ms after opening the page.")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--page-loads", type=int, default=10)
    parser.add_argument("--readme", action="store_true")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="vnsearch-serve-bench-")
    load_at_start = os.getloadavg()[0]
    try:
        print(f"bench/serve: indexing {args.corpus} …", file=sys.stderr)
        index, index_s = build_index(args, work)
        queries = make_queries(args.corpus, args.queries)
        print("bench/serve: search --batch …", file=sys.stderr)
        batch_s = run_batch(args, index, queries, work)
        server = Server(args, index)
        try:
            with urllib.request.urlopen(server.base + "/api/health") as r:
                docs = json.load(r)["documents"]
            check_answers(server, queries)
            # A warm-up pass so every level sees the same warm page cache.
            run_wrk(server, queries, 8, 2, work)
            levels = []
            for concurrency in LEVELS:
                print(f"bench/serve: wrk at concurrency {concurrency} …", file=sys.stderr)
                levels.append(run_wrk(server, queries, concurrency, args.seconds, work))
            print("bench/serve: page loads in chromium …", file=sys.stderr)
            page, page_how = first_results_in_chromium(server, queries, args.page_loads, work)
        finally:
            status = server.stop()
            if status != 0:
                print(f"bench/serve: warning: serve exited with {status}", file=sys.stderr)
        load = (load_at_start, os.getloadavg()[0])
        text = table(args, docs, index_s, batch_s, levels, page, page_how, len(queries), load)
        print(text)
        if args.readme:
            write_readme(text)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def write_readme(text):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "README.md")
    readme = open(path, encoding="utf-8").read()
    if README_BEGIN not in readme or README_END not in readme:
        print(f"bench/serve: README.md has no {README_BEGIN} … {README_END} markers", file=sys.stderr)
        return
    head, rest = readme.split(README_BEGIN, 1)
    _, tail = rest.split(README_END, 1)
    open(path, "w", encoding="utf-8").write(f"{head}{README_BEGIN}\n{text}\n{README_END}{tail}")
    print("bench/serve: README.md updated", file=sys.stderr)


if __name__ == "__main__":
    main()
