#!/usr/bin/env bash
# The Linux installer installs and starts on a clean system: a minimal Debian 12 root made with
# debootstrap (no Docker engine needed), the .deb installed there with apt-get (so its declared
# dependencies must bring everything the app needs), then, inside the root, a command through the
# installed launcher and the window on the host's X server (Xvfb).
#   packaging/test-deb-install.sh            # uses target/dist/sigma-workbench_*.deb, builds it if absent
# Needs root (debootstrap, chroot, mount), debootstrap, network access to the Debian mirror, Xvfb
# and xdotool. DEBOOTSTRAP_CACHE keeps the downloaded base packages between runs.
set -euo pipefail
cd "$(dirname "$0")/.."

MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
CACHE="${DEBOOTSTRAP_CACHE:-/var/tmp/sigmawb-debootstrap-cache}"
ROOT="$(pwd)/target/deb-root"
RULE=src/main/resources/org/sigmaworkbench/rules/proc_creation_win_powershell_export_certificate.yml
[ "$(id -u)" = 0 ] || { echo "error: needs root (debootstrap, chroot)" >&2; exit 1; }
for tool in debootstrap Xvfb xdotool; do
  command -v "$tool" > /dev/null || { echo "error: $tool is not installed" >&2; exit 1; }
done
ls target/dist/sigma-workbench_*.deb > /dev/null 2>&1 || packaging/build-app.sh deb
DEB="$(ls target/dist/sigma-workbench_*.deb | head -1)"

cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2> /dev/null || true
  [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2> /dev/null || true
  for m in "$ROOT/tmp/.X11-unix" "$ROOT/dev/pts" "$ROOT/dev" "$ROOT/sys" "$ROOT/proc"; do
    mountpoint -q "$m" 2> /dev/null && umount -l "$m"
  done
  return 0
}
trap cleanup EXIT

step() { echo "== $* ($(date +%T))"; }

step "clean Debian 12 root (debootstrap --variant=minbase bookworm)"
cleanup
rm -rf "$ROOT"
mkdir -p "$CACHE"
debootstrap --variant=minbase --cache-dir="$CACHE" bookworm "$ROOT" "$MIRROR" > target/debootstrap.log 2>&1 \
  || { tail -20 target/debootstrap.log >&2; exit 1; }
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mount -t proc proc "$ROOT/proc"
mount --bind /sys "$ROOT/sys"
mount --bind /dev "$ROOT/dev"
mount --bind /dev/pts "$ROOT/dev/pts"

step "apt-get install ./$(basename "$DEB")"
cp "$DEB" "$ROOT/tmp/"
cp "$RULE" "$ROOT/tmp/rule.yml"
cp sample-logs/sysmon-fields.csv "$ROOT/tmp/"
chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
chroot "$ROOT" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "/tmp/$(basename "$DEB")" > target/deb-install.log 2>&1 || { tail -30 target/deb-install.log >&2; exit 1; }
echo "installed: $(chroot "$ROOT" dpkg-query -W -f '${Package} ${Version}, ${Installed-Size} KiB' sigma-workbench)"
[ -s "$ROOT/opt/sigma-workbench/lib/app/sigma-workbench.jsa" ] \
  && echo "class data archive made by postinst: $(wc -c < "$ROOT/opt/sigma-workbench/lib/app/sigma-workbench.jsa") bytes" \
  || { echo "error: postinst made no class data archive" >&2; exit 1; }
[ -s "$ROOT/opt/sigma-workbench/lib/app/sigma-workbench-cli.jsa" ] \
  && echo "the commands' class data archive made by postinst: $(wc -c < "$ROOT/opt/sigma-workbench/lib/app/sigma-workbench-cli.jsa") bytes" \
  || { echo "error: postinst made no class data archive for the commands" >&2; exit 1; }

step "a command through the installed launcher"
status=0
out="$(chroot "$ROOT" "/opt/sigma-workbench/bin/Sigma Workbench" test /tmp/rule.yml --logs /tmp/sysmon-fields.csv 2>&1)" || status=$?
echo "$out" | tail -1
[ "$status" = 0 ] || { echo "error: exit code $status" >&2; echo "$out" >&2; exit 1; }
grep -q '^8 hits in 18 events$' <<< "$out" || { echo "error: unexpected output" >&2; echo "$out" >&2; exit 1; }
status=0
out="$(chroot "$ROOT" sigma-workbench check /tmp/rule.yml 2>&1)" || status=$?
[ "$status" = 0 ] || { echo "error: sigma-workbench check: exit code $status" >&2; echo "$out" >&2; exit 1; }
echo "/usr/bin/sigma-workbench check: exit code 0"
status=0
out="$(chroot "$ROOT" sigma-workbench test /tmp/rule.yml --logs /tmp/sysmon-fields.csv 2>&1)" || status=$?
[ "$status" = 0 ] && grep -q '^8 hits in 18 events$' <<< "$out" \
  || { echo "error: sigma-workbench test: exit code $status" >&2; echo "$out" >&2; exit 1; }
echo "/usr/bin/sigma-workbench test: 8 hits in 18 events"

step "the window, on the host's Xvfb"
DISPLAY_NUM=97
Xvfb ":$DISPLAY_NUM" -screen 0 1440x900x24 -nolisten tcp > /dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break; sleep 0.1; done
mkdir -p "$ROOT/tmp/.X11-unix"
mount --bind /tmp/.X11-unix "$ROOT/tmp/.X11-unix"
chroot "$ROOT" env DISPLAY=":$DISPLAY_NUM" HOME=/root "/opt/sigma-workbench/bin/Sigma Workbench" \
  > target/deb-window.log 2>&1 &
APP_PID=$!
mapped=""
for _ in $(seq 120); do
  if DISPLAY=":$DISPLAY_NUM" xdotool search --onlyvisible --name '^Sigma Workbench$' > /dev/null 2>&1; then
    mapped=yes
    break
  fi
  kill -0 "$APP_PID" 2> /dev/null || break
  sleep 0.5
done
if [ -z "$mapped" ]; then
  echo "error: no window titled Sigma Workbench within 60 s" >&2
  cat target/deb-window.log >&2
  exit 1
fi
echo "window 'Sigma Workbench' mapped"
if grep -qi -e exception -e error target/deb-window.log; then
  echo "error: the window's start wrote errors:" >&2
  cat target/deb-window.log >&2
  exit 1
fi
echo "ok: the .deb installs on a clean Debian 12 and starts (command and window)"
