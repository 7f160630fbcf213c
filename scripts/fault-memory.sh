#!/usr/bin/env bash
# Peak memory of `akhbar fetch` against every hostile server case at once (plus good feeds),
# as /usr/bin/time -v reports it. Target: under 150 MB. Usage: scripts/fault-memory.sh [TIMEOUT]
set -euo pipefail
cd "$(dirname "$0")/.."
timeout_s=${1:-10}
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --locked -q
work=$(mktemp -d)
python3 scripts/hostile_server.py > "$work/base" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/base" ] && break; sleep 0.2; done
base=$(head -1 "$work/base")
port=${base##*:}
{
  for p in hang trickle huge bomb loop scheme reset status/404 status/410 status/429 status/500 status/503; do
    echo "$base/$p"
  done
  echo "https://127.0.0.1:$port/ok/tls"   # TLS to a plain-HTTP port
  for i in $(seq 1 8); do echo "$base/ok/$i"; done
} > "$work/urls"
export HOME=$work XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
start=$(date +%s.%N)
set +e
/usr/bin/time -v target/release/akhbar --db "$work/db" --feeds "$work/urls" fetch --timeout "$timeout_s" \
  > "$work/out" 2> "$work/time"
code=$?
set -e
end=$(date +%s.%N)
cat "$work/out"
rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
printf '\nexit code %s, wall %.1f s (timeout %s s), peak RSS %.1f MB\n' \
  "$code" "$(echo "$end - $start" | bc)" "$timeout_s" "$(echo "$rss_kb / 1024" | bc -l)"
