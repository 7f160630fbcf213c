#!/usr/bin/env python3
"""Cold fetch only, akhbar and newsboat alternating (akhbar, newsboat, akhbar), on the heavy
feeds of scripts/feedserver.py: the largest size of docs/performance.md, where newsboat's warm
fetch alone takes minutes, so the full harness (bench_vs_newsboat.py) is run there with
--no-newsboat and this gives the cold-fetch ratio.

Usage: python3 scripts/bench_cold_fetch.py AKHBAR_BINARY [FEEDS [ITEMS]]   (default 1000 100)
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_vs_newsboat as bench  # noqa: E402


def main():
    binary = sys.argv[1]
    feeds = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    items = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    server, _, urls = bench.serve(feeds, items)
    work = tempfile.mkdtemp(prefix="akhbar-cold-")
    akhbar = bench.Contender("akhbar", work, urls, 8, binary=binary)
    newsboat = bench.Contender("newsboat", work, urls, 8)
    try:
        for c in (akhbar, newsboat, akhbar):
            c.reset()
            wall, _, code, cpu = c.fetch()
            print(f"{c.name}: {wall:.1f} s wall, {cpu:.1f} s CPU, exit {code}, "
                  f"cache {c.size() / 1e6:.1f} MB")
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
