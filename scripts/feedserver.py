#!/usr/bin/env python3
"""Serve N generated Arabic tech-news feeds of M items on 127.0.0.1, with ETag/304.

    feedserver.py --feeds 50 --items 100 [--heavy] [--port 0]

Prints the base URL on its first line, then serves until killed. Feeds are
/feed-<i>.xml; the content is deterministic, so the ETag is stable across runs.
`--heavy` gives every item eight sentences of body (~1.7 KB of XML, the size of a real news
item) instead of three. `GET /_advance?n=5` publishes n new items in every feed (the oldest n
drop out), as a day of news does; the next fetch gets new ETags.
"""
import argparse
import datetime
import email.utils
import hashlib
import http.server
import socketserver
import sys
import threading
import urllib.parse

SUBJECTS = ["مايكروسوفت", "OpenAI", "جوجل", "سامسونج", "إنفيديا", "آبل", "هواوي", "أمازون",
            "ميتا", "أوراكل", "شاومي", "تسلا", "علي بابا", "أرامكو", "stc", "كريم"]
VERBS = ["تطلق", "تستثمر في", "تكشف عن", "تستحوذ على", "توقع اتفاقا مع", "تختبر", "تعلن عن"]
OBJECTS = ["نموذجا جديدا للذكاء الاصطناعي التوليدي", "مراكز بيانات في السعودية",
           "هاتفا قابلا للطي بشاشة 8 بوصات", "شريحة بدقة 2 نانومتر",
           "خدمة سحابية جديدة في الإمارات", "منصة للمدفوعات الرقمية في مصر",
           "شراكة مع Nvidia لتدريب النماذج", "تحديثا أمنيا لنظام Windows"]
BASE = datetime.datetime(2026, 9, 1, tzinfo=datetime.timezone.utc)
PLACES = ["الرياض", "دبي", "القاهرة", "الدوحة", "كاليفورنيا", "سول", "شنتشن", "لندن"]
# Five more sentences for heavy items, in the register of real Arabic tech news.
MORE = [
    "وسيوفر المشروع نحو {n} آلاف وظيفة في {place}.",
    "ويرى محللون أن السباق على السحابة في المنطقة يشتد.",
    "وكانت {other} قد أعلنت عن استثمار بقيمة {m} مليارات دولار.",
    "وتتوقع IDC إنفاقا على الذكاء الاصطناعي يتجاوز {k} مليار دولار.",
    "وستكشف الشركة عن التفاصيل في مؤتمرها السنوي للمطورين.",
]


def item(feed, i, heavy):
    subject = SUBJECTS[(feed + i) % len(SUBJECTS)]
    title = f"{subject} {VERBS[i % len(VERBS)]} {OBJECTS[(feed * 7 + i) % len(OBJECTS)]}"
    place = PLACES[(feed + 3 * i) % len(PLACES)]
    body = (
        f"<p>أعلنت شركة {subject} اليوم من {place} عن خطوة جديدة، إذ قالت في بيان إن الاستثمار "
        f"يبلغ نحو {(i % 90) + 1} مليار دولار، بزيادة {(i % 40) + 3}% عن العام الماضي.</p>"
        f"<p>وأضاف البيان أن الطلب على خدمات الحوسبة السحابية في المنطقة ارتفع بنسبة ٣٥٪ خلال "
        f"عام 2026، وأن الشركة تتوقع أن يصل عدد المستخدمين إلى {(i % 9) + 1} ملايين مستخدم بحلول "
        f"2028.</p><p>وقال الرئيس التنفيذي للشركة إن «المنافسة على الرقائق والطاقة تشتد»، مشيرا "
        f"إلى أن الشركة ستعمل مع Microsoft وGoogle على تطوير حلول مشتركة.</p>"
    )
    if heavy:
        other = SUBJECTS[(feed + i + 5) % len(SUBJECTS)]
        body += "<p>" + " ".join(
            s.format(n=(i % 7) + 2, place=place, other=other, m=(i % 8) + 2, k=(i % 50) + 10)
            for s in MORE) + "</p>"
    # Every item has its own minute, item i of every feed close together (as a day of news
    # across feeds is); feed 0's item 0 is the oldest of all.
    when = BASE + datetime.timedelta(minutes=i * 1000 + feed)
    return (
        f"<item><guid isPermaLink=\"false\">feed{feed}-item{i}</guid><title>{title}</title>"
        f"<link>https://feed{feed}.example/news/{i}</link>"
        f"<pubDate>{email.utils.format_datetime(when, usegmt=True)}</pubDate>"
        f"<author>newsroom@feed{feed}.example (المحرر)</author><category>تقنية</category>"
        f"<description>{title}</description>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
    )


def feed_xml(feed, items, offset, heavy):
    head = (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
        f"<title>مصدر تقني {feed}</title><link>https://feed{feed}.example/</link>"
        "<description>أخبار التقنية</description><language>ar</language>"
    )
    # Newest first, as feeds are.
    newest = offset + items - 1
    return (head + "".join(item(feed, i, heavy) for i in range(newest, offset - 1, -1))
            + "</channel></rss>").encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--items", type=int, default=100)
    ap.add_argument("--heavy", action="store_true")
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args()
    state = {"offset": 0}
    lock = threading.Lock()

    def build(offset):
        bodies = {f"/feed-{i}.xml": feed_xml(i, args.items, offset, args.heavy)
                  for i in range(args.feeds)}
        etags = {p: '"' + hashlib.sha1(b).hexdigest()[:16] + '"' for p, b in bodies.items()}
        return bodies, etags

    state["bodies"], state["etags"] = build(0)
    last_modified = "Tue, 10 Nov 2026 08:00:00 GMT"

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            url = urllib.parse.urlparse(self.path)
            if url.path == "/_advance":
                n = int(urllib.parse.parse_qs(url.query).get("n", ["5"])[0])
                with lock:
                    state["offset"] += n
                    state["bodies"], state["etags"] = build(state["offset"])
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            bodies, etags = state["bodies"], state["etags"]
            body = bodies.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            etag = etags[self.path]
            if (self.headers.get("If-None-Match") == etag
                    or (state["offset"] == 0
                        and self.headers.get("If-Modified-Since") == last_modified)):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            if state["offset"] == 0:
                self.send_header("Last-Modified", last_modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True
        request_queue_size = 1024

    srv = Server(("127.0.0.1", args.port), Handler)
    print(f"http://127.0.0.1:{srv.server_address[1]}", flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
