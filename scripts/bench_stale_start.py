#!/usr/bin/env python3
"""The reader's start over a cache whose entities are stale (as after an update that changed the
recognizer), in tmux at 120x40: time to the first frame with the headlines, to the status line's
"updating entities: done", and from `q` to the process's end — once letting the re-index finish,
once quitting in its middle (then how many articles were left stale, and the next start's time
to "done"). `--current` times the ordinary start over the cache as it is. Polling capture-pane:
the times are upper bounds.

    python3 scripts/bench_stale_start.py --binary target/release/akhbar --db CACHE.db [--rounds 3]

CACHE.db is copied for each round and never written. Needs tmux and sqlite3 (Python's module).
"""

import argparse
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time

HEADLINES = re.compile(r"\b[1-9][0-9]* articles")


def screen(session):
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                          capture_output=True, text=True).stdout


def wait(session, ok, limit, step=0.005):
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit:
        s = screen(session)
        if ok(s):
            return time.perf_counter()
        time.sleep(step)
    raise SystemExit(f"timed out; the screen:\n{screen(session)}")


def stale_copy(src, work, current=False):
    db = os.path.join(work, "akhbar.db")
    shutil.copy(src, db)
    if current:
        return db
    con = sqlite3.connect(db)
    con.execute("UPDATE articles SET entities_version = 'old'")
    con.execute("INSERT INTO meta (key, value) VALUES ('entities_version', 'old') "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return db


def stale_count(db):
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM articles WHERE entities_version = 'old'").fetchone()[0]
    version = con.execute("SELECT value FROM meta WHERE key = 'entities_version'").fetchone()[0]
    con.close()
    return n, version


def start(binary, db, work):
    """A tmux session running the reader over `db`; returns (session, t0)."""
    session = f"akstale{os.getpid()}"
    conf = os.path.join(work, "config.toml")
    with open(conf, "w") as f:
        f.write("[fetch]\nrefresh_on_start = false\nrefresh_minutes = 0\n")
    home = os.path.join(work, "home")
    os.makedirs(home, exist_ok=True)
    cmd = (f"env HOME={home} XDG_STATE_HOME={home}/state XDG_DATA_HOME={home}/data "
           f"LANG=C.UTF-8 {binary} --db {db} --config {conf} 2>/dev/null; echo ENDED; sleep 60")
    t0 = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", cmd],
                   check=True)
    return session, t0


def first_frame(session):
    return wait(session, lambda s: HEADLINES.search(s) and "loading" not in s, 120, 0.002)


def quit_time(session):
    subprocess.run(["tmux", "send-keys", "-t", session, "q"], check=True)
    t = time.perf_counter()
    return wait(session, lambda s: "ENDED" in s, 30, 0.002) - t


def done(session):
    # A binary that re-indexes before its first frame never says it.
    return wait(session, lambda s: "updating entities: done" in s, 120, 0.01)


def ms(xs):
    xs = [x for x in xs if x is not None]
    if not xs:
        return "-"
    return f"{statistics.median(xs) * 1000:.0f} ms ({min(xs) * 1000:.0f}–{max(xs) * 1000:.0f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--blocking", action="store_true",
                    help="the binary re-indexes before its first frame (no 'done' to wait for)")
    ap.add_argument("--current", action="store_true",
                    help="leave the cache as it is (entities current): the ordinary start")
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    firsts, dones, quits, mids, lefts, resumed = [], [], [], [], [], []
    for _ in range(a.rounds):
        with tempfile.TemporaryDirectory() as work:
            db = stale_copy(a.db, work, a.current)
            session, t0 = start(binary, db, work)
            try:
                firsts.append(first_frame(session) - t0)
                if not (a.blocking or a.current):
                    dones.append(done(session) - t0)
                quits.append(quit_time(session))
            finally:
                subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
            if a.blocking or a.current:
                continue
            # Quit in the middle: as soon as the progress has passed a quarter.
            db = stale_copy(a.db, work)
            session, t0 = start(binary, db, work)
            try:
                first_frame(session)

                def past_a_quarter(s):
                    m = re.search(r"updating entities: (\d+) of (\d+)", s)
                    return m and int(m.group(1)) * 4 >= int(m.group(2))
                wait(session, past_a_quarter, 120, 0.005)
                mids.append(quit_time(session))
            finally:
                subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
            left, version = stale_count(db)
            lefts.append((left, version))
            session, t0 = start(binary, db, work)
            try:
                first_frame(session)
                resumed.append(done(session) - t0)
                quit_time(session)
            finally:
                subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    print(f"first frame with the headlines: {ms(firsts)}")
    print(f"status says done: {ms(dones)}")
    print(f"q to the end of the process: {ms(quits)}")
    if mids:
        print(f"q in the middle to the end: {ms(mids)}")
        print(f"left stale after that quit (articles, meta version): {lefts}")
        print(f"the next start to done: {ms(resumed)}")


if __name__ == "__main__":
    main()
