
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
