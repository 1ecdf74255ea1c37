#!/usr/bin/env bash
# Builds Sigma Workbench as a desktop application with jpackage:
#   packaging/build-app.sh [app-image|deb|msi|dmg]     (default app-image; --deb is the same as deb)
# app-image: target/dist/sigma-workbench/ on Linux (bin/Sigma Workbench runs the window and the
# commands), target/dist/Sigma Workbench/ on Windows, target/dist/Sigma Workbench.app on macOS.
# deb (Linux), msi (Windows, needs WiX 3 on the PATH) and dmg (macOS) are made from that image. Each
# type builds on its own platform only (jpackage cannot cross-build): packaging/ci/installers.yml
# runs the msi and dmg builds on Windows and macOS runners.
#
# The image: the app jar and its non-JavaFX libraries on the class path; JavaFX (this platform's
# jars) as modules of a runtime trimmed by jlink to the modules jdeps finds (runtime-modules.txt if
# jdeps fails); a class data sharing (CDS) archive of the runtime's classes (jlink
# --generate-cds-archive) and, on Linux, a dynamic archive of the app's classes from a training run
# of the image's launcher (cds-archive.sh); a console launcher sigma-workbench.exe on Windows; file
# associations for Sigma rules (.yml, .yaml) and Windows event logs (.evtx); the icon in
# packaging/icon/.
set -euo pipefail
cd "$(dirname "$0")/.."

TYPE="${1:-app-image}"
[ "$TYPE" = "--deb" ] && TYPE=deb
case "$TYPE" in
  app-image | deb | msi | dmg) ;;
  *)
    echo "usage: packaging/build-app.sh [app-image|deb|msi|dmg]" >&2
    exit 2
    ;;
esac

VERSION=0.1.0
NAME="Sigma Workbench"
RULE=src/main/resources/org/sigmaworkbench/rules/proc_creation_win_powershell_export_certificate.yml
TRAIN_LOG=sample-logs/sysmon-fields.csv

# The platform: which JavaFX jars to bundle, the path separator of Java tools, the icon format.
SEP=":"
case "$(uname -s)" in
  Linux) FX=linux ICON=png PLATFORM_TYPES="app-image deb" ;;
  Darwin)
    FX=mac ICON=icns PLATFORM_TYPES="app-image dmg"
    [ "$(uname -m)" = arm64 ] && FX=mac-aarch64
    ;;
  MINGW* | MSYS* | CYGWIN*) FX=win ICON=ico PLATFORM_TYPES="app-image msi" SEP=";" ;;
  *)
    echo "error: no jpackage build for $(uname -s)" >&2
    exit 2
    ;;
esac
case " $PLATFORM_TYPES " in
  *" $TYPE "*) ;;
  *)
    echo "error: a $TYPE is built on its own platform; here ($(uname -s)) only: $PLATFORM_TYPES" >&2
    exit 2
    ;;
esac
ICON_FILE="packaging/icon/sigma-workbench.$ICON"
if [ ! -f "$ICON_FILE" ]; then
  echo "error: $ICON_FILE is missing (the installers workflow converts it from sigma-workbench.png)" >&2
  exit 2
fi

# Without the old jars: a package run that finds the jar up to date keeps the shaded one, which the
# shade plugin then takes for the original.
rm -f target/sigma-workbench.jar target/original-sigma-workbench.jar
mvn -B -q -ntp package -DskipTests -Dspotless.check.skip=true
rm -rf target/dist target/jpackage-input target/jpackage-fx target/jpackage-deps target/jpackage-runtime
mkdir -p target/dist target/jpackage-input target/jpackage-fx
mvn -B -q -ntp dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/jpackage-deps
cp target/original-sigma-workbench.jar target/jpackage-input/sigma-workbench.jar
for jar in target/jpackage-deps/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-"$FX".jar) cp "$jar" target/jpackage-fx/ ;;
    javafx-*) ;; # another platform's jars, or the platform-neutral ones that hold no classes
    *) cp "$jar" target/jpackage-input/ ;;
  esac
done
ls target/jpackage-fx/javafx-graphics-*.jar > /dev/null

# The runtime's modules: what jdeps finds the app and its libraries use, with java.logging always
# (the desktop start filters JavaFX's log through java.util.logging, and JavaFX logs through it:
# without it the window fails with NoClassDefFoundError java/util/logging/Logger), and the TLS
# elliptic-curve provider, as the workspace queries speak HTTPS (java.net.http): most
# servers, Azure's among them, offer only ECDHE key exchange. If jdeps fails, the checked-in list.
FX_PATH="$(ls target/jpackage-fx/*.jar | paste -sd "$SEP" -)"
CP="$(ls target/jpackage-input/*.jar | grep -v '/sigma-workbench.jar$' | paste -sd "$SEP" -)"
if MODULES="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 \
  --module-path "$FX_PATH" --class-path "$CP" target/jpackage-input/sigma-workbench.jar)"; then
  # The workspace queries speak HTTPS (azure-core over java.net.http): always the EC provider.
  MODULES="$MODULES,jdk.crypto.ec"
else
  echo "warning: jdeps failed; using packaging/runtime-modules.txt" >&2
  MODULES="$(grep -v '^#' packaging/runtime-modules.txt | paste -sd, -)"
fi
MODULES="$(tr ',' '\n' <<< "$MODULES,java.logging" | grep -v '^$' | sort -u | paste -sd, -)"
echo "runtime modules: $MODULES"

# The runtime. The JDK's own commands are left out but for bin/java on Linux, which the commands'
# launcher bin/sigma-workbench runs (the window's launcher is jpackage's); macOS keeps none, Windows
# all of bin/ (it also holds the runtime's DLLs). --generate-cds-archive writes
# lib/server/classes.jsa, a CDS archive of the runtime's own classes that every start maps instead of
# parsing them from lib/modules.
JLINK_CDS=--generate-cds-archive
jlink --list-plugins | grep -q -- --generate-cds-archive || JLINK_CDS=
jlink --output target/jpackage-runtime --module-path "$FX_PATH" --add-modules "$MODULES" \
  --strip-debug --no-man-pages --no-header-files --compress=2 $JLINK_CDS
case "$FX" in
  linux) find target/jpackage-runtime/bin -mindepth 1 ! -name java -exec rm -rf {} + ;;
  win) ;;
  *) rm -rf target/jpackage-runtime/bin ;;
esac
# JavaFX's native libraries where its loader looks first, the runtime's own library folder (bin\
# on Windows, lib/ elsewhere): the Maven jars carry them as resources, which the loader otherwise
# copies to ~/.openjfx/cache and checks against the resource on every start.
NATIVE_DIR=target/jpackage-runtime/lib
[ "$FX" = win ] && NATIVE_DIR=target/jpackage-runtime/bin
rm -rf target/jpackage-native && mkdir -p target/jpackage-native
for jar in target/jpackage-fx/*.jar; do
  (cd target/jpackage-native && jar xf "../../$jar")
done
find target/jpackage-native -maxdepth 1 -type f \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) \
  -exec cp {} "$NATIVE_DIR/" \;

# JVM options (measured: docs/decisions/0022-launcher.md). The C1 compiler alone
# (TieredStopAtLevel=1): a command is a short run and C2's compile time did not pay back even over a
# 64 MB .evtx or a 200 MB CSV (C1 alone took less CPU on both). The serial collector: a command is one
# thread of work and the window one UI thread; no concurrent collector threads to start, and it took
# less CPU than G1 on both logs. No -Xmx: the heap follows the machine (a quarter of its memory; the
# window's large-log goal holds in 512 MB). No -Xss: nothing we ran needed more than the default.
JAVA_OPTIONS=(--java-options -XX:+UseSerialGC --java-options -XX:TieredStopAtLevel=1)

# File types the installers register: Sigma rules open in the rule editor, event logs in the test
# pane (the launcher reads a bare path by its extension).
ASSOCIATIONS=()
for f in packaging/associations/*.properties; do
  ASSOCIATIONS+=(--file-associations "$f")
done

# The image. On Windows a second launcher, sigma-workbench.exe, is a console program for the
# commands (the main one is a GUI program whose output no console sees); on Linux the commands have
# their own launcher, bin/sigma-workbench (below; the .deb links it as /usr/bin/sigma-workbench); on
# macOS the main launcher runs the commands as well.
LAUNCHERS=()
[ "$FX" = win ] && LAUNCHERS=(--add-launcher sigma-workbench=packaging/launchers/sigma-workbench.properties)
# What the class data archive's training run reads, beside the jars (no jar: not on the class path).
mkdir -p target/jpackage-input/training
cp "$RULE" target/jpackage-input/training/headline-rule.yml
cp "$TRAIN_LOG" target/jpackage-input/training/sysmon-fields.csv
cp packaging/cds-archive.sh target/jpackage-input/
jpackage --type app-image --dest target/dist --name "$NAME" \
  --input target/jpackage-input --main-jar sigma-workbench.jar --main-class org.sigmaworkbench.Launcher \
  --runtime-image target/jpackage-runtime "${JAVA_OPTIONS[@]}" "${LAUNCHERS[@]}" \
  --icon "$ICON_FILE" --app-version "$VERSION" --vendor "Sigma Workbench" \
  --description "Sigma rules to KQL, tested on logs"

# Linux: the image folder without the space, and the app's class data archive. Java 17 takes a
# dynamic (AppCDS) archive only on the class path it was made with, and never on a class path with a
# space in it: target/dist/sigma-workbench/ here and /opt/sigma-workbench/ when installed (the .deb's
# postinst makes the archive again there). Windows (C:\Program Files\...) and macOS (Sigma
# Workbench.app) install under names with spaces, so their images keep jlink's archive of the
# runtime's classes only.
case "$FX" in
  linux)
    mv "target/dist/$NAME" target/dist/sigma-workbench
    IMAGE=target/dist/sigma-workbench
    # The commands' launcher: packaging/launchers/sigma-workbench.sh with the JVM options and the
    # class path of the window's launcher (its .cfg; $APPDIR is the script's $app).
    cfg="$IMAGE/lib/app/$NAME.cfg"
    classpath="$(sed -n 's|^app\.classpath=\$APPDIR/|$app/|p' "$cfg" | paste -sd: -)"
    options="$(sed -n 's|^java-options=||p' "$cfg" | grep -v '^-XX:SharedArchiveFile=' | paste -sd' ' -)"
    sed -e "s|@CLASSPATH@|$classpath|" -e "s|@JAVA_OPTIONS@|$options|" \
      packaging/launchers/sigma-workbench.sh > "$IMAGE/bin/sigma-workbench"
    chmod 755 "$IMAGE/bin/sigma-workbench"
    sh "$IMAGE/lib/app/cds-archive.sh" "$IMAGE"
    echo "app image: $IMAGE/bin/$NAME, commands: $IMAGE/bin/sigma-workbench"
    ;;
  win) IMAGE="target/dist/$NAME" && echo "app image: $IMAGE/$NAME.exe, commands: $IMAGE/sigma-workbench.exe" ;;
  mac*) IMAGE="target/dist/$NAME.app" && echo "app image: $IMAGE" ;;
esac

case "$TYPE" in
  deb)
    jpackage --type deb --dest target/dist --app-image "$IMAGE" --name sigma-workbench \
      --resource-dir packaging/linux \
      --app-version "$VERSION" --vendor "Sigma Workbench" --description "Sigma rules to KQL, tested on logs" \
      --icon "$ICON_FILE" "${ASSOCIATIONS[@]}" --linux-shortcut --linux-menu-group "Development;Security" \
      --linux-app-category devel \
      --linux-package-deps 'libgtk-3-0, libgl1, libxtst6, fonts-dejavu-core, fontconfig'
    ls -la target/dist/*.deb
    ;;
  msi)
    jpackage --type msi --dest target/dist --app-image "$IMAGE" --name "$NAME" \
      --app-version "$VERSION" --vendor "Sigma Workbench" --description "Sigma rules to KQL, tested on logs" \
      "${ASSOCIATIONS[@]}" --win-menu --win-shortcut --win-dir-chooser \
      --win-upgrade-uuid 6f1d0c5e-2f4e-4c3b-9a57-6a1b8e0c2d41
    ls -la target/dist/*.msi
    ;;
  dmg)
    jpackage --type dmg --dest target/dist --app-image "$IMAGE" --name "$NAME" \
      --app-version "$VERSION" --vendor "Sigma Workbench" "${ASSOCIATIONS[@]}" \
      --mac-package-identifier org.sigmaworkbench.workbench
    ls -la target/dist/*.dmg
    ;;
esac
