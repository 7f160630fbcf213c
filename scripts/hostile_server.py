#!/usr/bin/env python3
"""Hostile feed server on 127.0.0.1 for the peak-memory check (scripts/fault-memory.sh).

Prints its base URL, then serves until killed:
  /hang        accepts and never answers        /trickle     one byte a second, forever
  /huge        a 1 GiB body                      /bomb        300 MiB of zeros, gzip (~300 KiB)
  /loop        redirects to itself               /scheme      redirects to file:///etc/passwd
  /reset       resets the connection mid-body    /status/N    answers HTTP N (429, 503 with Retry-After)
  /ok/N        a good 200-item Arabic feed
"""
import gzip
import http.server
import socket
import socketserver
import struct
import sys
import time

ITEM = ("<item><guid>{f}-{i}</guid><title>مايكروسوفت تستثمر {i} مليار دولار في OpenAI</title>"
        "<link>https://ok.example/{f}/{i}</link><description><![CDATA[<p>أعلنت مايكروسوفت "
        "عن استثمار جديد بقيمة {i} مليار دولار، أي نحو 20% من التقييم.</p>]]></description></item>")


def good(feed):
    items = "".join(ITEM.format(f=feed, i=i) for i in range(200))
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
            f"<title>مصدر {feed}</title><language>ar</language>{items}</channel></rss>").encode()


BOMB = gzip.compress(b"\0" * (300 * 1024 * 1024), compresslevel=9)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def head(self, code, length=None, extra=()):
        self.send_response(code)
        for k, v in extra:
            self.send_header(k, v)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def do_GET(self):
        p = self.path
        try:
            if p == "/hang":
                time.sleep(3600)
            elif p == "/trickle":
                self.head(200, None, [("Content-Type", "application/rss+xml")])
                while True:
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(1)
            elif p == "/huge":
                self.head(200, 1 << 30, [("Content-Type", "application/rss+xml")])
                chunk = b"<rss>" + b" " * (1 << 20)
                for _ in range(1024):
                    self.wfile.write(chunk[: 1 << 20])
            elif p == "/bomb":
                self.head(200, len(BOMB), [("Content-Type", "application/rss+xml"),
                                          ("Content-Encoding", "gzip")])
                self.wfile.write(BOMB)
            elif p == "/loop":
                self.head(302, 0, [("Location", "/loop")])
            elif p == "/scheme":
                self.head(302, 0, [("Location", "file:///etc/passwd")])
            elif p == "/reset":
                self.head(200, 100000, [("Content-Type", "application/rss+xml")])
                self.wfile.write(b"<rss><channel>" + b"x" * 1000)
                self.wfile.flush()
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                # The file objects hold the socket open: close them all so the RST goes out now.
                self.wfile.close()
                self.rfile.close()
                self.connection.close()
            elif p.startswith("/status/"):
                code = int(p.rsplit("/", 1)[1])
                self.head(code, 0, [("Retry-After", "120")] if code in (429, 503) else [])
            elif p.startswith("/ok/"):
                body = good(p.rsplit("/", 1)[1])
                self.head(200, len(body), [("Content-Type", "application/rss+xml")])
                self.wfile.write(body)
            else:
                self.head(404, 0)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    request_queue_size = 128


srv = Server(("127.0.0.1", 0), Handler)
print(f"http://127.0.0.1:{srv.server_address[1]}", flush=True)
try:
    srv.serve_forever()
except KeyboardInterrupt:
    sys.exit(0)
