#!/usr/bin/env python3
"""Is this page already in the real-news set? Run it on a page's address BEFORE reading the
page for a new tuning part: a page in a held-out part must not be read at all (issue 12's
targets are measured on those parts, unseen), and a page in a tuning part is not fresh.

    python3 scripts/source_used.py URL [URL ...]     (or one address a line on stdin)

It answers per address: `held-out: pick another page, do not read it`, `in tuningN.txt`, or
`new`; and says when only the site is in a held-out part (allowed, but not a fresh outlet). It
never prints what a held-out part holds."""

import sys
import urllib.parse
from pathlib import Path

PARTS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "entities-real"


def key(url: str) -> str:
    """The address without scheme, `www.`, query marks' order or a trailing slash, decoded."""
    u = urllib.parse.urlsplit(urllib.parse.unquote(url.strip()))
    host = u.netloc.lower().removeprefix("www.")
    return host + u.path.rstrip("/") + ("?" + u.query if u.query else "")


def host(url: str) -> str:
    return key(url).split("/", 1)[0]


def sources(part: Path):
    for line in part.read_text(encoding="utf-8").splitlines():
        if line.startswith("@ "):
            yield line[2:].strip()


def main() -> int:
    urls = sys.argv[1:] or [l for l in sys.stdin.read().split() if l]
    if not urls:
        print(__doc__)
        return 2
    held_pages, held_hosts, tuning = set(), set(), {}
    for part in sorted(PARTS.glob("*.txt")):
        for src in sources(part):
            if part.name.startswith("heldout"):
                held_pages.add(key(src))
                held_hosts.add(host(src))
            else:
                tuning.setdefault(key(src), part.name)
    for url in urls:
        k = key(url)
        if k in held_pages:
            verdict = "held-out: pick another page, do not read it"
        elif k in tuning:
            verdict = f"in {tuning[k]}"
        else:
            verdict = "new" + (" (its site is in a held-out part)" if host(url) in held_hosts else "")
        print(f"{verdict}\t{url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
