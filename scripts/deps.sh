#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages VănThư needs to build, test and run, if any is missing.
# Sourced by scripts/run and scripts/test; safe to run again (it installs only what is absent).
set -euo pipefail

VANTHU_APT_PACKAGES=(
  build-essential pkg-config      # the bundled SQLite and other C code
  fonts-liberation2               # Liberation Serif: metric-compatible Times New Roman for the PDF
  poppler-utils                   # pdftotext/pdftoppm: the tests measure the PDFs they make
)

vanthu_install_deps() {
  local missing=()
  for p in "${VANTHU_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "==> installing: ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y \
      --no-install-recommends "${missing[@]}"
  fi
  command -v cargo >/dev/null || {
    echo "cargo not found: install Rust from https://rustup.rs (stable toolchain)" >&2
    exit 1
  }
}
