"""The reader in every terminal Debian ships, screenshotted and read back with OCR.

    terminal_matrix.py AKHBAR OUTDIR [--only NAME ...] [--no-docs]

Opens `akhbar --demo` (no other flag: akhbar's detection chooses) at 120×40 in each terminal,
screenshots the window into OUTDIR, reads it with `tesseract -l ara` and scores it. Writes the
table between the markers in docs/terminals.md unless --no-docs. Started by
scripts/terminal-matrix.sh, which installs the packages and builds akhbar first.

The score: the article the reader opens first is the newest demo item (all of it fits on a
120×40 screen). The article pane is cut out of the screenshot at the pane border (found as the
longest vertical line) and read alone. Two fractions:

- words: of the distinct Arabic words of at least three letters in its body, normalised (NFKC,
  so presentation forms count as letters; harakat and tatweel dropped; أإآ→ا, ى→ي, ة→ه), less
  every word that also occurs in a headline or a feed title, how many come back;
- order: of the pairs of adjacent body words (both Arabic, three letters or more), how many
  come back adjacent and in the same order — which a reversed word order, lines out of order
  or the wrong pane in the cut-out all break, while the words alone may still be found.

A terminal passes when both reach 0.8 of xterm's.
"""

import argparse
import email.utils
import glob
import html
import json
import os
import re
import shutil
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


def expected():
    """The newest article's title, its words and its ordered word pairs to find."""
    items, titles = demo_items()
    _, title, body = max(items, key=lambda i: i[0])
    shown_anyway, pairs_anyway = set(), set()
    for t in titles + [i[1] for i in items]:
        shown_anyway |= termlab.arabic_words(t or "")
        pairs_anyway |= termlab.ordered_pairs(t or "")
    return title, termlab.arabic_words(body) - shown_anyway, termlab.ordered_pairs(body) - pairs_anyway


def press(*keys):
    """Keys typed into the window (XTEST, as a user would), a second apart."""

    def action(run):
        env = run.display.env()
        subprocess.run(["xdotool", "windowfocus", "--sync", run.window[0]], env=env, check=False)
        for key in keys:
            subprocess.run(["xdotool", "key", key], env=env, check=True)
            time.sleep(1.0)
        time.sleep(1.0)

    return action


def grow_and_shrink(run):
    """Resize the window (smaller, then larger than at start), as a user dragging it would."""
    wid = run.window[0]
    for width, height in ((700, 400), (1300, 900)):
        subprocess.run(["xdotool", "windowsize", wid, str(width), str(height)], env=run.display.env(), check=True)
        time.sleep(2)


def chosen(state_dir):
    """What akhbar logged about the terminal: (class, shape) or None."""
    try:
        with open(os.path.join(state_dir, "akhbar", "akhbar.log"), errors="replace") as f:
            log = f.read()
    except OSError:
        return None
    m = re.search(r"terminal: (\w+) .*; shape (on|off)", log)
    return (m.group(1), m.group(2)) if m else None


def run_one(display, terminal, akhbar, outdir, slug, args=(), want=None, prelude="", action=None):
    """Opens the reader in `terminal`; returns the row of the table (a dict)."""
    probe_out = os.path.join(outdir, f".{slug}.probe.json")
    if os.path.exists(probe_out):
        os.unlink(probe_out)
    shutil.rmtree(probe_out + ".state", ignore_errors=True)
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
    row["chosen"] = chosen(probe_out + ".state")
    shutil.rmtree(probe_out + ".state", ignore_errors=True)
    words, pairs = want
    border = termlab.pane_border(png)
    row["border"] = border
    # The article pane alone (left of the border); the whole window if there is no border.
    text = termlab.ocr(png, crop=f"{border - 2}x100000+0+0" if border else None)
    termlab.shrink(png)
    row["png"] = os.path.relpath(png, ROOT)
    row["score"] = termlab.score(words, text)
    row["order"] = termlab.pair_score(pairs, text)
    return row


def mode_of(row, args):
    bidi = "app"
    for i, a in enumerate(args):
        if a == "--bidi":
            bidi = args[i + 1]
    if not row.get("chosen"):
        return f"bidi={bidi}, ? (no log)"
    kind, shape = row["chosen"]
    return f"{kind}, bidi={bidi}, shape={shape}"


def decrqm_text(probe):
    if not probe:
        return "?"
    if probe.get("decrqm_8") is not None:
        return f"`8;{probe['decrqm_8']}$y`"
    return "no answer" if probe.get("da1_answered") else "no answer (nor DA1)"


def passes(r, ref):
    """Both fractions at 0.8 of xterm's (`ref`: its row)."""
    return (
        "error" not in r
        and ref["score"] > 0
        and r["score"] >= 0.8 * ref["score"]
        and r["order"] >= 0.8 * ref["order"]
    )


def verdict(r, ref):
    control = r.get("control") or ""
    if control.startswith("wrong"):
        return "control: must fail — " + ("**it passed: the check is broken**" if passes(r, ref) else "fails, as it must")
    if control.startswith("smaller"):
        return "n/a: less of the article fits"
    return "pass" if passes(r, ref) else "**fail**"


def table(rows, ref):
    lines = [
        "| terminal | version | akhbar chose | DECRQM mode 8 | DA2 | words | order | result | screenshot |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        name = r["terminal"] + (f" `{r['args']}`" if r["args"] else "")
        if r.get("prelude"):
            shown = r["prelude"].replace("\x1b", "ESC ").replace("\x07", " BEL")
            name += f", `{shown}` sent first"
        if "error" in r:
            lines.append(f"| {name} | {r['version']} | — | — | — | — | — | did not start: {r['error']} | — |")
            continue
        probe = r.get("probe") or {}
        da2 = f"`>{probe['da2']}c`" if probe.get("da2") else "—"
        lines.append(
            f"| {name} | {r['version']} | {mode_of(r, r['args'].split())} | {decrqm_text(probe)} | {da2}"
            f" | {r['score']:.2f} | {r['order']:.2f} | {verdict(r, ref)} | [{os.path.basename(r['png'])}]({os.path.relpath(r['png'], 'docs')}) |"
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
#  prelude: bytes sent before akhbar starts, action: what is done in the window before the
#  screenshot). No run names the terminal or the shaping: akhbar's detection chooses.
MOVE = press("j", "j", "k", "k")  # rows redrawn: the selection moves away and back
RUNS = [
    ("xterm", "xterm", [], None, "", MOVE),
    ("xfce4-terminal", "xfce4-terminal", [], None, "", MOVE),
    ("gnome-terminal", "gnome-terminal", [], None, "", MOVE),
    ("mlterm", "mlterm", [], None, "", MOVE),
    ("konsole", "konsole", [], None, "", MOVE),
    ("alacritty", "alacritty", [], None, "", MOVE),
    ("kitty", "kitty", [], None, "", MOVE),
    # Rows that a resize adds must be explicit too (akhbar clears after CSI 8 l).
    ("xfce4-terminal-resized", "xfce4-terminal", [], None, "", grow_and_shrink),
    # The checks must fail a wrong layout: logical order where the terminal does not reorder
    # reads every word backwards (xterm); in kitty, which shapes each word itself, every word
    # reads right and only their order is wrong.
    ("xterm-bidi-off", "xterm", ["--bidi", "off"], "wrong: letters of every word reversed"),
    ("kitty-bidi-off", "kitty", ["--bidi", "off"], "wrong: words right, word order reversed"),
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
    title, words, pairs = expected()
    if a.table_only:
        with open(os.path.join(a.outdir, "matrix.json")) as f:
            rows = json.load(f)
        return finish(a, rows, title, words, pairs)
    print(f"article: {title} — {len(words)} words, {len(pairs)} pairs to find", flush=True)
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
            row = run_one(display, terminal, a.akhbar, a.outdir, slug, args, (words, pairs), *extra)
            if extra and extra[-1] is grow_and_shrink:
                row["terminal"] += ", resized smaller then larger"
            row["control"] = control
            rows.append(row)
            print(f"{slug}: {row.get('score', row.get('error'))} {row.get('order')} {row.get('chosen')}", flush=True)
        # One at 80×24, in the terminal every other is compared with.
        termlab.COLS, termlab.ROWS = 80, 24
        row = run_one(display, termlab.by_name("xterm"), a.akhbar, a.outdir, "xterm-80x24", [], (words, pairs))
        row["terminal"] = "xterm 80×24"
        row["control"] = "smaller screen: part of the article is below the fold"
        rows.append(row)
        print(f"xterm-80x24: {row.get('score', row.get('error'))} {row.get('order')}", flush=True)
    finally:
        termlab.COLS, termlab.ROWS = 120, 40
        display.close()
    with open(os.path.join(a.outdir, "matrix.json"), "w") as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)
    return finish(a, rows, title, words, pairs)


def finish(a, rows, title, words, pairs):
    ref = next((r for r in rows if r["terminal"] == "xterm" and not r["args"]), None)
    if ref is None or "error" in ref:
        print("no xterm row to compare with", file=sys.stderr)
        return 2
    text = (
        f"Article: «{title}», {len(words)} words and {len(pairs)} ordered pairs to find; "
        f"pass = both at least 0.8 × xterm's ({ref['score']:.2f} words, {ref['order']:.2f} order).\n\n"
        + table(rows, ref)
    )
    print(text)
    if not a.no_docs:
        write_docs(text)
    failed = [
        r
        for r in rows
        if not (r.get("control") or "").startswith(("wrong", "smaller")) and not passes(r, ref)
    ]
    controls_ok = all(not passes(r, ref) for r in rows if (r.get("control") or "").startswith("wrong"))
    if not controls_ok:
        print("the check is not trustworthy: a wrong layout passed", file=sys.stderr)
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
