"""Runs inside a terminal under test: records what akhbar can learn there, then execs a program.

    terminal_probe.py OUT.json AKHBAR [ARGS...]

OUT.json gets the environment hints akhbar's detection reads, the terminal's answer to DECRQM
for the BiDi mode (mode 8) and to secondary DA. The query is followed by DA1 (`CSI c`), which
every terminal answers, so the read ends as soon as the terminal has said all it will: no fixed
wait, and nothing typed meanwhile is taken for an answer. akhbar then runs with its log in
OUT.json.state/ (XDG_STATE_HOME), where it says which terminal class and shaping it chose.
"""

import json
import os
import re
import select
import sys
import termios
import time
import tty

HINTS = ("TERM", "TERM_PROGRAM", "VTE_VERSION", "KONSOLE_VERSION", "MLTERM", "COLORTERM")


def query(seq, timeout=2.0):
    """Sends `seq` then DA1; returns everything read up to and including the DA1 answer."""
    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    tty.setraw(fd)
    try:
        os.write(sys.stdout.fileno(), seq + b"\x1b[c")
        got = b""
        deadline = time.time() + timeout
        while time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.time()))
            if not ready:
                break
            got += os.read(fd, 1024)
            if re.search(rb"\x1b\[\?[\d;]*c", got):
                break
        return got
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def main():
    out_path, program = sys.argv[1], sys.argv[2:]
    reply = query(b"\x1b[8$p")
    m = re.search(rb"\x1b\[8;(\d+)\$y", reply)
    # Secondary DA names the terminal where the environment can lie (it is inherited: an
    # xterm started from GNOME Terminal still has VTE_VERSION).
    da2 = re.search(rb"\x1b\[>([\d;]*)c", query(b"\x1b[>c"))
    record = {
        "env": {k: os.environ.get(k) for k in HINTS if os.environ.get(k)},
        "decrqm_8_raw": reply.decode("latin-1"),
        "decrqm_8": int(m.group(1)) if m else None,
        "da1_answered": bool(re.search(rb"\x1b\[\?[\d;]*c", reply)),
        "da2": da2.group(1).decode() if da2 else None,
    }
    with open(out_path, "w") as f:
        json.dump(record, f)
    os.write(sys.stdout.fileno(), b"\x1b[H\x1b[2J")
    # The matrix's "by hand" rows: a sequence sent before akhbar starts (e.g. CSI 8 l).
    prelude = os.environ.pop("TERMINAL_MATRIX_PRELUDE", "")
    if prelude:
        os.write(sys.stdout.fileno(), prelude.encode())
    os.environ["XDG_STATE_HOME"] = out_path + ".state"
    os.execvp(program[0], program)


if __name__ == "__main__":
    main()
