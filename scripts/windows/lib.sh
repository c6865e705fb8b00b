# What the Windows scripts share (sourced by scripts/windows-smoke and scripts/windows-installer,
# from the repository root): the cross build, timed steps, and throwaway Wine prefixes.
# shellcheck shell=bash

VANTHU_WIN_TARGET=x86_64-pc-windows-gnu
# The Windows release build has a profile of its own — release, stripped — given on the command
# line, so it neither changes the Linux release build nor touches target/debug, which the
# end-to-end tests use. Its binaries land in target/x86_64-pc-windows-gnu/win-release/.
VANTHU_WIN_PROFILE_ARGS=(
  --config 'profile.win-release.inherits="release"'
  --config 'profile.win-release.strip=true'
  --profile win-release
)
VANTHU_WIN_OUT=target/$VANTHU_WIN_TARGET/win-release
# Scratch space of the tests (Wine prefixes, the shim); the installer goes to target/windows/.
VANTHU_WIN_SCRATCH=target/windows-test

# Wine quiet and headless: no debug chatter, no offer to download Mono or Gecko (the prefix has
# no .NET or HTML needs), UTF-8 so that Vietnamese arguments and file names pass unchanged.
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
export LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY

VANTHU_STEP_TIMES=()

# `vanthu_step NAME COMMAND...` runs COMMAND and prints how long it took.
vanthu_step() {
  local name=$1 start=$SECONDS
  shift
  echo "==> $name" >&2
  "$@"
  local took=$((SECONDS - start))
  VANTHU_STEP_TIMES+=("$(printf '%5d s  %s' "$took" "$name")")
  echo "<== $name: ${took} s" >&2
}

vanthu_step_summary() {
  echo "==> step times" >&2
  printf '%s\n' "${VANTHU_STEP_TIMES[@]}" >&2
}

vanthu_win_fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# Builds the `vanthu` command and the desktop app for Windows, stripped. The app embeds ui/dist,
# which must be built first. Both in one cargo run, so that the crates they share compile once.
vanthu_win_build() {
  [ -f ui/dist/index.html ] || vanthu_win_fail "ui/dist is missing: run npm run build in ui/ first"
  cargo build --locked --target "$VANTHU_WIN_TARGET" "${VANTHU_WIN_PROFILE_ARGS[@]}" \
    -p vanthu-cli -p vanthu-app
  ls -l "$VANTHU_WIN_OUT/vanthu.exe" "$VANTHU_WIN_OUT/vanthu-app.exe" \
    "$VANTHU_WIN_OUT/WebView2Loader.dll" >&2
}

# The test-only bcryptprimitives.dll (see scripts/windows/bcryptprimitives-shim.c).
vanthu_win_shim() {
  mkdir -p "$VANTHU_WIN_SCRATCH"
  x86_64-w64-mingw32-gcc -shared -O2 -o "$VANTHU_WIN_SCRATCH/bcryptprimitives.dll" \
    scripts/windows/bcryptprimitives-shim.c -lbcrypt
}

# `vanthu_win_prefix DIR [fonts]`: a fresh Wine prefix in DIR with the shim in system32 and,
# with `fonts`, Liberation Serif in C:\windows\Fonts (a new prefix has no fonts; the PDF needs
# Times New Roman or its metric twin). Its wineserver is stopped when the script exits.
vanthu_win_prefix() {
  local dir=$1
  rm -rf "$dir"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  WINEPREFIX=$dir wineboot --init >/dev/null 2>&1
  WINEPREFIX=$dir wineserver -w
  cp "$VANTHU_WIN_SCRATCH/bcryptprimitives.dll" "$dir/drive_c/windows/system32/"
  if [ "${2:-}" = fonts ]; then
    cp /usr/share/fonts/truetype/liberation2/LiberationSerif-*.ttf "$dir/drive_c/windows/Fonts/"
  fi
  VANTHU_WIN_PREFIXES+=("$dir")
}

VANTHU_WIN_PREFIXES=()
vanthu_win_stop_prefixes() {
  local p
  for p in "${VANTHU_WIN_PREFIXES[@]}"; do
    WINEPREFIX=$p wineserver -k 2>/dev/null || true
  done
}
trap vanthu_win_stop_prefixes EXIT

# `vanthu_win_expand PREFIX %VAR%` — a Windows variable of the prefix, as a Windows path.
vanthu_win_expand() {
  WINEPREFIX=$1 wine cmd /c echo "$2" 2>/dev/null | tr -d '\r'
}

# `vanthu_win_unix PREFIX 'C:\…'` — the Linux path of a Windows path of the prefix.
vanthu_win_unix() {
  WINEPREFIX=$1 winepath -u "$2" 2>/dev/null
}
