#!/usr/bin/env bash
# akhbar vs newsboat: builds akhbar (release), installs newsboat/time/tmux if missing, runs the
# side-by-side harness and writes docs/performance.md. Options are passed to the harness
# (--sizes 50x100,200x100 --rounds N --akhbar NAME=PATH --no-newsboat). BENCHES=1 adds
# `cargo bench` output.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v newsboat >/dev/null || need+=(newsboat)
[ -x /usr/bin/time ] || need+=(time)
command -v tmux >/dev/null || need+=(tmux)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}"
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}"; fi
fi
cargo build --release --locked
benches=""
if [ "${BENCHES:-0}" = 1 ]; then
  benches=$(mktemp)
  cargo bench --locked 2>/dev/null | grep -E '^(Timer|[a-z_]+ +fastest|[├╰│ ]*[├╰]─|.*[0-9] ?[KMGT]?B/s)' > "$benches" || true
fi
exec python3 scripts/bench_vs_newsboat.py --benches "$benches" "$@"
