"""The reader in every terminal Debian ships, screenshotted and read back with OCR.

    terminal_matrix.py AKHBAR OUTDIR [--only NAME ...] [--no-docs]

Opens `akhbar --demo` (no other flag: akhbar's detection chooses) at 120×40 in each terminal,
screenshots the window into OUTDIR, reads it with `tesseract -l ara` and scores it. Writes the
table between the markers in docs/terminals.md unless --no-docs. Started by
scripts/terminal-matrix.sh, which installs the packages and builds akhbar first.

The score: the article the reader opens first is the newest demo item (all of it fits on a
120×40 screen). Its words are the distinct Arabic words of at least three letters in its body,
normalised (NFKC, so presentation forms count as letters; harakat and tatweel dropped; أإآ→ا,
ى→ي, ة→ه), less every word that also occurs in a headline or a feed title, since the headline
list beside the article shows those whatever happens to the article pane. The score is the
fraction of those words found in tesseract's reading of the whole window. A terminal passes
at 0.8 of xterm's score.
"""

import argparse
import email.utils
import glob
import html
import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import termlab  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "atom": "http://www.w3.org/2005/Atom",
}
BEGIN = "<!-- terminal-matrix:begin -->"
END = "<!-- terminal-matrix:end -->"


def strip_tags(markup):
    return html.unescape(re.sub(r"<[^>]+>", " ", markup or ""))


def demo_items():
    """(published, title, body) of every demo item, RSS and Atom."""
    items = []
    titles = []
    for path in sorted(glob.glob(os.path.join(ROOT, "assets", "demo", "*.xml"))):
        root = ET.parse(path).getroot()
        for feed_title in root.iter("title"):
            titles.append(feed_title.text or "")
        for feed_title in root.iter("{http://www.w3.org/2005/Atom}title"):
            titles.append(feed_title.text or "")
        for item in root.iter("item"):
            date = email.utils.parsedate_to_datetime(item.findtext("pubDate"))
            body = item.findtext("content:encoded", namespaces=NS) or item.findtext("description")
            items.append((date.timestamp(), item.findtext("title"), strip_tags(body)))
        for entry in root.iter("{http://www.w3.org/2005/Atom}entry"):
            stamp = entry.findtext("atom:published", namespaces=NS) or entry.findtext(
                "atom:updated", namespaces=NS
            )
            from datetime import datetime

            date = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
            content = entry.find("atom:content", NS)
            body = "".join(content.itertext()) if content is not None else ""
            items.append((date.timestamp(), entry.findtext("atom:title", namespaces=NS), strip_tags(body)))
    return items, titles


def expected_words():
    items, titles = demo_items()
    _, title, body = max(items, key=lambda i: i[0])
    shown_anyway = set()
    for t in titles + [i[1] for i in items]:
        shown_anyway |= termlab.arabic_words(t or "")
    return title, termlab.arabic_words(body) - shown_anyway


def grow_and_shrink(run):
    """Resize the window (smaller, then larger than at start), as a user dragging it would."""
    wid = run.window[0]
    for width, height in ((700, 400), (1300, 900)):
        subprocess.run(["xdotool", "windowsize", wid, str(width), str(height)], env=run.display.env(), check=True)
        time.sleep(2)


def run_one(display, terminal, akhbar, outdir, slug, args=(), expected=frozenset(), prelude="", action=None):
    """Opens the reader in `terminal`; returns the row of the table (a dict)."""
    probe_out = os.path.join(outdir, f".{slug}.probe.json")
    if os.path.exists(probe_out):
        os.unlink(probe_out)
    probe = os.path.join(ROOT, "scripts", "terminal_probe.py")
    argv = ["python3", probe, probe_out, akhbar, "--demo", *args]
    env = {"TERMINAL_MATRIX_PRELUDE": prelude} if prelude else None
    run = termlab.Run(display, terminal, argv, settle=4.0, env=env)
    row = {"terminal": terminal.name, "version": terminal.version(), "args": " ".join(args)}
    if prelude:
        row["prelude"] = prelude
    try:
        if action and run.window:
            action(run)
            # The window's size changed: take its new geometry.
            run.window = next((w for w in termlab.top_windows(display) if w[0] == run.window[0]), run.window)
        png = run.screenshot(os.path.join(outdir, f"{slug}.png"))
    except RuntimeError as e:
        row.update(error=str(e).splitlines()[0], detail=run.error_text())
        run.close()
        return row
    run.close()
    try:
        with open(probe_out) as f:
            row["probe"] = json.load(f)
        os.unlink(probe_out)
    except OSError:
        row["probe"] = None
    text = termlab.ocr(png)
    termlab.shrink(png)
    row["png"] = os.path.relpath(png, ROOT)
    row["score"] = termlab.score(expected, text)
    return row


def mode_of(row, args):
    probe = row.get("probe") or {}
    bidi = "app"
    for i, a in enumerate(args):
        if a == "--bidi":
            bidi = args[i + 1]
    shape = "on" if probe.get("shape") else "off"
    for i, a in enumerate(args):
        if a == "--shape":
            shape = args[i + 1]
    return f"bidi={bidi}, shape={shape}"


def decrqm_text(probe):
    if not probe:
        return "?"
    if probe.get("decrqm_8") is not None:
        return f"`8;{probe['decrqm_8']}$y`"
    return "no answer" if probe.get("da1_answered") else "no answer (nor DA1)"


def verdict(r, xterm_score):
    passed = xterm_score > 0 and r["score"] >= 0.8 * xterm_score
    control = r.get("control") or ""
    if control.startswith("logical"):
        return "control: must fail — " + ("**it passed: OCR check broken**" if passed else "fails, as it must")
    if control.startswith("smaller"):
        return "n/a: less of the article fits"
    result = "pass" if passed else "**fail**"
    return f"{result} (by hand)" if control.startswith("finding") else result


def table(rows, xterm_score):
    lines = [
        "| terminal | version | akhbar chose (no flags) | DECRQM mode 8 | DA2 | score | result | screenshot |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        name = r["terminal"] + (f" `{r['args']}`" if r["args"] else "")
        if r.get("prelude"):
            shown = r["prelude"].replace("\x1b", "ESC ").replace("\x07", " BEL")
            name += f", `{shown}` sent first"
        if "error" in r:
            lines.append(f"| {name} | {r['version']} | — | — | — | — | did not start: {r['error']} | — |")
            continue
        probe = r.get("probe") or {}
        da2 = f"`>{probe['da2']}c`" if probe.get("da2") else "—"
        lines.append(
            f"| {name} | {r['version']} | {mode_of(r, r['args'].split())} | {decrqm_text(probe)} | {da2}"
            f" | {r['score']:.2f} | {verdict(r, xterm_score)} | [{os.path.basename(r['png'])}]({os.path.relpath(r['png'], 'docs')}) |"
        )
    return "\n".join(lines)


def write_docs(text):
    path = os.path.join(ROOT, "docs", "terminals.md")
    with open(path) as f:
        doc = f.read()
    if BEGIN not in doc or END not in doc:
        raise SystemExit(f"{path}: markers {BEGIN} … {END} not found")
    head, rest = doc.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(path, "w") as f:
        f.write(f"{head}{BEGIN}\n{text}\n{END}{tail}")


# (slug, terminal, extra args, control: why this run is expected to read badly or None,
#  prelude: bytes sent before akhbar starts)
RUNS = [
    ("xterm", "xterm", [], None),
    ("xfce4-terminal", "xfce4-terminal", [], None),
    ("gnome-terminal", "gnome-terminal", [], None),
    ("mlterm", "mlterm", [], None),
    ("konsole", "konsole", [], None),
    ("alacritty", "alacritty", [], None),
    ("kitty", "kitty", [], None),
    # Where the terminal reorders, the mode it offers instead of akhbar's own layout.
    ("xfce4-terminal-bidi-terminal", "xfce4-terminal", ["--bidi", "terminal"], None),
    ("mlterm-bidi-terminal", "mlterm", ["--bidi", "terminal"], None),
    ("konsole-bidi-terminal", "konsole", ["--bidi", "terminal"], None),
    # The OCR check must fail a wrong rendering: logical order in a terminal that does not
    # reorder reads every word backwards.
    ("xterm-bidi-off", "xterm", ["--bidi", "off"], "logical order, must score low"),
    # The findings applied by hand to today's reader: what phase 2 must send by itself.
    ("xfce4-terminal-8l-first", "xfce4-terminal", [], "finding, by hand", "\x1b[8l"),
    ("konsole-osc50", "konsole", ["--shape", "on"], "finding, by hand", "\x1b]50;BidiRenderingEnabled=false\x07"),
    # Rows that a resize adds are made in the mode current then: still explicit.
    ("xfce4-terminal-8l-first-resized", "xfce4-terminal", [], "finding, by hand, resized", "\x1b[8l", grow_and_shrink),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("akhbar")
    ap.add_argument("outdir")
    ap.add_argument("--only", action="append", help="run only these slugs (xterm is always run)")
    ap.add_argument("--no-docs", action="store_true")
    ap.add_argument("--display", type=int, default=77)
    ap.add_argument("--table-only", action="store_true", help="rewrite the table from OUTDIR/matrix.json")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    title, expected = expected_words()
    if a.table_only:
        with open(os.path.join(a.outdir, "matrix.json")) as f:
            rows = json.load(f)
        return finish(a, rows, title, expected)
    print(f"article: {title} — {len(expected)} words to find", flush=True)
    display = termlab.Display(a.display)
    rows = []
    try:
        for slug, name, args, control, *extra in RUNS:
            if a.only and slug != "xterm" and slug not in a.only:
                continue
            terminal = termlab.by_name(name)
            if not terminal.available():
                print(f"{slug}: not installed, skipped", flush=True)
                continue
            row = run_one(display, terminal, a.akhbar, a.outdir, slug, args, expected, *extra)
            if len(extra) > 1:
                row["terminal"] += ", resized smaller then larger"
            row["control"] = control
            rows.append(row)
            print(f"{slug}: {row.get('score', row.get('error'))}", flush=True)
        # One at 80×24, in the terminal every other is compared with.
        termlab.COLS, termlab.ROWS = 80, 24
        row = run_one(display, termlab.by_name("xterm"), a.akhbar, a.outdir, "xterm-80x24", [], expected)
        row["terminal"] = "xterm 80×24"
        row["control"] = "smaller screen: part of the article is below the fold"
        rows.append(row)
        print(f"xterm-80x24: {row.get('score', row.get('error'))}", flush=True)
    finally:
        termlab.COLS, termlab.ROWS = 120, 40
        display.close()
    with open(os.path.join(a.outdir, "matrix.json"), "w") as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)
    return finish(a, rows, title, expected)


def finish(a, rows, title, expected):
    xterm_score = next((r["score"] for r in rows if r["terminal"] == "xterm" and not r["args"]), 0.0)
    text = (
        f"Article: «{title}», {len(expected)} words to find; "
        f"pass = at least 0.8 × xterm's {xterm_score:.2f}.\n\n" + table(rows, xterm_score)
    )
    print(text)
    if not a.no_docs:
        write_docs(text)
    failed = [
        r
        for r in rows
        if not (r.get("control") or "").startswith(("logical", "smaller"))
        and ("error" in r or r["score"] < 0.8 * xterm_score)
    ]
    controls_ok = all(r["score"] < 0.5 * xterm_score for r in rows if (r.get("control") or "").startswith("logical"))
    if not controls_ok:
        print("the OCR check is not trustworthy: a wrong rendering scored high", file=sys.stderr)
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
