#!/usr/bin/env python3
"""akhbar against newsboat on the same machine, same feeds, same run.

Serves generated Arabic feeds with heavy items from 127.0.0.1 (scripts/feedserver.py --heavy),
then alternates the contenders for each job — one or more akhbar builds (`--akhbar NAME=PATH`,
e.g. main's and a branch's) and newsboat — and writes the tables to docs/performance.md, above
the line `<!-- end of generated part -->` (what follows it is kept). Run through
scripts/bench-vs-newsboat.sh, which builds akhbar and installs newsboat if needed.

Per size (feeds × items): cold fetch, warm fetch (all 304), cache size. At the largest size
also: the daily case (5 new items in each feed over the full cache), `companies`, a company
filter and a two-word search with all hits, the reader's first frame and `G` (to the oldest).
"""
import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIME = "/usr/bin/time"
MARK = "<!-- end of generated part -->"
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import feedserver  # noqa: E402  (the oldest item's link, for `G`)


def serve(feeds, items):
    p = subprocess.Popen([sys.executable, os.path.join(ROOT, "scripts", "feedserver.py"),
                          "--feeds", str(feeds), "--items", str(items), "--heavy"],
                         stdout=subprocess.PIPE, text=True)
    base = p.stdout.readline().strip()
    return p, base, [f"{base}/feed-{i}.xml" for i in range(feeds)]


def timed(cmd, env=None, stdout=subprocess.DEVNULL):
    """Run cmd under /usr/bin/time; return (seconds, peak RSS in MiB, exit code, CPU seconds:
    user + system, which a loaded machine changes less than the wall time)."""
    fd, out = tempfile.mkstemp()
    os.close(fd)
    t0 = time.perf_counter()
    r = subprocess.run([TIME, "-f", "%M %U %S", "-o", out] + cmd, stdout=stdout,
                       stderr=subprocess.DEVNULL, env=env)
    dt = time.perf_counter() - t0
    with open(out) as f:
        last = f.read().strip().splitlines()[-1:] or [""]
    os.unlink(out)
    fields = last[0].split()
    try:
        rss, cpu = int(fields[0]) / 1024, float(fields[1]) + float(fields[2])
    except (IndexError, ValueError):
        rss = cpu = float("nan")
    print(f"  {os.path.basename(cmd[0])} {' '.join(cmd[-2:])}: {dt:.2f} s wall, {cpu:.2f} s CPU, "
          f"load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
    return dt, rss, r.returncode, cpu


def file_size(*paths):
    return sum(os.path.getsize(p) for p in paths if os.path.exists(p))


class Contender:
    """One reader with its own cache in its own folder."""

    def __init__(self, name, work, urls, threads, binary=None):
        self.name, self.binary = name, binary
        self.work = os.path.join(work, name)
        os.makedirs(self.work, exist_ok=True)
        self.urls_file = os.path.join(self.work, "urls")
        with open(self.urls_file, "w") as f:
            f.write("\n".join(urls) + "\n")
        self.conf = os.path.join(self.work, "conf")
        with open(self.conf, "w") as f:
            if binary:
                f.write(f"[fetch]\nconcurrency = {threads}\n")
            else:
                f.write(f"reload-threads {threads}\nshow-read-feeds yes\n")
        self.env = dict(os.environ, HOME=self.work, XDG_STATE_HOME=os.path.join(self.work, "state"),
                        XDG_CONFIG_HOME=os.path.join(self.work, "config"),
                        XDG_DATA_HOME=os.path.join(self.work, "data"))
        self.cache = os.path.join(self.work, "akhbar.db" if binary else "newsboat.db")

    @property
    def is_akhbar(self):
        return self.binary is not None

    def reset(self):
        for ext in ["", "-wal", "-shm", ".lock"]:
            if os.path.exists(self.cache + ext):
                os.unlink(self.cache + ext)

    def cmd(self, *args):
        if self.is_akhbar:
            return [self.binary, "--db", self.cache, "--config", self.conf, *args]
        return ["newsboat", "-u", self.urls_file, "-c", self.cache, "-C", self.conf, *args]

    def fetch(self):
        if self.is_akhbar:
            return timed(self.cmd("--feeds", self.urls_file, "fetch"), self.env)
        return timed(self.cmd("-x", "reload"), self.env)

    def size(self):
        """Cache on disk: the database and its WAL (akhbar), cache.db (newsboat)."""
        return file_size(self.cache, self.cache + "-wal")


def summary(samples):
    times = [s[0] for s in samples]
    cpu = [s[3] for s in samples if len(s) > 3]
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "rss": max(s[1] for s in samples), "codes": sorted({s[2] for s in samples}),
            "cpu": statistics.median(cpu) if cpu else None}


def fmt(s):
    if s["median"] >= 10:
        wall = f"{s['median']:.1f} s ({s['min']:.1f}–{s['max']:.1f})"
    else:
        wall = f"{s['median'] * 1000:.0f} ms ({s['min'] * 1000:.0f}–{s['max'] * 1000:.0f})"
    return wall + (f", CPU {s['cpu']:.2f} s" if s.get("cpu") is not None else "")


def screen(session):
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                          capture_output=True, text=True).stdout


def reader(c, oldest_link):
    """Start the reader in tmux: time to the first frame with the list, then press `G` and time
    until the oldest article is shown. Returns (first frame s, G s or None, header line)."""
    session = f"akbench{os.getpid()}"
    env = " ".join(f"{k}={v}" for k, v in c.env.items() if k.startswith("XDG") or k == "HOME")
    # No refresh at start: the reader is measured on the cache as it is.
    conf = c.conf + ".reader"
    with open(conf, "w") as f:
        f.write("[fetch]\nrefresh_on_start = false\n")
    cmd = f"env {env} {c.binary} --db {c.cache} --config {conf} 2>/dev/null"
    t0 = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", cmd],
                   check=True)
    first = bottom = None
    header = ""
    try:
        while time.perf_counter() - t0 < 20:
            s = screen(session)
            # The first frame with the list: a count above 0 in the header and no "loading…"
            # (the very first frame is drawn before the headlines are read, with 0 articles).
            if re.search(r"\b[1-9][0-9]* articles", s) and "loading" not in s:
                first = time.perf_counter() - t0
                break
            time.sleep(0.002)
        if first is None:
            return None, None, ""
        t1 = time.perf_counter()
        subprocess.run(["tmux", "send-keys", "-t", session, "G"], check=True)
        while time.perf_counter() - t1 < 20:
            s = screen(session)
            if oldest_link in s:
                bottom = time.perf_counter() - t1
                break
            time.sleep(0.005)
        header = next((l for l in screen(session).splitlines() if "articles" in l), "").strip()
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return first, bottom, header


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="50x100,200x100,1000x100",
                    help="feeds×items, comma separated; the last one gets the 100k jobs")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--big-rounds", type=int, default=2, help="rounds at the largest size")
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--akhbar", action="append", default=[],
                    help="NAME=PATH of an akhbar binary (repeat to compare builds)")
    ap.add_argument("--no-newsboat", action="store_true")
    ap.add_argument("--company", default="microsoft")
    ap.add_argument("--search", default="الحوسبة السحابية")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "performance.md"))
    ap.add_argument("--benches", default="", help="file with `cargo bench` output to include")
    args = ap.parse_args()
    builds = [a.split("=", 1) for a in args.akhbar] or [
        ["akhbar", os.path.join(ROOT, "target", "release", "akhbar")]]
    names = [n for n, _ in builds] + ([] if args.no_newsboat else ["newsboat"])
    sizes = [tuple(int(x) for x in s.split("x")) for s in args.sizes.split(",")]
    load = [os.getloadavg()[0]]
    tables = []  # (title, rows: [(job, {name: samples})])
    extras = []
    for si, (feeds, items) in enumerate(sizes):
        largest = si == len(sizes) - 1
        rounds = args.big_rounds if feeds * items >= 50_000 else args.rounds
        work = tempfile.mkdtemp(prefix="akhbar-bench-")
        server, base, urls = serve(feeds, items)
        try:
            cs = [Contender(n, work, urls, args.threads, b) for n, b in builds]
            if not args.no_newsboat:
                cs.append(Contender("newsboat", work, urls, args.threads))
            cold = {c.name: [] for c in cs}
            warm = {c.name: [] for c in cs}
            size = {c.name: [] for c in cs}
            for r in range(rounds):
                # Alternate who goes first, so a neighbour's load does not fall on one side.
                order = cs[r % len(cs):] + cs[:r % len(cs)]
                for c in order:
                    c.reset()
                    cold[c.name].append(c.fetch())
                    size[c.name].append(c.size())
                    warm[c.name].append(c.fetch())
                load.append(os.getloadavg()[0])
            rows = [(f"cold fetch", cold), ("warm fetch (all 304)", warm)]
            sizes_row = {n: max(v) for n, v in size.items()}
            if largest:
                ak = [c for c in cs if c.is_akhbar]
                q = {"companies": ("companies", "--json"),
                     f"company filter (`{args.company}`), all hits": (
                         "list", "--company", args.company, "--json"),
                     f"two-word search («{args.search}»), all hits": (
                         "list", "--search", args.search, "--json")}
                qs = {job: {c.name: [] for c in ak} for job in q}
                hits = {}
                for r in range(args.rounds):
                    for c in ak[r % len(ak):] + ak[:r % len(ak)]:
                        for job, a in q.items():
                            qs[job][c.name].append(timed(c.cmd(*a), c.env))
                            if r == 0:
                                out = subprocess.run(c.cmd(*a), capture_output=True,
                                                     env=c.env).stdout
                                hits[(job, c.name)] = out.count(b"\n")
                frames = {c.name: [] for c in ak}
                oldest = f"feed0.example/news/0"
                for r in range(args.rounds):
                    for c in ak:
                        frames[c.name].append(reader(c, oldest))
                # The daily case: 5 new items in every feed, over the full cache.
                daily = {c.name: [] for c in cs}
                for r in range(rounds):
                    urllib.request.urlopen(f"{base}/_advance?n=5").read()
                    for c in cs[r % len(cs):] + cs[:r % len(cs)]:
                        daily[c.name].append(c.fetch())
                    load.append(os.getloadavg()[0])
                rows.append((f"daily: 5 new items in each of {feeds} feeds over the cache",
                             daily))
                extras.append((qs, hits, frames, feeds * items))
            tables.append((f"{feeds} feeds × {items} items ({feeds * items:,} articles), "
                           f"{rounds} rounds", rows, sizes_row))
        finally:
            server.terminate()
            shutil.rmtree(work, ignore_errors=True)

    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    nb_version = ("" if args.no_newsboat else
                  subprocess.run(["newsboat", "-v"], capture_output=True,
                                 text=True).stdout.split("\n")[0] + "; ")
    lines = [
        "# Performance: akhbar and newsboat, side by side",
        "",
        "Written by `scripts/bench-vs-newsboat.sh` down to the line that ends the generated "
        "part; run it again rather than editing the tables.",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {platform.system()} "
        f"{platform.release()}; load average {min(load):.2f}–{max(load):.2f} during the run. "
        f"{nb_version}akhbar release builds: "
        + ", ".join(f"`{n}`" for n, _ in builds)
        + ". Feeds served from 127.0.0.1 by `scripts/feedserver.py --heavy` (generated Arabic "
        "tech news, eight sentences an item, ~1.7 KB of XML each, ETag/304); rounds "
        f"alternate who goes first; concurrency {args.threads} for both (akhbar "
        "`fetch.concurrency`, newsboat `reload-threads`). Times are medians (min–max) of the "
        "wall clock, then the median CPU time (user + system), which other sessions' load "
        "changes less; ratios are of the wall-clock medians.",
        "",
    ]
    ref = names[-1]
    for title, rows, sizes_row in tables:
        lines += [f"### {title}", "",
                  "| job | " + " | ".join(names) + " | "
                  + " | ".join(f"{n} / {ref}" for n in names[:-1]) + " |",
                  "| --- |" + " --- |" * (2 * len(names) - 1)]
        for job, d in rows:
            s = {n: summary(d[n]) for n in names}
            lines.append(f"| {job} | " + " | ".join(fmt(s[n]) for n in names) + " | "
                         + " | ".join(f"{s[n]['median'] / s[ref]['median']:.2f}×"
                                      for n in names[:-1]) + " |")
        lines.append("| cache on disk (database + WAL) | "
                     + " | ".join(f"{sizes_row[n] / 1e6:.1f} MB" for n in names) + " | "
                     + " | ".join(f"{sizes_row[n] / sizes_row[ref]:.2f}×" for n in names[:-1])
                     + " |")
        peak = {n: max(summary(d[n])["rss"] for _, d in rows) for n in names}
        lines.append("| peak RSS | " + " | ".join(f"{peak[n]:.0f} MiB" for n in names)
                     + " |" + " |" * (len(names) - 1))
        lines.append("")
    for qs, hits, frames, n in extras:
        ak = [nm for nm in names if nm != "newsboat"]
        lines += [f"### Queries and the reader at {n:,} articles (akhbar only; "
                  f"{args.rounds} rounds)", "",
                  "| job | " + " | ".join(ak) + " |", "| --- |" + " --- |" * len(ak)]
        for job, d in qs.items():
            lines.append(f"| {job} | " + " | ".join(
                f"{fmt(summary(d[nm]))}, {hits.get((job, nm), 0):,} lines" for nm in ak) + " |")
        for label, idx in [("reader: first frame (tmux, 120×40; polling, an upper bound)", 0),
                           ("reader: `G` until the oldest article is shown", 1)]:
            cells = []
            for nm in ak:
                got = [f[idx] for f in frames[nm] if f[idx] is not None]
                cells.append(fmt(summary([(g, 0, 0) for g in got])) if len(got) == len(frames[nm])
                             else f"not reached in {len(frames[nm]) - len(got)} of "
                                  f"{len(frames[nm])} rounds")
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
        lines.append("| reader: header after `G` | " + " | ".join(
            "`" + (frames[nm][-1][2].replace("|", "/")[-48:] if frames[nm] else "") + "`"
            for nm in ak) + " |")
        lines.append("")
    lines += [
        "Commands (per round):",
        "",
        "```",
        "akhbar --db DB --config CONF --feeds URLS fetch          # CONF: [fetch] concurrency = 8",
        "newsboat -u URLS -c CACHE -C CONF -x reload              # CONF: reload-threads 8",
        "akhbar --db DB companies --json",
        f"akhbar --db DB list --company {args.company} --json",
        f"akhbar --db DB list --search '{args.search}' --json",
        "```",
        "",
    ]
    if args.benches and os.path.exists(args.benches):
        with open(args.benches) as f:
            bench = f.read().strip()
        lines += ["## Micro-benchmarks (`cargo bench`, divan; medians are the 4th column)", "",
                  "```", bench, "```", ""]
    lines.append(MARK)
    kept = ""
    if os.path.exists(args.out):
        with open(args.out) as f:
            old = f.read()
        if MARK in old:
            kept = old.split(MARK, 1)[1]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + kept)
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
