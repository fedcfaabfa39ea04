#!/usr/bin/env bash
# Refresh benchmark of issue 2: 200 feeds x 50 items from a local nginx with keep-alive,
# docbao against newsboat (reload-threads 8) and against curl --parallel (the floor).
# (hyperfine -N runs no shell, so the prepare steps that need one say bash -c.)
# usage: benches/refresh/run.sh [FEEDS] [ITEMS] [HOSTS]   (needs nginx-light, newsboat, hyperfine)
# HOSTS spreads the feeds over 127.0.0.1..127.0.0.HOSTS (docbao fetches at most 2 per host).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
feeds=${1:-200} items=${2:-50} hosts=${3:-1} port=18080
bin="$top/target/release/docbao"
work=$(mktemp -d /tmp/docbao-bench.XXXX)
trap 'nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT

python3 "$here/gen_feeds.py" "$work/www" "$feeds" "$items" "$port" "$hosts"
chmod -R a+rX "$work" # nginx's workers run as www-data
{
  echo "worker_processes 2; pid $work/nginx.pid; error_log $work/error.log; daemon on;"
  echo "events { worker_connections 1024; }"
  echo "http { access_log off; keepalive_requests 100000; keepalive_timeout 60;"
  echo "  types { application/rss+xml xml; } server {"
  for h in $(seq 1 "$hosts"); do echo "    listen 127.0.0.$h:$port;"; done
  echo "    root $work/www; } }"
} > "$work/nginx.conf"
nginx -c "$work/nginx.conf"

# docbao: a subscribed, never refreshed cache to copy before each cold run.
export DOCBAO_NO_DEFAULTS=1 DOCBAO_CONFIG="$work/none.toml"
"$bin" --data-dir "$work/d0" import "$work/feeds.opml" >/dev/null
# newsboat: its own config and url file.
printf 'reload-threads 8\n' > "$work/nb.conf"
nb=(newsboat -u "$work/urls.txt" -C "$work/nb.conf" -c "$work/nb/cache.db")
mkdir -p "$work/nb"

echo "== cold refresh ($feeds feeds x $items items, $hosts host(s))"
hyperfine -w 1 -r 5 -N --export-json "$work/cold.json" \
  -p "bash -c 'rm -rf $work/d && cp -r $work/d0 $work/d'" -n "docbao refresh --jobs 8" "$bin --data-dir $work/d refresh --jobs 8" \
  -p "bash -c 'rm -rf $work/nb/cache.db*'" -n "newsboat -x reload" "${nb[*]} -x reload" \
  -p "true" -n "curl --parallel-max 8" "curl -s --parallel --parallel-max 8 -o /dev/null $(sed 's/$/ -o \/dev\/null/' "$work/urls.txt" | tr '\n' ' ')" \
  2>&1 | grep -Ev '^\s*$'

echo "== all-304 refresh"
rm -rf "$work/d" && cp -r "$work/d0" "$work/d" && "$bin" --data-dir "$work/d" refresh --jobs 8
rm -rf "$work/nb/cache.db"* && "${nb[@]}" -x reload
hyperfine -w 1 -r 10 -N \
  -n "docbao refresh (304)" "$bin --data-dir $work/d refresh --jobs 8" \
  -n "newsboat -x reload (304)" "${nb[*]} -x reload" 2>&1 | grep -Ev '^\s*$'

echo "== listing a $((feeds * items))-article cache"
hyperfine -w 2 -r 20 -N \
  -n "docbao feeds" "$bin --data-dir $work/d feeds" \
  -n "newsboat -x print-unread" "${nb[*]} -x print-unread" 2>&1 | grep -Ev '^\s*$'

echo "== peak memory (max RSS, KiB)"
rm -rf "$work/d" && cp -r "$work/d0" "$work/d"
printf 'docbao cold refresh   %s\n' "$(/usr/bin/time -f %M "$bin" --data-dir "$work/d" refresh --jobs 8 2>&1 >/dev/null | tail -1)"
printf 'docbao 304 refresh    %s\n' "$(/usr/bin/time -f %M "$bin" --data-dir "$work/d" refresh --jobs 8 2>&1 >/dev/null | tail -1)"
rm -rf "$work/nb/cache.db"*
printf 'newsboat cold reload  %s\n' "$(/usr/bin/time -f %M "${nb[@]}" -x reload 2>&1 >/dev/null | tail -1)"
printf 'newsboat 304 reload   %s\n' "$(/usr/bin/time -f %M "${nb[@]}" -x reload 2>&1 >/dev/null | tail -1)"

# Time from start to a screen that lists the feeds, in a real terminal (tmux, 100x30),
# polled every few ms; includes tmux's own start-up, the same for both.
first_screen() { # name, marker, command...
  local name=$1 marker=$2; shift 2
  local times=()
  for _ in 1 2 3 4 5; do
    tmux kill-session -t docbao-bench 2>/dev/null || true
    local t0 t1
    t0=$(date +%s%N)
    tmux new-session -d -s docbao-bench -x 100 -y 30 "$*"
    until tmux capture-pane -t docbao-bench -p 2>/dev/null | grep -q "$marker"; do :; done
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
    tmux kill-session -t docbao-bench
  done
  printf '%-28s %s ms (runs: %s)\n' "$name" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)" "${times[*]}"
}
echo "== first screen with a $((feeds * items))-article cache (median of 5)"
printf 'refresh_on_start = false\n' > "$work/quiet.toml"
first_screen "tmux alone (baseline)" "Báo thử 1" "printf 'Báo thử 1'; sleep 9"
first_screen "docbao" "Báo thử 1" env DOCBAO_CONFIG="$work/quiet.toml" "$bin" --data-dir "$work/d" --offline
first_screen "newsboat" "Báo thử 1" "${nb[@]}"
