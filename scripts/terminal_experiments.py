"""What each terminal does with right-to-left rows: small byte-level experiments, screenshotted.

    terminal_experiments.py AKHBAR OUTDIR [--terminal NAME ...] [--only EXPERIMENT ...]

Each experiment writes one screen the way a full-screen program does (alternate screen, cursor
positioned on every row) with akhbar's own layout of a short Arabic article (`akhbar render`),
varying only the bidi sequences around it. Every screenshot goes to OUTDIR/NAME-EXPERIMENT.png,
is read back with tesseract, and scored like the matrix (distinct Arabic words of ≥ 3 letters
found). Queries (DECRQM) are answered into OUTDIR/results.json. docs/terminals.md sums up what
was found; the PNGs are the evidence.
"""

import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import termlab  # noqa: E402

ESC = "\x1b"
BDSM_EXPLICIT = ESC + "[8l"
BDSM_IMPLICIT = ESC + "[8h"
LRM, RLM, LRO, RLO, PDF = "\u200e", "\u200f", "\u202d", "\u202e", "\u202c"
RLI, LRI, FSI, PDI = "\u2067", "\u2066", "\u2068", "\u2069"

# A short article: one RTL paragraph whose wrapped lines (at 56 cells) start with Latin
# (row 3) and with digits (row 5),
# and a headline list for the second pane.
ARTICLE = [
    "أعلنت مجموعة الإمارات للاتصالات رفع حصتها في شركة كريم للتطبيقات الشاملة بعد شراء حصة "
    "إضافية من المستثمرين Uber Technologies Inc والمؤسسين بقيمة مليار درهم، وقالت المجموعة "
    "إنها ستدمج خدمات المحفظة في تطبيق كريم خلال 2027 ليتمكن المستخدمون من تحويل الأموال "
    "ودفع الفواتير.",
    "وارتفع سهم المجموعة في سوق أبوظبي للأوراق المالية عقب الإعلان مباشرة.",
]
HEADLINES = [
    "إنفيديا تعلن إيرادات قياسية للربع الثالث",
    "مايكروسوفت تضيف دعم العربية إلى مساعدها",
    "أرباح stc ترتفع في الربع الثالث",
    "جوجل تطلق Gemini باللهجات العربية",
    "هواوي تكشف عن Mate 80 في دبي",
    "سامسونج تطرح Galaxy Z Fold8 في السعودية",
]
LEFT, RIGHT = 56, 50


def render(akhbar, paragraphs, width, *flags):
    out = subprocess.run(
        [akhbar, *flags, "render", "--width", str(width), "--dir", "rtl"],
        input="\n".join(paragraphs),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.rstrip("\n").split("\n")


def pad(line, width, right=False):
    # Every character here takes one cell (no harakat, no wide characters in the sample).
    n = len(line.replace(LRM, "").replace(RLM, ""))
    return (" " * (width - n) + line) if right else (line + " " * (width - n))


class Screen:
    """The text of one experiment: visual or logical rows for one or two panes."""

    def __init__(self, akhbar):
        self.visual_shaped = render(akhbar, ARTICLE, LEFT, "--shape", "on")
        self.visual_base = render(akhbar, ARTICLE, LEFT, "--shape", "off")
        self.logical = render(akhbar, ARTICLE, LEFT, "--bidi", "terminal", "--shape", "off")
        self.list_shaped = render(akhbar, HEADLINES, RIGHT, "--shape", "on")
        self.list_logical = render(akhbar, HEADLINES, RIGHT, "--bidi", "terminal", "--shape", "off")
        self.expected = termlab.arabic_words(" ".join(ARTICLE))


def words_logical(row):
    """kitty: every run of right-to-left letters in a visual row put back in logical order
    (HarfBuzz reverses each such run again when kitty draws it)."""
    import re
    import unicodedata

    def rtl(c):
        return unicodedata.bidirectional(c) in ("R", "AL")

    out, run = [], []
    for c in row:
        if rtl(c) or (run and unicodedata.combining(c)):
            run.append(c)
            continue
        out.extend(reversed(run))
        run = []
        out.append(c)
    out.extend(reversed(run))
    return "".join(out)


def colour_words(row):
    """Every third space-separated word in cyan (SGR 36), as the reader colours entities."""
    words = row.split(" ")
    return " ".join(f"{ESC}[36m{w}{ESC}[39m" if i % 3 == 2 and w else w for i, w in enumerate(words))


def rows_at(rows, before_each="", prefix="", suffix=""):
    """CUP to each row, optional sequence, then the row's text."""
    out = ""
    for i, text in enumerate(rows):
        out += f"{ESC}[{i + 2};1H{before_each}{prefix}{text}{suffix}"
    return out


def two_panes(left, right, wrap_left=("", ""), wrap_right=("", ""), wrap_row=("", ""), right_align=True):
    rows = []
    for i in range(max(len(left), len(right))):
        l = left[i] if i < len(left) else ""
        r = right[i] if i < len(right) else ""
        l = pad(l.strip(), LEFT, right=right_align) if l.strip() else " " * LEFT
        r = pad(r.strip(), RIGHT, right=right_align) if r.strip() else " " * RIGHT
        rows.append(
            f"{wrap_row[0]}{wrap_left[0]}{l}{wrap_left[1]} │ {wrap_right[0]}{r}{wrap_right[1]}{wrap_row[1]}"
        )
    return rows


START = f"{ESC}[?1049h{ESC}[H{ESC}[2J"


def experiments(s):
    """name → (description, steps); a step is ("write", text) or ("query", text)."""
    one_pane = [pad(l, LEFT, right=True) if l.strip() else "" for l in s.visual_shaped]
    one_base = [pad(l, LEFT, right=True) if l.strip() else "" for l in s.visual_base]
    panes = two_panes(s.visual_shaped, s.list_shaped)
    runs = [LRM + r for r in two_panes(s.visual_shaped, s.list_shaped, (LRO, PDF), (LRO, PDF))]
    runs_bare = panes
    return {
        "plain": ("visual rows, presentation forms, no bidi sequence", [("write", START + rows_at(panes))]),
        "bdsm-once": (
            "what akhbar sends today: alternate screen, CSI 8 l once, then the rows",
            [("write", f"{ESC}[?1049h{BDSM_EXPLICIT}{ESC}[H{ESC}[2J" + rows_at(panes))],
        ),
        "bdsm-no-clear": (
            "alternate screen, CSI 8 l once with the cursor home, rows drawn without ED (akhbar's first frame)",
            [("write", f"{ESC}[?1049h{ESC}[H{BDSM_EXPLICIT}" + rows_at(panes))],
        ),
        "bdsm-then-8h-home": (
            "rows made explicit (CSI 8 l, ED), then CSI 8 h with the cursor home: which rows turn implicit?",
            [("write", f"{ESC}[?1049h{BDSM_EXPLICIT}{ESC}[H{ESC}[2J" + rows_at(panes) + f"{ESC}[1;1H{BDSM_IMPLICIT}")],
        ),
        "bdsm-before-1049": (
            "CSI 8 l before switching to the alternate screen, then the rows",
            [("write", f"{BDSM_EXPLICIT}{ESC}[?1049h{ESC}[H{ESC}[2J" + rows_at(panes))],
        ),
        "bdsm-per-row": (
            "CSI 8 l with the cursor on each row, before its text",
            [("write", START + rows_at(panes, before_each=BDSM_EXPLICIT))],
        ),
        "bdsm-per-row-after-text": (
            "the text first, then CSI 8 l with the cursor still on the row",
            [("write", START + "".join(f"{ESC}[{i + 2};1H{r}{BDSM_EXPLICIT}" for i, r in enumerate(panes)))],
        ),
        "bdsm-per-row-then-ed": (
            "CSI 8 l on each row, then ED (CSI 2 J) and the rows again without it",
            [("write", START + rows_at(panes, before_each=BDSM_EXPLICIT) + f"{ESC}[2J" + rows_at(panes))],
        ),
        "bdsm-per-row-then-scroll": (
            "CSI 8 l on each row, then scroll up 3 rows (CSI 3 S) and the rows again at the same places",
            [("write", START + rows_at(panes, before_each=BDSM_EXPLICIT) + f"{ESC}[3S" + rows_at(panes))],
        ),
        "bdsm-per-row-then-el": (
            "CSI 8 l on each row, then each row erased (CSI 2 K) and rewritten without it",
            [("write", START + rows_at(panes, before_each=BDSM_EXPLICIT)
              + rows_at(panes, before_each=f"{ESC}[2K"))],
        ),
        "bdsm-per-row-base": (
            "CSI 8 l on each row, visual order in base letters (does the terminal join them?)",
            [("write", START + rows_at(two_panes(s.visual_base, s.list_shaped), before_each=BDSM_EXPLICIT))],
        ),
        "decrqm-rows": (
            "CSI 8 l only on row 3; DECRQM asked with the cursor on row 3, then on row 10",
            [
                ("write", START + rows_at(panes[:1]) + f"{ESC}[3;1H{BDSM_EXPLICIT}" + rows_at(panes[1:3])),
                ("query", f"{ESC}[3;1H{ESC}[8$p"),
                ("query", f"{ESC}[10;1H{ESC}[8$p"),
            ],
        ),
        "konsole-osc50-bidi-off": (
            "Konsole's profile command OSC 50 BidiRenderingEnabled=false, then the plain visual rows",
            [("write", START + f"{ESC}]50;BidiRenderingEnabled=false\a" + rows_at(panes))],
        ),
        "kitty-words-logical": (
            "visual rows (presentation forms), each run of Arabic letters put back in logical order",
            [("write", START + rows_at([words_logical(r) for r in panes]))],
        ),
        "kitty-words-logical-coloured": (
            "kitty-words-logical with every third word in colour",
            [("write", START + rows_at([colour_words(words_logical(r)) for r in panes]))],
        ),
        "lro-row": (
            "each whole row: LRM LRO visual text PDF (presentation forms)",
            [("write", START + rows_at(panes, prefix=LRM + LRO, suffix=PDF))],
        ),
        "lro-row-base": (
            "each row LRM LRO … PDF, visual order in base letters (shape off)",
            [("write", START + rows_at(two_panes(s.visual_base, s.list_logical), prefix=LRM + LRO, suffix=PDF))],
        ),
        "lro-runs": (
            "each pane's text in its own LRO … PDF, the row starting with LRM",
            [("write", START + rows_at(runs))],
        ),
        "lro-runs-coloured": (
            "lro-runs with every third word in colour (SGR inside the override, as the reader "
            "colours entities)",
            [("write", START + rows_at([colour_words(r) for r in runs]))],
        ),
        "lro-runs-partial": (
            "lro-runs, then 12 cells in the middle of row 4's text rewritten bare (a cell diff)",
            [("write", START + rows_at(runs) + f"{ESC}[4;21H" + runs_bare[2][20:32])],
        ),
        "lro-runs-redraw-pane-row": (
            "lro-runs, then the article pane of rows 2-6 rewritten, each in its own LRO … PDF "
            "(rows shifted by one: a scroll redrawn by pane rows)",
            [("write", START + rows_at(runs) + "".join(
                f"{ESC}[{i + 2};1H{LRM}{LRO}{runs_bare[i + 1][:LEFT]}{PDF}" for i in range(5)))],
        ),
        "logical-plain": (
            "one pane, logical order, no marks (akhbar --bidi terminal today)",
            [("write", START + rows_at([pad(l, LEFT, right=False) if l else "" for l in s.logical]))],
        ),
        "logical-rlm": (
            "one pane, logical order, each row starting with RLM",
            [("write", START + rows_at([RLM + l if l else "" for l in s.logical]))],
        ),
        "logical-scp": (
            "one pane, logical order, each row: CSI 2 SP k (SCP: right-to-left) at column 1, then the text",
            [("write", START + rows_at(s.logical, before_each=f"{ESC}[2 k"))],
        ),
        "logical-panes-rli": (
            "two panes, logical order, each pane RLI text+padding PDI, the row starting with LRM",
            [("write", START + rows_at(two_panes(s.logical, s.list_logical, (RLI, PDI), (RLI, PDI), right_align=False), prefix=LRM))],
        ),
        "logical-panes-rlm": (
            "two panes, logical order, each pane starting with RLM, the row with LRM",
            [("write", START + rows_at(two_panes(s.logical, s.list_logical, (RLM, ""), (RLM, ""), right_align=False), prefix=LRM))],
        ),
        "one-pane-shaped": (
            "one pane only, visual rows, presentation forms, no bidi sequence",
            [("write", START + rows_at(one_pane))],
        ),
        "one-pane-base": (
            "one pane only, visual rows, base letters, no bidi sequence",
            [("write", START + rows_at(one_base))],
        ),
    }


RUNNER = r"""
import json, os, re, select, sys, termios, time, tty
steps = json.load(open(sys.argv[1]))
fd = sys.stdin.fileno()
saved = termios.tcgetattr(fd)
tty.setraw(fd)
replies = []
for kind, text in steps:
    os.write(1, text.encode())
    if kind == "query":
        os.write(1, b"\x1b[c")
        got, deadline = b"", time.time() + 2
        while time.time() < deadline and not re.search(rb"\x1b\[\?[\d;]*c", got):
            if select.select([fd], [], [], 0.2)[0]:
                got += os.read(fd, 1024)
        replies.append(got.decode("latin-1"))
termios.tcsetattr(fd, termios.TCSADRAIN, saved)
json.dump(replies, open(sys.argv[2], "w"))
os.write(1, b"\x1b[?25l")
time.sleep(600)
"""


# The runs whose screenshots docs/terminals.md cites (scripts/terminal_experiments.py --evidence).
EVIDENCE = {
    "xterm": ["plain"],
    "xfce4-terminal": [
        "plain", "bdsm-no-clear", "bdsm-once", "bdsm-per-row-after-text", "bdsm-per-row-then-ed",
        "bdsm-per-row-then-scroll", "bdsm-per-row-then-el",
        "bdsm-per-row-base", "decrqm-rows", "logical-rlm", "logical-scp",
    ],
    "mlterm": [
        "plain", "lro-row", "lro-runs", "lro-runs-coloured", "lro-row-base", "lro-runs-partial", "lro-runs-redraw-pane-row",
        "logical-plain", "logical-rlm", "logical-panes-rli",
    ],
    "konsole": ["plain", "lro-runs", "logical-rlm", "konsole-osc50-bidi-off"],
    "kitty": ["plain", "logical-plain", "kitty-words-logical", "kitty-words-logical-coloured"],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("akhbar")
    ap.add_argument("outdir")
    ap.add_argument("--terminal", action="append")
    ap.add_argument("--only", action="append")
    ap.add_argument("--display", type=int, default=79)
    ap.add_argument("--evidence", action="store_true", help="only the runs docs/terminals.md cites")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    screen = Screen(a.akhbar)
    exps = experiments(screen)
    runner = os.path.join(a.outdir, ".runner.py")
    with open(runner, "w") as f:
        f.write(RUNNER)
    results_path = os.path.join(a.outdir, "results.json")
    results = json.load(open(results_path)) if os.path.exists(results_path) else {}
    display = termlab.Display(a.display)
    try:
        for tname in a.terminal or ["xterm", "xfce4-terminal", "mlterm", "konsole", "kitty"]:
            term = termlab.by_name(tname)
            for name, (what, steps) in exps.items():
                if a.only and name not in a.only:
                    continue
                if a.evidence and name not in EVIDENCE.get(tname, []):
                    continue
                slug = f"{tname}-{name}"
                steps_path = os.path.join(a.outdir, f".{slug}.json")
                replies_path = os.path.join(a.outdir, f".{slug}.replies.json")
                with open(steps_path, "w") as f:
                    json.dump(steps, f)
                run = termlab.Run(display, term, ["python3", runner, steps_path, replies_path], settle=2.5)
                try:
                    png = run.screenshot(os.path.join(a.outdir, f"{slug}.png"))
                finally:
                    run.close()
                replies = json.load(open(replies_path)) if os.path.exists(replies_path) else None
                for p in (steps_path, replies_path):
                    if os.path.exists(p):
                        os.unlink(p)
                found = termlab.score(screen.expected, termlab.ocr(png))
                termlab.shrink(png)
                results[slug] = {"what": what, "score": round(found, 2), "replies": replies}
                print(f"{slug}: {found:.2f} {replies or ''}", flush=True)
                with open(results_path, "w") as f:
                    json.dump(results, f, ensure_ascii=False, indent=1)
    finally:
        display.close()


if __name__ == "__main__":
    main()
