#!/usr/bin/env python3
"""akhbar against newsboat on the same machine, same feeds, same run.

Serves generated Arabic feeds from 127.0.0.1 (scripts/feedserver.py), then alternates the two
readers A/B for each job and writes the table to docs/performance.md. Run through
scripts/bench-vs-newsboat.sh, which builds akhbar and installs newsboat if needed.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AKHBAR = os.path.join(ROOT, "target", "release", "akhbar")
TIME = "/usr/bin/time"


def serve(feeds, items):
    p = subprocess.Popen([sys.executable, os.path.join(ROOT, "scripts", "feedserver.py"),
                          "--feeds", str(feeds), "--items", str(items)],
                         stdout=subprocess.PIPE, text=True)
    base = p.stdout.readline().strip()
    return p, [f"{base}/feed-{i}.xml" for i in range(feeds)]


def timed(cmd, env=None):
    """Run cmd under /usr/bin/time; return (seconds, peak RSS in MiB, exit code)."""
    fd, out = tempfile.mkstemp()
    os.close(fd)
    t0 = time.perf_counter()
    r = subprocess.run([TIME, "-f", "%M", "-o", out] + cmd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env)
    dt = time.perf_counter() - t0
    with open(out) as f:
        lines = [l for l in f.read().split() if l.isdigit()]
    os.unlink(out)
    rss = int(lines[-1]) / 1024 if lines else float("nan")
    return dt, rss, r.returncode


class Runner:
    def __init__(self, work, urls, threads):
        self.work = work
        self.urls_file = os.path.join(work, "urls")
        with open(self.urls_file, "w") as f:
            f.write("\n".join(urls) + "\n")
        self.nb_conf = os.path.join(work, "newsboat.conf")
        with open(self.nb_conf, "w") as f:
            f.write(f"reload-threads {threads}\nshow-read-feeds yes\n")
        self.ak_conf = os.path.join(work, "akhbar.toml")
        with open(self.ak_conf, "w") as f:
            f.write(f"[fetch]\nconcurrency = {threads}\n")
        self.env = dict(os.environ, HOME=work, XDG_STATE_HOME=os.path.join(work, "state"),
                        XDG_CONFIG_HOME=os.path.join(work, "config"),
                        XDG_DATA_HOME=os.path.join(work, "data"))

    @property
    def ak_db(self):
        return os.path.join(self.work, "akhbar.db")

    @property
    def nb_cache(self):
        return os.path.join(self.work, "newsboat.db")

    def reset(self):
        for p in [self.ak_db, self.ak_db + "-wal", self.ak_db + "-shm", self.nb_cache,
                  self.nb_cache + ".lock"]:
            if os.path.exists(p):
                os.unlink(p)

    def akhbar(self, *args):
        return [AKHBAR, "--db", self.ak_db, "--config", self.ak_conf, *args]

    def akhbar_fetch(self):
        return timed(self.akhbar("--feeds", self.urls_file, "fetch"), self.env)

    def newsboat(self, *args):
        return ["newsboat", "-u", self.urls_file, "-c", self.nb_cache, "-C", self.nb_conf, *args]

    def newsboat_reload(self):
        return timed(self.newsboat("-x", "reload"), self.env)


def summary(samples):
    times = [s[0] for s in samples]
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "rss": max(s[1] for s in samples), "codes": sorted({s[2] for s in samples})}


def first_frame(runner, rounds):
    """Time from launching the TUI in tmux to its first frame on screen (capture-pane polling)."""
    if not shutil.which("tmux"):
        return None
    out = []
    for _ in range(rounds):
        session = f"akbench{os.getpid()}"
        cmd = " ".join(runner.akhbar()) + " 2>/dev/null"
        env = " ".join(f"{k}={v}" for k, v in runner.env.items() if k.startswith("XDG") or k == "HOME")
        t0 = time.perf_counter()
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                        f"env {env} {cmd}"], check=True)
        seen = None
        while time.perf_counter() - t0 < 10:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                    capture_output=True, text=True).stdout
            # The header's article count appears with the first frame that has the list.
            if "akhbar" in screen and " articles" in screen:
                seen = time.perf_counter() - t0
                break
            time.sleep(0.002)
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        if seen is not None:
            out.append((seen, float("nan"), 0))
    return summary(out) if out else None


def fmt(s):
    return f"{s['median'] * 1000:.0f} ms ({s['min'] * 1000:.0f}–{s['max'] * 1000:.0f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--items", type=int, default=100)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "performance.md"))
    ap.add_argument("--benches", default="", help="file with `cargo bench` output to include")
    args = ap.parse_args()
    rows = []
    work = tempfile.mkdtemp(prefix="akhbar-bench-")
    server, urls = serve(args.feeds, args.items)
    try:
        r = Runner(work, urls, args.threads)
        cold = {"akhbar": [], "newsboat": []}
        warm = {"akhbar": [], "newsboat": []}
        for _ in range(args.rounds):
            r.reset()
            cold["akhbar"].append(r.akhbar_fetch())
            cold["newsboat"].append(r.newsboat_reload())
            warm["akhbar"].append(r.akhbar_fetch())
            warm["newsboat"].append(r.newsboat_reload())
        rows.append((f"cold fetch, {args.feeds} feeds × {args.items} items", cold))
        rows.append(("warm fetch (all 304)", warm))
    finally:
        server.terminate()

    # A 10,000-article cache: 100 feeds × 100 items.
    work2 = tempfile.mkdtemp(prefix="akhbar-bench-")
    server, urls = serve(100, 100)
    try:
        r2 = Runner(work2, urls, args.threads)
        r2.akhbar_fetch()
        r2.newsboat_reload()
        listing = {"akhbar": [], "newsboat": []}
        for _ in range(args.rounds):
            listing["akhbar"].append(timed(r2.akhbar("list", "--limit", "50"), r2.env))
            listing["newsboat"].append(timed(r2.newsboat("-x", "print-unread"), r2.env))
        rows.append(("list from a 10,000-article cache", listing))
        frame = first_frame(r2, args.rounds)
    finally:
        server.terminate()

    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    nb_version = subprocess.run(["newsboat", "-v"], capture_output=True, text=True).stdout.split("\n")[0]
    lines = [
        "# Performance: akhbar and newsboat, side by side",
        "",
        "Written by `scripts/bench-vs-newsboat.sh` — do not edit by hand; run it again.",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {platform.system()} "
        f"{platform.release()}. {nb_version}; akhbar release build. Feeds served from 127.0.0.1 by "
        "`scripts/feedserver.py` (generated Arabic tech news with ETag/304), "
        f"{args.rounds} rounds alternating A/B, concurrency {args.threads} for both "
        "(akhbar `fetch.concurrency`, newsboat `reload-threads`).",
        "",
        "| job | akhbar median (min–max) | newsboat median (min–max) | ratio | peak RSS akhbar / newsboat |",
        "| --- | --- | --- | --- | --- |",
    ]
    verdicts = []
    for name, d in rows:
        a, n = summary(d["akhbar"]), summary(d["newsboat"])
        ratio = a["median"] / n["median"]
        lines.append(f"| {name} | {fmt(a)} | {fmt(n)} | {ratio:.2f}× | "
                     f"{a['rss']:.0f} MiB / {n['rss']:.0f} MiB |")
        verdicts.append((name, ratio, a, n))
    lines.append("")
    if frame:
        lines.append(f"akhbar start to first TUI frame with a 10,000-article cache (tmux, 120×40, "
                     f"capture-pane polling every 2 ms, so an upper bound): {fmt(frame)}.")
        lines.append("")
    lines += [
        "Commands (per round):",
        "",
        "```",
        "akhbar --db DB --config CONF --feeds URLS fetch        # CONF: [fetch] concurrency = N",
        "newsboat -u URLS -c CACHE -C CONF -x reload            # CONF: reload-threads N",
        "akhbar --db DB list --limit 50",
        "newsboat -u URLS -c CACHE -C CONF -x print-unread",
        "```",
        "",
        "Exit codes seen: " + ", ".join(
            f"{name}: akhbar {summary(d['akhbar'])['codes']}, newsboat {summary(d['newsboat'])['codes']}"
            for name, d in rows),
        "",
    ]
    if args.benches and os.path.exists(args.benches):
        with open(args.benches) as f:
            bench = f.read().strip()
        lines += ["## Micro-benchmarks (`cargo bench`, divan; medians are the 4th column)", "",
                  "```", bench, "```", ""]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
