#!/usr/bin/env bash
# The reader in every terminal Debian ships, under Xvfb, screenshotted and scored with OCR.
#
#   scripts/terminal-matrix.sh [--only SLUG ...] [--no-docs]
#
# On a clean Debian 12 machine (as root, or with sudo): installs the terminals, Xvfb,
# ImageMagick, xwd and tesseract's Arabic model, builds akhbar (release), opens
# `akhbar --demo` with no other flag in each terminal at 120×40, and writes the table into
# docs/terminals.md and the screenshots into docs/screenshots/. Exit 0 when every terminal
# passes, 1 when one fails, 2 when the OCR check itself is not trustworthy.
# scripts/terminal_experiments.py uses the same machinery for the bidi experiments.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  xvfb x11-utils x11-apps dbus-x11 imagemagick tesseract-ocr tesseract-ocr-ara
  fonts-dejavu-core python3 xdotool xterm xfce4-terminal gnome-terminal mlterm konsole
  alacritty kitty
)
# wezterm and foot: wezterm is not in Debian; foot is Wayland-only and cannot open on Xvfb.
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

export PYTHONDONTWRITEBYTECODE=1
cargo build --release --locked
exec python3 scripts/terminal_matrix.py "$PWD/target/release/akhbar" docs/screenshots "$@"
