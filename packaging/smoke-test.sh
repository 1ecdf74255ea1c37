#!/usr/bin/env bash
# A launcher that cannot start fails the build: builds the Linux app image, runs commands through
# its two launchers (bin/sigma-workbench, the commands' one, and the window's) and checks the output,
# exit codes and that the commands' class data archive is used, then starts the window under Xvfb and waits for
# a window titled "Sigma Workbench" to be mapped (xdotool), failing on any error; last, the window's
# start with SIGMAWB_EXIT_AFTER_START=first-frame (what the class data archive's training uses) must
# show the window and end by itself with exit code 0.
#   packaging/smoke-test.sh              # builds the image first
#   SKIP_BUILD=1 packaging/smoke-test.sh # tests the image already in target/dist/sigma-workbench
# Needs Xvfb and xdotool (.ci/run installs them). Prints how long the window took to map.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=target/dist/sigma-workbench
LAUNCHER="$IMAGE/bin/Sigma Workbench"
CLI="$IMAGE/bin/sigma-workbench"
RULE=src/main/resources/org/sigmaworkbench/rules/proc_creation_win_powershell_export_certificate.yml
TIMEOUT_S="${WINDOW_TIMEOUT_S:-60}"
for tool in Xvfb xdotool; do
  command -v "$tool" > /dev/null || { echo "error: $tool is not installed" >&2; exit 1; }
done
[ -n "${SKIP_BUILD:-}" ] || packaging/build-app.sh app-image
[ -x "$LAUNCHER" ] || { echo "error: no launcher at $LAUNCHER" >&2; exit 1; }
[ -x "$CLI" ] || { echo "error: no commands' launcher at $CLI" >&2; exit 1; }
fail() {
  echo "smoke test failed: $*" >&2
  exit 1
}

# 1. A command through each installed launcher (the commands' one, bin/sigma-workbench, and the
#    window's one): the headline rule on the Sysmon sample hits the 8 records that export
#    certificates, exit code 0, nothing on stderr but the summary.
for launcher in "$CLI" "$LAUNCHER"; do
  status=0
  out="$("$launcher" test "$RULE" --logs sample-logs/sysmon-fields.csv 2> target/smoke-cli.err)" || status=$?
  [ "$status" = 0 ] || fail "$launcher test: exit code $status: $(cat target/smoke-cli.err)"
  [ "$(cat target/smoke-cli.err)" = "8 hits in 18 events" ] || fail "$launcher test: stderr: $(cat target/smoke-cli.err)"
  [ "$(grep -c 'Certificate Exported Via PowerShell' <<< "$out")" = 8 ] || fail "$launcher test: output: $out"
  echo "ok: \"$launcher\" test <headline rule> --logs sample-logs/sysmon-fields.csv: 8 hits, exit code 0"
done
status=0
"$CLI" convert "$RULE" --target microsoft_xdr > target/smoke-convert.out 2>&1 || status=$?
[ "$status" = 0 ] && grep -q 'DeviceProcessEvents' target/smoke-convert.out \
  || fail "convert: exit code $status: $(cat target/smoke-convert.out)"
echo "ok: convert --target microsoft_xdr writes a DeviceProcessEvents query"
# The commands' launcher runs on its class data archive: a start that refused it would say so here.
[ -s "$IMAGE/lib/app/sigma-workbench-cli.jsa" ] || fail "no class data archive for the commands"
"$CLI" --version > /dev/null 2>&1 || fail "$CLI --version failed"
shared="$(JAVA_TOOL_OPTIONS=-Xlog:class+load=info "$CLI" --version 2> /dev/null | grep -c 'org.sigmaworkbench.Launcher source: shared objects file' || true)"
[ "$shared" = 1 ] || fail "the commands' launcher did not load its classes from its class data archive"
echo "ok: \"$CLI\" loads the app's classes from its class data archive"

# 2. The window, on a private Xvfb display.
display=""
for n in $(seq 90 120); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
    display=":$n"
    break
  fi
done
[ -n "$display" ] || fail "no free X display number"
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp > target/smoke-xvfb.log 2>&1 &
xvfb_pid=$!
app_pid=""
settings_home=""
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2> /dev/null || true
  kill "$xvfb_pid" 2> /dev/null || true
  [ -z "$settings_home" ] || rm -rf "$settings_home"
}
trap cleanup EXIT
for _ in $(seq 100); do
  DISPLAY="$display" xdotool getdisplaygeometry > /dev/null 2>&1 && break
  sleep 0.1
done
start=$(date +%s%N)
# A first start, as on a fresh machine: an empty settings folder of its own (not the user's, whose
# remembered session would open instead of the headline rule and the sample).
settings_home="$(mktemp -d)"
SIGMA_WORKBENCH_HOME="$settings_home" SIGMAWB_STARTUP_TRACE=1 DISPLAY="$display" "$LAUNCHER" \
  > target/smoke-window.log 2>&1 &
app_pid=$!
mapped=""
deadline=$((start + TIMEOUT_S * 1000000000))
while [ "$(date +%s%N)" -lt "$deadline" ]; do
  if DISPLAY="$display" xdotool search --onlyvisible --name '^Sigma Workbench$' > /dev/null 2>&1; then
    mapped=$(( ($(date +%s%N) - start) / 1000000 ))
    break
  fi
  kill -0 "$app_pid" 2> /dev/null || fail "the window's process ended: $(cat target/smoke-window.log)"
  sleep 0.05
done
[ -n "$mapped" ] || fail "no window titled Sigma Workbench within $TIMEOUT_S s: $(cat target/smoke-window.log)"
# The window maps first and is filled right after: wait until the trace says the rule's KQL and the
# sample's rows are shown, then a second for errors of the next layout passes.
while [ "$(date +%s%N)" -lt "$deadline" ] && ! grep -q '^sigma-workbench: start: filled' target/smoke-window.log; do
  kill -0 "$app_pid" 2> /dev/null || fail "the window's process ended: $(cat target/smoke-window.log)"
  sleep 0.1
done
grep -q '^sigma-workbench: start: filled (KQL and 18 rows)' target/smoke-window.log \
  || fail "the window was not filled with the KQL and the sample's 18 rows: $(cat target/smoke-window.log)"
sleep 1
kill -0 "$app_pid" 2> /dev/null || fail "the window closed: $(cat target/smoke-window.log)"
if grep -qiE 'exception|error' target/smoke-window.log; then
  fail "the window's start wrote errors: $(cat target/smoke-window.log)"
fi
echo "ok: window 'Sigma Workbench' mapped ${mapped} ms after the launcher started, then filled (KQL, 18 rows)"

# 3. The exit-after-start switch, as the class data archive's training run uses it: the window
#    shows, then the process ends by itself with exit code 0.
kill "$app_pid" 2> /dev/null || true
wait "$app_pid" 2> /dev/null || true
app_pid=""
status=0
SIGMA_WORKBENCH_HOME="$settings_home" SIGMAWB_EXIT_AFTER_START=first-frame SIGMAWB_STARTUP_TRACE=1 \
  DISPLAY="$display" timeout "$TIMEOUT_S" "$LAUNCHER" > target/smoke-exit.log 2>&1 || status=$?
[ "$status" = 0 ] || fail "SIGMAWB_EXIT_AFTER_START=first-frame: exit code $status: $(cat target/smoke-exit.log)"
grep -q '^sigma-workbench: start: first frame at ' target/smoke-exit.log \
  || fail "SIGMAWB_EXIT_AFTER_START=first-frame ended before a first frame: $(cat target/smoke-exit.log)"
echo "ok: SIGMAWB_EXIT_AFTER_START=first-frame shows the window and exits with code 0"
