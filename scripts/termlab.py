"""Real terminals under Xvfb: start one, let it run a command, screenshot it, OCR the Arabic.

Shared by scripts/terminal_matrix.py (the reader in every terminal) and
scripts/terminal_experiments.py (what each terminal does with bidi sequences). Needs the
Debian packages that scripts/terminal-matrix.sh installs. Every process started here is
killed by the id we got for it, never by name.
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata

COLS, ROWS = 120, 40
FONT = "DejaVu Sans Mono"
FONT_SIZE = 11


# ---------------------------------------------------------------- the X server and the session bus


class Display:
    """An Xvfb server and a D-Bus session bus (gnome-terminal and Konsole need one)."""

    def __init__(self, number=77):
        # A SIGTERM must still run the `finally` that closes the server and the bus.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        self.name = f":{number}"
        self.xvfb = subprocess.Popen(
            ["Xvfb", self.name, "-screen", "0", "1920x1200x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{number}"):
                break
            time.sleep(0.05)
        out = subprocess.run(
            ["dbus-launch", "--sh-syntax"],
            env=self.env(),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        self.bus = re.search(r"DBUS_SESSION_BUS_ADDRESS='([^']*)'", out).group(1)
        self.bus_pid = int(re.search(r"DBUS_SESSION_BUS_PID=(\d+)", out).group(1))

    def env(self, extra=None):
        env = {
            k: v
            for k, v in os.environ.items()
            # The terminal under test sets its own; hints from the shell that runs this must not leak.
            if k not in ("VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "TERM_PROGRAM", "TMUX", "COLORTERM")
        }
        env.update(DISPLAY=self.name, LANG="C.UTF-8", LC_ALL="C.UTF-8", NO_AT_BRIDGE="1")
        if getattr(self, "bus", None):
            env["DBUS_SESSION_BUS_ADDRESS"] = self.bus
        env.update(extra or {})
        return env

    def close(self):
        for pid in (self.bus_pid,):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        self.xvfb.terminate()
        self.xvfb.wait()


# ---------------------------------------------------------------------------- terminals


def version_of(cmd, pattern=r"(\d+(?:\.\d+)+)"):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    m = re.search(pattern, out.stdout + out.stderr)
    return m.group(1) if m else "?"


def dpkg_version(pkg):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
    return out.stdout.strip() or "?"


class Terminal:
    """How to start one terminal at COLS×ROWS running `argv`, with its default settings.

    Only the font is chosen (DejaVu Sans Mono, the same size everywhere) so that the OCR
    compares like with like; nothing bidi-related is set.
    """

    def __init__(self, name, package, argv_for, version=None, env=None, server_proc=None):
        self.name = name
        self.package = package
        self.argv_for = argv_for
        self._version = version
        self.extra_env = env or {}
        # gnome-terminal asks a server over D-Bus; that server is what must be stopped.
        self.server_proc = server_proc

    def available(self):
        return shutil.which(self.argv_for(["true"])[0]) is not None

    def version(self):
        return self._version() if self._version else dpkg_version(self.package)


def _xterm(argv):
    return ["xterm", "-fa", FONT, "-fs", str(FONT_SIZE), "-geometry", f"{COLS}x{ROWS}+0+0", "-e", *argv]


def _xfce(argv):
    return [
        "xfce4-terminal",
        "--disable-server",
        f"--geometry={COLS}x{ROWS}+0+0",
        f"--font={FONT} {FONT_SIZE}",
        "-x",
        *argv,
    ]


def _gnome(argv):
    # --wait: the client lives as long as the tab, so killing it is not enough; see server_proc.
    return ["gnome-terminal", f"--geometry={COLS}x{ROWS}+0+0", "--", *argv]


def _mlterm(argv):
    return ["mlterm", "-g", f"{COLS}x{ROWS}+0+0", "-w", str(FONT_SIZE + 4), "-e", *argv]


def _konsole(argv):
    return [
        "konsole",
        "--separate",
        "--nofork",
        "-p",
        f"TerminalColumns={COLS}",
        "-p",
        f"TerminalRows={ROWS}",
        "-p",
        f"Font={FONT},{FONT_SIZE},-1,5,50,0,0,0,0,0",
        "-e",
        *argv,
    ]


def _alacritty(argv):
    return [
        "alacritty",
        "-o",
        f"window.dimensions.columns={COLS}",
        "-o",
        f"window.dimensions.lines={ROWS}",
        "-o",
        f"font.size={FONT_SIZE}",
        "-o",
        f"font.normal.family={FONT}",
        "-e",
        *argv,
    ]


def _kitty(argv):
    return [
        "kitty",
        "-o",
        f"initial_window_width={COLS}c",
        "-o",
        f"initial_window_height={ROWS}c",
        "-o",
        "remember_window_size=no",
        "-o",
        f"font_size={FONT_SIZE}",
        "-o",
        f"font_family={FONT}",
        *argv,
    ]


TERMINALS = [
    Terminal("xterm", "xterm", _xterm, version=lambda: dpkg_version("xterm")),
    Terminal("xfce4-terminal (VTE)", "xfce4-terminal", _xfce,
             version=lambda: f"{dpkg_version('xfce4-terminal')}, VTE {dpkg_version('libvte-2.91-0')}"),
    Terminal("gnome-terminal (VTE)", "gnome-terminal", _gnome,
             version=lambda: f"{dpkg_version('gnome-terminal')}, VTE {dpkg_version('libvte-2.91-0')}",
             server_proc="gnome-terminal-server"),
    Terminal("mlterm", "mlterm", _mlterm),
    Terminal("Konsole", "konsole", _konsole, env={"QT_QPA_PLATFORM": "xcb"}),
    Terminal("Alacritty", "alacritty", _alacritty, env={"LIBGL_ALWAYS_SOFTWARE": "1"}),
    Terminal("kitty", "kitty", _kitty, env={"LIBGL_ALWAYS_SOFTWARE": "1"}),
]


def by_name(name):
    for t in TERMINALS:
        if t.name.split()[0].lower() == name.lower():
            return t
    raise KeyError(name)


def top_windows(display):
    """(id, width, height, x, y) of the mapped top-level windows, largest first."""
    out = subprocess.run(
        ["xwininfo", "-root", "-children"], env=display.env(), capture_output=True, text=True
    ).stdout
    wins = []
    for m in re.finditer(r"^\s+(0x[0-9a-f]+) .*?(\d+)x(\d+)\+(-?\d+)\+(-?\d+)", out, re.M):
        wid, w, h, x, y = m.group(1), *map(int, m.groups()[1:])
        state = subprocess.run(
            ["xwininfo", "-id", wid], env=display.env(), capture_output=True, text=True
        ).stdout
        if "IsViewable" in state and w > 200 and h > 150:
            wins.append((wid, w, h, x, y))
    return sorted(wins, key=lambda w: -w[1] * w[2])


def children_of(pid):
    """Process ids below `pid` (from /proc), so a terminal's shell and program go too."""
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry))
                frontier.append(int(entry))
    return found


def pids_named(name, parent):
    """Processes called `name` below `parent` (a D-Bus daemon we started), so nobody else's."""
    pids = []
    for pid in children_of(parent):
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().strip() == name[:15]:
                    pids.append(pid)
        except OSError:
            pass
    return pids


class Run:
    """One terminal window running `argv`; screenshot it, then close it."""

    def __init__(self, display, terminal, argv, settle=3.0, timeout=30.0, env=None):
        self.display = display
        self.terminal = terminal
        self.log = tempfile.NamedTemporaryFile(prefix="termlab-", suffix=".log", delete=False)
        # A window left over from the previous terminal (closing can lag) is not this one.
        before = {w[0] for w in top_windows(display)}
        self.proc = subprocess.Popen(
            terminal.argv_for(argv),
            env=display.env({**terminal.extra_env, **(env or {})}),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.window = None
        deadline = time.time() + timeout
        while time.time() < deadline:
            wins = [w for w in top_windows(display) if w[0] not in before]
            if wins:
                self.window = wins[0]
                break
            if self.proc.poll() is not None and not terminal.server_proc:
                break
            time.sleep(0.3)
        time.sleep(settle)

    def error_text(self):
        self.log.flush()
        with open(self.log.name, errors="replace") as f:
            return f.read()[-2000:]

    def screenshot(self, path):
        if not self.window:
            raise RuntimeError(f"{self.terminal.name}: no window appeared\n{self.error_text()}")
        wid = self.window[0]
        xwd = subprocess.run(["xwd", "-silent", "-id", wid], env=self.display.env(), capture_output=True, check=True)
        subprocess.run(["convert", "xwd:-", path], input=xwd.stdout, check=True)
        return path

    def close(self):
        victims = children_of(self.proc.pid) + [self.proc.pid]
        if self.terminal.server_proc:
            server = pids_named(self.terminal.server_proc, self.display.bus_pid)
            victims += [c for s in server for c in children_of(s)] + server
        for pid in victims:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        # Let the window disappear before the next terminal opens.
        for _ in range(50):
            if not top_windows(self.display):
                break
            time.sleep(0.1)
        os.unlink(self.log.name)


# ---------------------------------------------------------------------------------- OCR


HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ARABIC_RUN = re.compile("[\u0621-\u065f\u0670-\u06d3\u06d6-\u06ed\ufb50-\ufdff\ufe70-\ufefc]+")
# Letters tesseract confuses on terminal fonts whatever the order: folding them cannot make a
# reversed word match, it only stops dots from deciding the score.
FOLD = str.maketrans("أإآىة", "ااايه")


def normalize_word(word):
    """NFKC (presentation forms → letters), no harakat or tatweel, hamza/yaa/taa folded."""
    return HARAKAT.sub("", unicodedata.normalize("NFKC", word)).translate(FOLD)


def arabic_words(text, min_letters=3):
    """Distinct normalised Arabic words of at least `min_letters` letters."""
    words = set()
    for run in ARABIC_RUN.findall(unicodedata.normalize("NFKC", text)):
        w = normalize_word(run)
        if len(w) >= min_letters:
            words.add(w)
    return words


def ocr(png, crop=None):
    """Tesseract's Arabic reading of a screenshot (light text on dark or dark on light)."""
    with tempfile.TemporaryDirectory() as tmp:
        prepared = os.path.join(tmp, "in.png")
        cut = ["convert", png] + (["-crop", crop, "+repage"] if crop else [])
        mean = float(
            subprocess.run(
                [*cut, "-colorspace", "Gray", "-format", "%[fx:mean]", "info:"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        # Every coloured letter as strong as black or white text: on a dark background the
        # brightest channel (then negated), on a light one the darkest — cyan and yellow names
        # on xterm's white are as bright as the background by the brightest channel and would
        # vanish. Then dark text on light, twice as large. Chosen on the xterm screenshot: psm 6
        # (one block) reads more than psm 3 (page with columns); the reversed control reads
        # nothing with either.
        channel = "Max" if mean < 0.5 else "Min"
        args = [*cut, "-channel", "RGB", "-separate", "-evaluate-sequence", channel]
        if mean < 0.5:
            args += ["-negate"]
        args += ["-resize", "200%", "-normalize", prepared]
        subprocess.run(args, check=True)
        out = subprocess.run(
            ["tesseract", prepared, "-", "-l", "ara", "--psm", "6"],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout


def shrink(png):
    """The published copy: 64 colours (a terminal has few), a third of the size, same look.
    Done after the OCR, which reads the full screenshot."""
    subprocess.run(["convert", png, "-colors", "64", f"PNG8:{png}"], check=True)


def score(expected, text):
    """Fraction of `expected` words that come back in `text` (both normalised)."""
    if not expected:
        return 0.0
    return len(expected & arabic_words(text)) / len(expected)


def word_stream(text):
    """The normalised Arabic words of `text` in reading order (OCR lines top to bottom, each
    in the logical order tesseract gives). Anything else separates nothing: a Latin name the
    OCR drops between two Arabic words leaves them adjacent, as in the article."""
    return [normalize_word(w) for w in ARABIC_RUN.findall(unicodedata.normalize("NFKC", text))]


def ordered_pairs(text, min_letters=3):
    """Adjacent word pairs (a, b) of `text`, both Arabic words of `min_letters` or more with
    nothing between them, in reading order: what a layout must keep in order."""
    pairs = set()
    tokens = unicodedata.normalize("NFKC", text).split()
    for a, b in zip(tokens, tokens[1:]):
        if ARABIC_RUN.fullmatch(a) and ARABIC_RUN.fullmatch(b):
            a, b = normalize_word(a), normalize_word(b)
            if len(a) >= min_letters and len(b) >= min_letters:
                pairs.add((a, b))
    return pairs


def pair_score(expected_pairs, text):
    """Fraction of `expected_pairs` found as adjacent words, in the same order, in `text`:
    wrong word order inside a line, wrong line order, a pane where the other should be, all
    break pairs that a reading of the words alone would not notice."""
    if not expected_pairs:
        return 0.0
    stream = word_stream(text)
    found = set(zip(stream, stream[1:]))
    return len(expected_pairs & found) / len(expected_pairs)


def gray(png):
    """(width, height, rows of 0-255 brightness) of a screenshot."""
    w, h = map(
        int,
        subprocess.run(["identify", "-format", "%w %h", png], capture_output=True, text=True, check=True).stdout.split(),
    )
    out = subprocess.run(
        ["convert", png, "-colorspace", "HSB", "-channel", "B", "-separate", "+channel", "-depth", "8", "gray:-"],
        capture_output=True,
        check=True,
    ).stdout
    return w, h, [out[y * w : (y + 1) * w] for y in range(h)]


def pane_border(png):
    """The x of the vertical line between the two panes (the longest run of non-background
    pixels in a column, gaps of up to 3 pixels bridged — xterm leaves one between rows — in
    the middle 60% of the window), or None."""
    w, h, rows = gray(png)
    counts = {}
    for row in rows[:: max(1, h // 50)]:
        for v in row[:: max(1, w // 200)]:
            counts[v] = counts.get(v, 0) + 1
    background = max(counts, key=counts.get)
    best, best_x = 0, None
    for x in range(int(w * 0.2), int(w * 0.8)):
        start = last = None
        for y in range(h):
            if abs(rows[y][x] - background) > 40:
                if start is None or y - last > 4:
                    start = y
                last = y
                if last - start + 1 > best:
                    best, best_x = last - start + 1, x
    return best_x if best > h * 0.5 else None
