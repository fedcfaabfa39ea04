#!/usr/bin/env bash
# Peak memory of the reader showing an article of 20 full-width pictures (2000x1200 PNGs)
# at 200x60, from the cache (--offline), with pictures off and as half blocks.
# Needs: tmux, python3, curl, /usr/bin/time; a built docbao
# (default target/release/docbao: `cargo build --profile bench`).
# Usage: scripts/pictures_rss.sh [path/to/docbao]
set -euo pipefail
BIN=$(realpath "${1:-target/release/docbao}")
WORK=$(mktemp -d)
SOCK="$WORK/tmux.sock"
SERVER=""
cleanup() {
    tmux -S "$SOCK" kill-server 2>/dev/null || true
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/www/anh" "$WORK/data"
# 2000x1200 PNGs, a different noisy gradient each (written here, no image tool needed).
python3 - "$WORK/www/anh" <<'PY'
import random, struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
w, h = 2000, 1200
for i in range(20):
    rnd = random.Random(i)
    noise = bytes(rnd.randrange(24) for _ in range(w * 3))
    rows = []
    for y in range(h):
        row = bytearray(noise)
        row[0::3] = bytes((x // 8 + i * 12 + n) % 256 for x, n in zip(range(w), noise[0::3]))
        row[1::3] = bytes((y // 5 + n) % 256 for n in noise[1::3])
        rows.append(b"\0" + bytes(row))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b"")
    open(f"{sys.argv[1]}/{i}.png", "wb").write(png)
PY
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
P="Người dân đổ về bờ sông từ sáng sớm để xem lễ thông xe cây cầu mới, công trình được chờ đợi suốt nhiều năm qua của cả vùng đồng bằng ven biển phía nam."
{
    echo "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Hai mươi ảnh</title>"
    echo "<meta property=\"og:image\" content=\"/anh/0.png\"></head><body><article><h1>Hai mươi ảnh</h1>"
    for i in $(seq 0 19); do
        echo "<p>Đoạn $i. $P</p><figure><img src=\"/anh/$i.png\"><figcaption>Ảnh số $i</figcaption></figure>"
    done
    echo "<p>KẾT THÚC. $P</p></article></body></html>"
} > "$WORK/www/bai.html"
cat > "$WORK/www/feed.xml" <<XML
<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Báo Ảnh</title>
<link>$BASE/</link><item><title>Hai mươi ảnh</title><link>$BASE/bai.html</link><guid>a1</guid>
<pubDate>Fri, 01 May 2026 10:00:00 GMT</pubDate><description>Tóm tắt.</description></item>
</channel></rss>
XML
(cd "$WORK/www" && exec python3 -m http.server "$PORT" --bind 127.0.0.1 >/dev/null 2>&1) &
SERVER=$!
for _ in $(seq 50); do curl -sf "$BASE/feed.xml" >/dev/null && break; sleep 0.1; done
D="$WORK/data"
"$BIN" --data-dir "$D" --no-defaults add "$BASE/feed.xml" >/dev/null
"$BIN" --data-dir "$D" --no-defaults refresh --full-text >/dev/null
ID=$("$BIN" --data-dir "$D" --no-defaults articles --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$BIN" --data-dir "$D" --no-defaults --offline read "$ID" --json |
    python3 -c 'import json,sys; i=json.load(sys.stdin)["images"]; print(sum(x["cached"] for x in i), "of", len(i), "pictures cached")'

run() { # $1: images mode
    printf 'images = "%s"\nimage_max_rows = 60\n' "$1" > "$WORK/config.toml"
    rm -f "$WORK/time.txt"
    tmux -S "$SOCK" -f /dev/null new-session -d -x 200 -y 60 -s rss \
        "/usr/bin/time -v -o $WORK/time.txt env DOCBAO_CONFIG=$WORK/config.toml $BIN --data-dir $D --no-defaults --offline"
    screen() { tmux -S "$SOCK" capture-pane -p -t rss; }
    wait_for() { for _ in $(seq 300); do screen | grep -q "$1" && return 0; sleep 0.1; done; echo "timeout: $1" >&2; screen >&2; exit 1; }
    wait_for "Báo Ảnh"
    tmux -S "$SOCK" send-keys -t rss Enter; wait_for "Hai mươi ảnh"
    tmux -S "$SOCK" send-keys -t rss Enter; wait_for "Đoạn 0"
    # Page down to the end, giving each page the time to draw its pictures.
    for _ in $(seq 40); do tmux -S "$SOCK" send-keys -t rss PageDown; sleep 0.3; done
    wait_for "KẾT THÚC"
    sleep 1
    echo "$1: $(screen | grep -o '[▀▄]' | wc -l) half-block cells on the last screen"
    tmux -S "$SOCK" send-keys -t rss Q
    for _ in $(seq 100); do [ -s "$WORK/time.txt" ] && break; sleep 0.1; done
    tmux -S "$SOCK" kill-server 2>/dev/null || true
    printf '%-10s peak RSS %s kB\n' "$1" "$(awk -F': ' '/Maximum resident/ {print $2}' "$WORK/time.txt")"
}
run off
run halfblocks
