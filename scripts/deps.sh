#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages VănThư needs to build, test and run, if any is missing.
# Sourced by scripts/run and scripts/test; safe to run again (it installs only what is absent).
set -euo pipefail

VANTHU_APT_PACKAGES=(
  build-essential pkg-config      # the bundled SQLite and other C code
  fonts-liberation2               # Liberation Serif: metric-compatible Times New Roman for the PDF
  poppler-utils                   # pdftotext/pdftoppm: the tests measure the PDFs they make
  libreoffice-writer-nogui        # soffice: the .docx tests read the exported files as Word would
)

# The desktop window (Tauri 2 on WebKitGTK 4.1) and its headless end-to-end tests.
VANTHU_DESKTOP_APT_PACKAGES=(
  libwebkit2gtk-4.1-dev libgtk-3-dev libxdo-dev libssl-dev  # build the window
  libayatana-appindicator3-dev librsvg2-dev                 # Tauri's tray/icon support libraries
  file curl wget                                            # used by the Tauri bundler
  xvfb xauth                                                # a virtual display for the e2e tests
  webkit2gtk-driver                                         # WebKitWebDriver, driven by tauri-driver
)

# Windows, built and tested from Linux (scripts/windows-smoke, scripts/windows-installer): the
# mingw-w64 cross toolchain (linker, and C compiler for the bundled SQLite and the test-only
# bcryptprimitives shim), Wine to run the Windows builds, and makensis for the installer.
VANTHU_WINDOWS_APT_PACKAGES=(mingw-w64 wine wine64 nsis)
VANTHU_WINDOWS_TARGET=x86_64-pc-windows-gnu

# Node.js for the UI build (Vite 8 needs 20.19 or newer).
VANTHU_NODE_MIN=20.19

vanthu_apt_install() {
  local missing=()
  for p in "$@"; do
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
}

# `vanthu_install_deps` — what the core crates and the CLI need;
# `vanthu_install_deps desktop` — also the window, Node.js for the UI, and the e2e tools.
vanthu_install_deps() {
  vanthu_apt_install "${VANTHU_APT_PACKAGES[@]}"
  command -v cargo >/dev/null || {
    echo "cargo not found: install Rust from https://rustup.rs (stable toolchain)" >&2
    exit 1
  }
  [ "${1:-}" = desktop ] || return 0
  vanthu_apt_install "${VANTHU_DESKTOP_APT_PACKAGES[@]}"
  command -v node >/dev/null || vanthu_apt_install nodejs npm
  local have
  have=$(node -p 'process.versions.node')
  if ! node -e "const [a,b]=process.versions.node.split('.').map(Number);const [x,y]='$VANTHU_NODE_MIN'.split('.').map(Number);process.exit(a>x||(a===x&&b>=y)?0:1)"; then
    echo "Node.js $have is too old for the UI build: install Node.js $VANTHU_NODE_MIN or newer (Debian 13 and NodeSource packages have it)." >&2
    exit 1
  fi
}

# Installs the UI's npm packages from the lockfile when they are missing or out of date.
vanthu_install_ui() {
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "==> npm ci (ui)" >&2
    # Exactly the locked versions; a lock out of step with package.json fails here rather than
    # being rewritten. The lock lists @napi-rs/canvas (a pdf.js dependency for Node; the app
    # never uses it) with its optional builds for every platform, as `npm ci` requires.
    (cd ui && npm ci --no-audit --no-fund)
  fi
}

# tauri-driver 2.1 bridges WebDriver to WebKitWebDriver for the e2e tests.
vanthu_install_tauri_driver() {
  if ! cargo install --list | grep -q '^tauri-driver v2\.1\.0:'; then
    echo "==> cargo install tauri-driver 2.1.0" >&2
    cargo install --locked --version 2.1.0 tauri-driver
  fi
}

# The Windows cross toolchain, Wine, makensis, and Rust's Windows target.
vanthu_install_windows() {
  vanthu_apt_install "${VANTHU_WINDOWS_APT_PACKAGES[@]}"
  if ! rustup target list --installed | grep -qx "$VANTHU_WINDOWS_TARGET"; then
    echo "==> rustup target add $VANTHU_WINDOWS_TARGET" >&2
    rustup target add "$VANTHU_WINDOWS_TARGET"
  fi
}
