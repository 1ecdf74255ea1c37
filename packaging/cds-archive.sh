#!/bin/sh
# Writes the app's class data archive (dynamic AppCDS) in an installed Sigma Workbench image:
#   cds-archive.sh IMAGE_DIR        (the folder holding bin/ and lib/ on Linux)
# A training run of the image's own launcher (`test` of the headline rule on the Sysmon sample
# log, both shipped in lib/app/training/) writes lib/app/sigma-workbench.jsa at exit, and the
# launchers' .cfg files then read it (-XX:SharedArchiveFile). Java 17 takes an archive only where
# it was made, with the same jars (path, size, time) and a class path without spaces, so this runs
# where the image is finally installed: at build time for the app image, in the .deb's postinst
# for the package. A start that cannot use the archive loads the classes as usual.
set -eu
IMAGE="$1"
APP="$IMAGE/lib/app"
LAUNCHER="$IMAGE/bin/Sigma Workbench"
JSA=sigma-workbench.jsa
option="java-options=-XX:SharedArchiveFile=\$APPDIR/$JSA"
for cfg in "$APP"/*.cfg; do
  grep -v -e '^java-options=-XX:SharedArchiveFile=' -e '^java-options=-XX:ArchiveClassesAtExit=' "$cfg" > "$cfg.tmp" || true
  mv "$cfg.tmp" "$cfg"
done
rm -f "$APP/$JSA"
cfg="$APP/Sigma Workbench.cfg"
cp "$cfg" "$cfg.orig"
echo "java-options=-XX:ArchiveClassesAtExit=\$APPDIR/$JSA" >> "$cfg"
status=0
"$LAUNCHER" test "$APP/training/headline-rule.yml" --logs "$APP/training/sysmon-fields.csv" > "$APP/training.out" 2>&1 || status=$?
mv "$cfg.orig" "$cfg"
if [ "$status" -ne 0 ] || [ ! -s "$APP/$JSA" ]; then
  echo "error: the training run for the class data archive failed (exit code $status):" >&2
  cat "$APP/training.out" >&2
  rm -f "$APP/training.out" "$APP/$JSA"
  exit 1
fi
rm -f "$APP/training.out"
for cfg in "$APP"/*.cfg; do
  echo "$option" >> "$cfg"
done
echo "class data archive: $APP/$JSA ($(wc -c < "$APP/$JSA") bytes)"
