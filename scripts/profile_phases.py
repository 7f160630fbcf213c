#!/usr/bin/env python3
"""Where a fetch's CPU goes, by phase: `perf record` of one akhbar command, self time per
symbol from `perf report`, summed into phases by the symbol's name.

    profile_phases.py --feeds 200 --items 100 [--daily] AKHBAR [AKHBAR...]

Serves heavy feeds (scripts/feedserver.py --heavy), runs a cold fetch (or, with --daily, a cold
fetch unprofiled, 5 new items in every feed, then the profiled fetch) with each binary, and
prints a Markdown table: each phase's share of all samples and its CPU time per new article.
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# First match wins; symbol names as perf shows them (Rust paths demangled, C functions bare).
PHASES = [
    ("SQLite: FTS5 (index, merge)", r"fts5|Fts5"),
    ("SQLite: everything else (b-trees, WAL, checkpoint)", r"sqlite3|^pager|btree|^wal|akhbar::store"),
    ("entity recognition", r"akhbar::entities|aho_corasick"),
    ("text cleaning", r"akhbar::feed::clean|akhbar::text::sanitize|akhbar::text::chars|icu_"),
    ("HTML (parse, walk)", r"html5ever|dom_query|markup5ever|tendril|akhbar::feed::html|selectors"),
    ("XML and feed model", r"quick_xml|feed_rs|akhbar::feed::parse|akhbar::feed::decode|akhbar::feed::depth|encoding_rs"),
    ("HTTP, TLS, async runtime", r"reqwest|hyper|h2::|tokio|mio::|rustls|futures"),
    ("memory (malloc, copies)", r"malloc|free|realloc|memcpy|memmove|memset|_int_|cfree"),
    ("hashing", r"akhbar::hash|fnv"),
    ("kernel", r"\[k\]"),
]


def serve(feeds, items):
    p = subprocess.Popen([sys.executable, os.path.join(ROOT, "scripts", "feedserver.py"),
                          "--feeds", str(feeds), "--items", str(items), "--heavy"],
                         stdout=subprocess.PIPE, text=True)
    return p, p.stdout.readline().strip()


def phases(perf_data):
    out = subprocess.run(["perf", "report", "-i", perf_data, "--no-children", "--stdio",
                          "--sort", "sym", "--percent-limit", "0"],
                         capture_output=True, text=True).stdout
    sums = collections.Counter()
    for line in out.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+(\[.\])\s+(.*)", line)
        if not m:
            continue
        pct, mode, sym = float(m.group(1)), m.group(2), m.group(3)
        name = "other"
        for phase, pattern in PHASES:
            if re.search(pattern, f"{mode} {sym}" if mode == "[k]" else sym):
                name = phase
                break
        sums[name] += pct
    return sums


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=100)
    ap.add_argument("--daily", action="store_true")
    ap.add_argument("binaries", nargs="+")
    args = ap.parse_args()
    results = []
    for binary in args.binaries:
        server, base = serve(args.feeds, args.items)
        work = tempfile.mkdtemp(prefix="akhbar-prof-")
        try:
            urls = os.path.join(work, "urls")
            with open(urls, "w") as f:
                f.write("".join(f"{base}/feed-{i}.xml\n" for i in range(args.feeds)))
            conf = os.path.join(work, "conf")
            with open(conf, "w") as f:
                f.write("[fetch]\nconcurrency = 8\n")
            env = dict(os.environ, HOME=work, XDG_STATE_HOME=work, XDG_CONFIG_HOME=work,
                       XDG_DATA_HOME=work)
            cmd = [binary, "--db", os.path.join(work, "db"), "--config", conf, "--feeds", urls,
                   "fetch"]
            new = args.feeds * args.items
            if args.daily:
                subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env, check=True)
                urllib.request.urlopen(f"{base}/_advance?n=5").read()
                new = args.feeds * 5
            data = os.path.join(work, "perf.data")
            subprocess.run(["perf", "record", "-F", "999", "-g", "-o", data, "--"] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                           check=True)
            samples = subprocess.run(["perf", "script", "-i", data, "-F", "period"],
                                     capture_output=True, text=True).stdout.split()
            # Samples at 999 Hz: each stands for ~1 ms of CPU.
            cpu_s = len(samples) / 999
            results.append((binary, phases(data), cpu_s, new))
        finally:
            server.terminate()
            subprocess.run(["rm", "-rf", work])
    kind = "daily fetch (5 new items a feed)" if args.daily else "cold fetch"
    print(f"{kind}, {args.feeds} feeds × {args.items} heavy items; CPU time from perf samples "
          "(999 Hz), per new article")
    print()
    print("| phase | " + " | ".join(f"`{os.path.basename(b)}`" for b, *_ in results) + " |")
    print("| --- |" + " --- |" * len(results))
    order = [p for p, _ in PHASES] + ["other"]
    for phase in order:
        cells = []
        for _, sums, cpu_s, new in results:
            pct = sums.get(phase, 0.0)
            cells.append(f"{pct:.0f}% · {pct / 100 * cpu_s / new * 1e6:.0f} µs")
        print(f"| {phase} | " + " | ".join(cells) + " |")
    print("| **all CPU** | " + " | ".join(
        f"{cpu_s:.1f} s · {cpu_s / new * 1e6:.0f} µs" for _, _, cpu_s, new in results) + " |")


if __name__ == "__main__":
    sys.exit(main())
