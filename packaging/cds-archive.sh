#!/bin/sh
# Writes the app's class data archive (dynamic AppCDS) in an installed Sigma Workbench image:
#   cds-archive.sh IMAGE_DIR        (the folder holding bin/ and lib/ on Linux)
# A training run of the image's own launcher writes lib/app/sigma-workbench.jsa at exit, and the
# launchers' .cfg files then read it (-XX:SharedArchiveFile). The training run opens the window
# on a private Xvfb display, as a user's start does (the headline rule and the Sysmon sample log),
# and closes it once the rule's KQL and the run's rows are shown (SIGMAWB_EXIT_AFTER_START=filled):
# the archive then holds the JavaFX, RichTextFX and AtlantaFX classes of the window's start as well
# as the rule loading, KQL writing and log reading a command does. Without Xvfb (or when the window
# cannot open) the training run is the command `test` of the headline rule on the Sysmon sample
# (both shipped in lib/app/training/), and the script says so: the window then starts without
# archived window classes. Java 17 takes an archive only where it was made, with the same jars
# (path, size, time) and a class path without spaces, so this runs where the image is finally
# installed: at build time for the app image, in the .deb's postinst for the package. A start that
# cannot use the archive loads the classes as usual. See docs/decisions/0027-window-start.md.
set -eu
IMAGE="$(cd "$1" && pwd)"
APP="$IMAGE/lib/app"
LAUNCHER="$IMAGE/bin/Sigma Workbench"
JSA=sigma-workbench.jsa
TIMEOUT_S="${CDS_WINDOW_TIMEOUT_S:-120}"
option="java-options=-XX:SharedArchiveFile=\$APPDIR/$JSA"
for cfg in "$APP"/*.cfg; do
  grep -v -e '^java-options=-XX:SharedArchiveFile=' -e '^java-options=-XX:ArchiveClassesAtExit=' "$cfg" > "$cfg.tmp" || true
  mv "$cfg.tmp" "$cfg"
done
rm -f "$APP/$JSA"
cfg="$APP/Sigma Workbench.cfg"
cp "$cfg" "$cfg.orig"
echo "java-options=-XX:ArchiveClassesAtExit=\$APPDIR/$JSA" >> "$cfg"
work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2> /dev/null || true
  [ ! -f "$cfg.orig" ] || mv "$cfg.orig" "$cfg"
  rm -rf "$work"
}
trap cleanup EXIT

# The window's training run, on a private X display, with an empty settings folder and the working
# folder a new one (so the sample log is the copy inside the jar, as for an installed start).
trained=""
if command -v Xvfb > /dev/null 2>&1; then
  display=""
  for n in $(seq 180 220); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
      display=":$n"
      break
    fi
  done
  if [ -n "$display" ]; then
    Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    # Up once the display answers; without xdotool, a second.
    if command -v xdotool > /dev/null 2>&1; then
      for _ in $(seq 100); do
        DISPLAY="$display" xdotool getdisplaygeometry > /dev/null 2>&1 && break
        sleep 0.1
      done
    else
      sleep 1
    fi
    mkdir -p "$work/settings" "$work/run"
    status=0
    (cd "$work/run" && SIGMA_WORKBENCH_HOME="$work/settings" SIGMAWB_EXIT_AFTER_START=filled \
      DISPLAY="$display" timeout "$TIMEOUT_S" "$LAUNCHER") > "$work/window.out" 2>&1 || status=$?
    kill "$xvfb_pid" 2> /dev/null || true
    xvfb_pid=""
    if [ "$status" -eq 0 ] && [ -s "$APP/$JSA" ]; then
      trained="the window's start (headline rule, sample log) under Xvfb"
    else
      echo "warning: the window's training run failed (exit code $status); training on the command only:" >&2
      cat "$work/window.out" >&2
      rm -f "$APP/$JSA"
    fi
  else
    echo "warning: no free X display for the window's training run; training on the command only" >&2
  fi
else
  echo "note: no Xvfb: the class data archive is trained on the command only (not the window)" >&2
fi

if [ -z "$trained" ]; then
  status=0
  "$LAUNCHER" test "$APP/training/headline-rule.yml" --logs "$APP/training/sysmon-fields.csv" > "$work/training.out" 2>&1 || status=$?
  if [ "$status" -ne 0 ] || [ ! -s "$APP/$JSA" ]; then
    echo "error: the training run for the class data archive failed (exit code $status):" >&2
    cat "$work/training.out" >&2
    rm -f "$APP/$JSA"
    exit 1
  fi
  trained="the command test <headline rule> --logs <sample>"
fi
mv "$cfg.orig" "$cfg"
for cfg in "$APP"/*.cfg; do
  echo "$option" >> "$cfg"
done
echo "class data archive: $APP/$JSA ($(wc -c < "$APP/$JSA") bytes), trained on $trained"

# The commands' archive (Linux: bin/sigma-workbench runs the runtime's java directly), a static one:
# picocli's classes are Java 5 class files, which Java 17 keeps in a static archive only. The classes
# the commands load (their training runs list them, -XX:DumpLoadedClassList) are archived with the
# runtime's own (-Xshare:dump) for the class path and JVM options of bin/sigma-workbench. .evtx
# reading is not trained (no event log ships with the image); its classes load as usual.
CLI="$IMAGE/bin/sigma-workbench"
CLI_JSA=sigma-workbench-cli.jsa
rm -f "$APP/$CLI_JSA"
if [ -x "$CLI" ] && [ -x "$IMAGE/lib/runtime/bin/java" ]; then
  mkdir -p "$work/settings" "$work/run"
  rule="$APP/training/headline-rule.yml"
  log="$APP/training/sysmon-fields.csv"
  n=0
  status=0
  for command in "test $rule --logs $log" "test $rule --logs $log --format jsonl" \
    "convert $rule" "convert $rule --target microsoft_xdr" "convert $rule --target azure_monitor" \
    "check $rule" "events $log" "export $rule --as sentinel-arm" "--help"; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # the command's words
    (cd "$work/run" && SIGMA_WORKBENCH_HOME="$work/settings" \
      JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/classes.$n" "$CLI" $command) \
      > "$work/cli.out" 2>&1 || status=$?
  done
  # In the order first loaded, each class once.
  cat "$work"/classes.* | awk '!seen[$0]++' > "$work/classes.list"
  JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$work/classes.list -XX:SharedArchiveFile=$APP/$CLI_JSA" \
    "$CLI" --version > "$work/cli-dump.out" 2>&1 || status=$?
  if [ -s "$APP/$CLI_JSA" ] && "$CLI" --version > /dev/null 2>&1; then
    echo "class data archive of the commands: $APP/$CLI_JSA ($(wc -c < "$APP/$CLI_JSA") bytes), $(wc -l < "$work/classes.list") classes listed"
  else
    echo "warning: no class data archive for the commands (exit code $status); they start without it:" >&2
    tail -5 "$work/cli-dump.out" >&2
    rm -f "$APP/$CLI_JSA"
  fi
fi
