#!/usr/bin/env python3
"""Writes N RSS feeds of M items each (words of our own, Vietnamese) into DIR/feedI.xml,
plus DIR/../urls.txt and DIR/../feeds.opml listing them on the given hosts.
usage: gen_feeds.py DIR N M PORT HOSTS"""
import os, random, sys
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

WORDS = ("đường sắt tốc độ cao Hà Nội thành phố Hồ Chí Minh dự án Quốc hội kinh tế giáo dục "
         "người dân mùa mưa bão lũ nông nghiệp xuất khẩu gạo cà phê công nghệ trí tuệ nhân tạo "
         "bóng đá đội tuyển sân vận động học sinh kỳ thi tốt nghiệp giá xăng ngân hàng lãi suất").split()

def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()

def main():
    out, n, m, port, hosts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
    os.makedirs(out, exist_ok=True)
    rng = random.Random(7)
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    urls = []
    for i in range(n):
        items = []
        for j in range(m):
            date = (start - timedelta(minutes=37 * j + i)).strftime("%a, %d %b %Y %H:%M:%S +0000")
            link = f"http://127.0.0.1:{port}/a/{i}/{j}.html"
            items.append(
                f"<item><title>{escape(sentence(rng, 9))}</title><link>{link}</link>"
                f"<guid>{link}</guid><pubDate>{date}</pubDate>"
                f"<description>{escape('<p>' + sentence(rng, 60) + '.</p>')}</description></item>")
        body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                f"<title>Báo thử {i}</title><link>http://127.0.0.1:{port}/</link>"
                f"<description>feed {i}</description>{''.join(items)}</channel></rss>\n")
        with open(os.path.join(out, f"feed{i}.xml"), "w", encoding="utf-8") as f:
            f.write(body)
        urls.append(f"http://127.0.0.{1 + i % hosts}:{port}/feed{i}.xml")
    parent = os.path.dirname(os.path.abspath(out))
    with open(os.path.join(parent, "urls.txt"), "w") as f:
        f.write("\n".join(urls) + "\n")
    with open(os.path.join(parent, "feeds.opml"), "w") as f:
        f.write('<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>')
        for k, u in enumerate(urls):
            f.write(f'<outline text="Báo thử {k}" type="rss" xmlUrl="{u}"/>')
        f.write("</body></opml>\n")

main()
